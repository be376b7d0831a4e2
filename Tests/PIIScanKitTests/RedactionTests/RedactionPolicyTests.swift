import Testing

@testable import PIIScanKit

@Suite struct RedactionPolicyTests {
  @Test func parsesVersionOneFile() throws {
    let policy = try RedactionPolicy.parse(
      yaml: """
        version: 1
        default: mask
        entities:
          email: partial
          credit_card: hash
          ipv4: keep
        """, origin: "p.yaml")
    #expect(policy.defaultOperator == .mask)
    #expect(policy.operator(for: "email") == .partial)
    #expect(policy.operator(for: "credit_card") == .hash)
    #expect(policy.operator(for: "ipv4") == .keep)
    #expect(policy.operator(for: "phone") == .mask)
  }

  @Test func defaultsToTag() throws {
    let policy = try RedactionPolicy.parse(yaml: "version: 1\n", origin: "p.yaml")
    #expect(policy == RedactionPolicy(defaultOperator: .tag))
  }

  @Test(arguments: [
    ("default: tag\n", "version: missing"),
    ("version: 2\n", "version: unsupported version '2'"),
    ("version: 1\ndefault: blur\n", "default: unknown operator 'blur'"),
    ("version: 1\nentities:\n  email: mask2\n", "entities.email: unknown operator 'mask2'"),
    ("version: 1\nentities:\n  Email: mask\n", "entities.Email: not an entity id"),
    ("version: 1\nentities: [email]\n", "entities: expected a mapping"),
    ("version: 1\noperators: {}\n", "unknown field 'operators'"),
    ("version: 1\nentities:\n  email: [mask]\n", "entities.email: expected an operator name"),
    ("- just a list\n", "a policy file is a mapping"),
    ("version: 1\n  bad: : indent\n", "not valid YAML"),
  ])
  func rejectsBadFilesNamingFileAndField(_ yaml: String, _ message: String) {
    do {
      _ = try RedactionPolicy.parse(yaml: yaml, origin: "policies/p.yaml")
      Issue.record("accepted a bad policy")
    } catch {
      #expect(error.code == .badPolicy)
      #expect(error.path == "policies/p.yaml")
      #expect(error.message.contains(message), "\(error.message)")
    }
  }

  @Test func commandLineChoicesApplyInOrder() throws {
    let base = RedactionPolicy(defaultOperator: .tag, operators: ["email": .partial])
    let policy = try base.applying(["mask", "email=hash", "phone=keep"])
    #expect(policy.defaultOperator == .mask)
    #expect(policy.operators == ["email": .hash, "phone": .keep])
    #expect(throws: ScanError.self) { try base.applying(["email=blur"]) }
    #expect(throws: ScanError.self) { try base.applying(["E-mail=tag"]) }
  }

  @Test func hashIdentifiesContentNotLayout() throws {
    let a = try RedactionPolicy.parse(
      yaml: "version: 1\nentities: {email: mask, phone: tag}\n", origin: "a")
    let b = try RedactionPolicy.parse(
      yaml: "# comment\nentities:\n  phone: tag\n  email: mask\nversion: 1\n", origin: "b")
    let c = try RedactionPolicy.parse(
      yaml: "version: 1\nentities: {email: hash, phone: tag}\n", origin: "c")
    #expect(a.hash == b.hash)
    #expect(a.hash != c.hash)
    #expect(a.hash.count == 64)
    #expect(a.canonicalText == "version=1\ndefault=tag\nemail=mask\nphone=tag\n")
  }
}
