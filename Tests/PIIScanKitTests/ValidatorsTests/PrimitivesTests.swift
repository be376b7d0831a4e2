import Testing

@testable import PIIScanKit

private let b = WorldBytes.bytes

private func hex(_ bytes: [UInt8]) -> String {
  bytes.hexString
}

@Suite struct Keccak256Tests {
  // Keccak team / Ethereum: Keccak-256 (original padding) of "" and "abc".
  @Test(arguments: [
    ("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
    ("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
  ])
  func matchesKeccakVectors(_ message: String, _ digest: String) {
    #expect(hex(Keccak256.hash(b(message))) == digest)
  }

  // The same permutation with FIPS 202 padding must give SHA3-256; these lengths cross the
  // 136-byte rate (135: padding in one byte; 136: a whole padding block; 200: two blocks).
  // Digests from FIPS 202 ("abc") and Python's hashlib.sha3_256.
  @Test(arguments: [
    (0, "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"),
    (135, "8094bb53c44cfb1e67b7c30447f9a1c33696d2463ecc1d9c92538913392843c9"),
    (136, "3fc5559f14db8e453a0a3091edbd2bc25e11528d81c66fa570a4efdcc2695ee1"),
    (200, "cce34485baf2bf2aca99b94833892a4f52896d3d153f7b840cc4f9fe695f1387"),
  ])
  func sha3PaddingMatchesMultiBlockVectors(_ length: Int, _ digest: String) {
    let message = [UInt8](repeating: UInt8(ascii: "a"), count: length)
    #expect(hex(Keccak256.sponge(message, domainPadding: 0x06)) == digest)
  }

  @Test func sha3OfABCMatchesFIPS202() {
    #expect(
      hex(Keccak256.sponge(b("abc"), domainPadding: 0x06))
        == "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532")
  }
}

@Suite struct VerhoeffTests {
  // Wikipedia "Verhoeff algorithm": 236 has check digit 3; python-stdnum verhoeff doctest
  // 1234 → 0.
  @Test(arguments: [[2, 3, 6, 3], [1, 2, 3, 4, 0]])
  func acceptsValidCheckDigits(_ digits: [Int]) {
    #expect(Verhoeff.isValid(digits))
  }

  @Test(arguments: [[2, 3, 6, 4], [1, 2, 3, 4], [3, 2, 6, 3]])
  func rejectsInvalidCheckDigits(_ digits: [Int]) {
    #expect(!Verhoeff.isValid(digits))
  }
}

@Suite struct WorldRegistryTests {
  static let names = [
    "ca_sin", "us_itin", "us_npi", "us_dea", "br_cpf", "br_cnpj", "mx_curp", "in_aadhaar",
    "in_pan", "cn_resident_id", "sg_nric", "kr_rrn", "jp_my_number", "au_tfn", "au_abn",
    "au_medicare", "za_id", "tr_national_id", "il_id", "vin", "imei", "bitcoin_address",
    "ethereum_address", "swift_bic", "npm_token",
  ]

  @Test(arguments: names)
  func registersEveryWorldValidatorByName(_ name: String) {
    #expect(ValidatorRegistry.named(name) != nil)
    #expect(ValidatorRegistry.world.contains { $0.name == name })
  }

  @Test func allIsSortedAndUnique() {
    let all = ValidatorRegistry.all.map(\.name)
    #expect(all == all.sorted())
    #expect(Set(all).count == all.count)
    #expect(Set(ValidatorRegistry.world.map(\.name)) == Set(Self.names))
  }

  @Test func registryEntriesDispatchToTheirValidators() {
    #expect(ValidatorRegistry.named("il_id")?.check(b("039337423")) == .confirmed)
    #expect(ValidatorRegistry.named("il_id")?.check(b("039337422")) == .rejected)
    #expect(ValidatorRegistry.named("luhn")?.check(b("4111111111111111")) == .confirmed)
  }
}
