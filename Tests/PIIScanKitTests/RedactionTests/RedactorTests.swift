import Testing

@testable import PIIScanKit

@Suite struct RedactorTests {
  func finding(_ entity: String, _ value: String, fingerprint: String = "3f9a1c2b7d10ffee")
    -> Finding
  {
    Finding(
      source: "t", offset: 0, length: value.utf8.count, line: 1, entity: entity, detector: entity,
      confidence: 1, validated: true, field: nil, preview: "",
      fingerprint: Fingerprint(
        hex: fingerprint + String(repeating: "0", count: 64 - fingerprint.count))!,
      value: Array(value.utf8))
  }

  func text(_ bytes: [UInt8]?) -> String? { bytes.map { String(decoding: $0, as: UTF8.self) } }

  @Test(arguments: [
    (RedactionOperator.tag, "credit_card", "4111 1111 1111 1111", "[CREDIT_CARD]"),
    (.mask, "credit_card", "4111 1111 1111 1111", "**** **** **** ****"),
    (.partial, "credit_card", "4111-1111-1111-1111", "****-****-****-1111"),
    (.partial, "iban", "DE89 3704 0044 0532 0130 00", "**** **** **** **** **30 00"),
    (.partial, "us_ssn", "599-55-9561", "***-**-9561"),
    (.partial, "phone", "+49 30 5408072", "+** ** ***8072"),
    (.partial, "phone", "555-0100", "***-****"),
    (.partial, "email", "jane.doe@example.com", "****.***@example.com"),
    (.partial, "ipv4", "10.1.2.3", "**.*.*.*"),
    (.mask, "email", "jané@example.com", "****@*******.***"),
    (.mask, "url_credentials", "app:s3cret", "**********"),
    (.hash, "email", "jane@example.com", "EMAIL_3f9a1c2b7d10"),
    (.remove, "email", "jane@example.com", ""),
  ])
  func appliesOperator(
    _ op: RedactionOperator, _ entity: String, _ value: String, _ expected: String
  ) {
    let redactor = Redactor(policy: RedactionPolicy(defaultOperator: op))
    #expect(text(redactor.replacement(for: finding(entity, value))) == expected)
  }

  @Test func keepLeavesTheValue() {
    let redactor = Redactor(
      policy: RedactionPolicy(defaultOperator: .mask, operators: ["email": .keep]))
    #expect(redactor.replacement(for: finding("email", "a@b.example")) == nil)
    #expect(text(redactor.replacement(for: finding("phone", "555 0100"))) == "*** ****")
  }

  @Test func maskKeepsCharacterCountOfMultibyteText() {
    // "Zoë Ørsted": 10 characters, 12 bytes.
    #expect(text(Redactor.mask(Array("Zoë Ørsted".utf8))) == "*** ******")
  }

  @Test func entityOperatorOverridesDefault() {
    let policy = RedactionPolicy(defaultOperator: .tag, operators: ["email": .hash])
    let redactor = Redactor(policy: policy)
    #expect(
      text(
        redactor.replacement(
          for: finding("email", "x@y.example", fingerprint: "00112233445566778899")))
        == "EMAIL_001122334455")
    #expect(text(redactor.replacement(for: finding("us_ssn", "599-55-9561"))) == "[US_SSN]")
  }
}
