import Foundation
import TestSupport
import Testing

@testable import PIIScanKit

@Suite struct ManifestSignerTests {
  static func hex(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    var chars = Array(text.utf8)[...]
    while chars.count >= 2 {
      out.append(UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16)!)
      chars = chars.dropFirst(2)
    }
    return out
  }

  static func manifest() -> LineageManifest {
    let recorder = LineageFixture.record([Fixtures.corpus("logs/app.log")])
    recorder.recordOutput(
      input: Fixtures.corpus("logs/app.log"), path: "out.log",
      sha256: String(repeating: "ab", count: 32), policy: "mask")
    return recorder.manifest(endedAt: LineageTime(seconds: 1_700_000_100))
  }

  /// RFC 8032 §7.1, TEST 1: the public key derived from the secret key.
  @Test func derivesTheRFC8032PublicKey() throws {
    let signer = try ManifestSigner(
      privateKey: Self.hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
    #expect(
      signer.publicKey
        == Self.hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))
  }

  @Test func signedManifestsVerifyAndEndWithTheSignature() throws {
    let signer = ManifestSigner.generate()
    let signed = try signer.sign(Self.manifest())
    #expect(ManifestSigner.isValid(signed, publicKey: signer.publicKey))
    #expect(signed.signature?.keyID == signer.keyID)
    #expect(signed.signature?.publicKey == Base64.encode(signer.publicKey))
    guard case .object(let members) = signed.json() else { return }
    #expect(members.last?.0 == "signature")
    // The signature covers exactly the unsigned encoding.
    #expect(signed.canonicalBytes() == Self.manifest().encoded())
  }

  @Test func anotherKeyDoesNotVerify() throws {
    let signed = try ManifestSigner.generate().sign(Self.manifest())
    #expect(!ManifestSigner.isValid(signed, publicKey: ManifestSigner.generate().publicKey))
  }

  /// Changing any one byte of a signed manifest's text either makes it unparsable or breaks the
  /// signature check (inside the signature block: its key, key id or value).
  @Test(arguments: [0, 1, 2, 3])
  func everyTamperedByteIsCaught(_ stride: Int) throws {
    let signer = ManifestSigner.generate()
    let bytes = try signer.sign(Self.manifest()).encoded()
    var checked = 0
    var position = stride
    while position < bytes.count {
      var tampered = bytes
      // Flip a bit that keeps ASCII letters and digits printable, so most variants still parse.
      tampered[position] ^= 0x01
      if let parsed = try? LineageManifest(parsing: tampered), parsed.encoded() == tampered {
        let state = ManifestVerifier(publicKey: signer.publicKey).checkSignature(parsed)
        #expect(
          state != .valid(keyID: signer.keyID, trusted: true), "byte \(position) changed unnoticed")
        checked += 1
      }
      position += 97
    }
    #expect(checked > 5)
  }

  @Test func keyFilesRoundTripAsPEM() throws {
    let signer = ManifestSigner.generate()
    let privateFile = signer.privateKeyFile()
    let publicFile = signer.publicKeyFile()
    #expect(
      LineageFixture.text(privateFile).hasPrefix(
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI"))
    #expect(
      LineageFixture.text(publicFile).hasPrefix("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA"))
    let reloaded = try ManifestSigner(privateKey: SigningKeyFile.parsePrivateKey(privateFile))
    #expect(reloaded.publicKey == signer.publicKey)
    #expect(try SigningKeyFile.parsePublicKey(publicFile) == signer.publicKey)
    // One line of base64 with the raw key is accepted too.
    #expect(
      try SigningKeyFile.parsePublicKey(Array((Base64.encode(signer.publicKey) + "\n").utf8))
        == signer.publicKey)
  }

  @Test func rejectsTheWrongKindOfKeyFile() {
    let signer = ManifestSigner.generate()
    #expect(throws: ScanError.self) { try SigningKeyFile.parsePrivateKey(signer.publicKeyFile()) }
    #expect(throws: ScanError.self) { try SigningKeyFile.parsePublicKey(signer.privateKeyFile()) }
    #expect(throws: ScanError.self) { try SigningKeyFile.parsePublicKey(Array("not a key\n".utf8)) }
    #expect(throws: ScanError.self) { try ManifestSigner(privateKey: [1, 2, 3]) }
  }

  @Test func keygenWritesPrivateKey0600AndPublicKey0644AndKeepsExistingFiles() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let prefix = dir.appendingPathComponent("lineage").path
    let signer = ManifestSigner.generate()
    let paths = try signer.writeKeyFiles(prefix: prefix)
    #expect(paths == (prefix + ".key", prefix + ".pub"))
    func mode(_ path: String) throws -> Int {
      (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber)
        .intValue
    }
    #expect(try mode(paths.privateKey) == 0o600)
    #expect(try mode(paths.publicKey) == 0o644)
    #expect(try ManifestSigner.load(keyFile: paths.privateKey).publicKey == signer.publicKey)
    let other = ManifestSigner.generate()
    #expect(throws: ScanError.self) { try other.writeKeyFiles(prefix: prefix) }
    #expect(try ManifestSigner.load(keyFile: paths.privateKey).publicKey == signer.publicKey)
    _ = try other.writeKeyFiles(prefix: prefix, overwrite: true)
    #expect(try ManifestSigner.load(keyFile: paths.privateKey).publicKey == other.publicKey)
  }

  /// OpenSSL reads the key files and verifies a manifest signature over the canonical bytes.
  @Test(.enabled(if: Fixtures.has("openssl")))
  func opensslAgreesOnKeysAndSignatures() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let signer = ManifestSigner.generate()
    let paths = try signer.writeKeyFiles(prefix: dir.appendingPathComponent("k").path)
    let derived = try Fixtures.run("openssl", ["pkey", "-in", paths.privateKey, "-pubout"])
    #expect(derived.status == 0)
    #expect(derived.stdout == Data(signer.publicKeyFile()))
    let signed = try signer.sign(Self.manifest())
    let canonical = dir.appendingPathComponent("canonical")
    let signature = dir.appendingPathComponent("sig")
    try Data(signed.canonicalBytes()).write(to: canonical)
    try Data(Base64.decode(Array(signed.signature!.value.utf8))!).write(to: signature)
    let verify = try Fixtures.run(
      "openssl",
      [
        "pkeyutl", "-verify", "-pubin", "-inkey", paths.publicKey, "-rawin", "-in", canonical.path,
        "-sigfile", signature.path,
      ])
    #expect(verify.status == 0, "\(String(decoding: verify.stdout + verify.stderr, as: UTF8.self))")
  }
}
