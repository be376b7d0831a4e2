import PIIScanKit
import Testing

private let b = WorldBytes.bytes

@Suite struct VINTests {
  // 1M8GDM9AXKP042788: the check-digit worked example of the Wikipedia article "Vehicle
  // identification number" (check character X); 11111111111111111 is the classic all-ones VIN
  // whose check digit is 1; 1HGCM82633A004352 is a widely quoted Honda sample.
  @Test(arguments: [
    "1M8GDM9AXKP042788", "11111111111111111", "1HGCM82633A004352", "1m8gdm9axkp042788",
  ])
  func confirmsValidVINs(_ value: String) {
    #expect(VIN.verdict(b(value)) == .confirmed)
  }

  @Test(arguments: [
    "1M8GDM9A1KP042788",  // wrong check, North American WMI
    "1M8GDM9AXKP04278",  // length
    "1M8GDM9AXKP0427I8",  // I is not allowed
    "1M8GDM9AXKQ042788",  // Q is not allowed
    "OM8GDM9AXKP042788",  // O is not allowed
  ])
  func rejectsInvalidVINs(_ value: String) {
    #expect(VIN.verdict(b(value)) == .rejected)
  }

  // European and Asian manufacturers need not fill position 9 with a check digit.
  @Test(arguments: ["WVWZZZ1JZXW000001", "JH4KA8270MC000000", "SAJWA0ES5DPS00000"])
  func mismatchOutsideNorthAmericaIsUnverifiable(_ value: String) {
    #expect(VIN.verdict(b(value)) == .unverifiable)
  }

  @Test func rejectsEverySubstitutionOfTheCheckCharacter() {
    let alphabet = WorldBytes.digits + [UInt8(ascii: "X")]
    for mutant in WorldBytes.substitutions(of: "1M8GDM9AXKP042788", at: 8..<9, from: alphabet) {
      #expect(VIN.verdict(mutant) == .rejected)
    }
  }
}

@Suite struct IMEITests {
  // 3GPP TS 23.003 Annex B example / Wikipedia "International Mobile Equipment Identity":
  // 49015420323751 with check digit 8.
  @Test func confirmsPublishedExample() {
    #expect(IMEI.verdict(b("490154203237518")) == .confirmed)
  }

  // python-stdnum stdnum.imei doctests: 35-417803-685978-1 fails Luhn.
  @Test(arguments: ["354178036859781", "49015420323751A", "4901542032375", "49015420323751899"])
  func rejectsInvalidValues(_ value: String) {
    #expect(IMEI.verdict(b(value)) == .rejected)
  }

  // No check digit present: 14-digit IMEI, 16-digit IMEISV (stdnum doctest 35686800-004141-20).
  @Test(arguments: ["49015420323751", "3568680000414120"])
  func valuesWithoutCheckDigitAreUnverifiable(_ value: String) {
    #expect(IMEI.verdict(b(value)) == .unverifiable)
  }

  @Test func rejectsEverySingleDigitSubstitution() {
    for mutant in WorldBytes.substitutions(of: "490154203237518") {
      #expect(IMEI.verdict(mutant) == .rejected)
    }
  }
}

@Suite struct SWIFTBICTests {
  // python-stdnum stdnum.bic doctests; DEUTDEFF is Deutsche Bank's published BIC.
  @Test(arguments: ["AGRIFRPP882", "ABNABE2A", "AGRIFRPP", "DEUTDEFF", "deutdeff500", "BANKXKPR"])
  func confirmsValidStructure(_ value: String) {
    #expect(SWIFTBIC.verdict(b(value)) == .confirmed)
  }

  // AGRIF2PP: digit in the country; ZZ and UK are not ISO 3166-1 codes (GB is).
  @Test(arguments: ["AGRIFRPP8", "AGRIF2PP", "AGRIZZPP", "BARCUK22", "AGR1FRPP", "AGRIFRP!"])
  func rejectsInvalidStructure(_ value: String) {
    #expect(SWIFTBIC.verdict(b(value)) == .rejected)
  }
}

@Suite struct NPMTokenTests {
  // Built from parts so that no complete token literal sits in the repository. The 6-character
  // checksums were computed independently (Python zlib.crc32 + base62 of GitHub's format).
  static let entropy = "Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y"
  static let checksum = "3gm1IL"
  // GitHub's published example (gist "GitHub token format" by AJ ONeal, and the format blog
  // post): entropy zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ with checksum 0mLq17.
  static let githubEntropy = "zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ"
  static let githubChecksum = "0mLq17"

  @Test func confirmsValidTokens() {
    #expect(NPMToken.verdict(b("npm_" + Self.entropy + Self.checksum)) == .confirmed)
    #expect(NPMToken.verdict(b("npm_" + Self.githubEntropy + Self.githubChecksum)) == .confirmed)
  }

  @Test func rejectsEverySingleCharacterSubstitution() {
    let alphabet = b("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    let token = "npm_" + Self.entropy + Self.checksum
    for mutant in WorldBytes.substitutions(of: token, at: 4..<40, from: alphabet) {
      #expect(NPMToken.verdict(mutant) == .rejected)
    }
  }

  @Test func rejectsLookalikes() {
    let body = Self.entropy + Self.checksum
    #expect(NPMToken.verdict(b("ghp_" + body)) == .rejected)
    #expect(NPMToken.verdict(b("NPM_" + body)) == .rejected)
    #expect(NPMToken.verdict(b("npm_" + body + "0")) == .rejected)
    #expect(NPMToken.verdict(b("npm_" + Self.entropy + "3gm1I-")) == .rejected)
    #expect(NPMToken.verdict(b("npm_" + Self.entropy + "zzzzzz")) == .rejected)  // > UInt32
  }
}

@Suite struct EthereumAddressTests {
  // EIP-55 "Test Cases", mixed case.
  @Test(arguments: [
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
  ])
  func confirmsEIP55Checksums(_ value: String) {
    #expect(EthereumAddress.verdict(b(value)) == .confirmed)
  }

  // EIP-55 "all caps" and "all lower" cases carry no case information.
  @Test(arguments: [
    "0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
    "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
  ])
  func singleCaseIsUnverifiable(_ value: String) {
    #expect(EthereumAddress.verdict(b(value)) == .unverifiable)
  }

  @Test(arguments: [
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",  // last letter's case flipped
    "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",  // first letter's case flipped
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",  // length
    "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedaa",  // no 0x
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg",  // not hex
  ])
  func rejectsBadChecksumsAndShapes(_ value: String) {
    #expect(EthereumAddress.verdict(b(value)) == .rejected)
  }
}

@Suite struct BitcoinAddressTests {
  // BIP-350 "Test vectors for v0-v16 native segregated witness addresses" (valid); python-stdnum
  // stdnum.bitcoin doctests; 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy, the Bitcoin wiki P2SH example.
  @Test(arguments: [
    "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
    "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
    "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
    "BC1SW50QGDZ25J",
    "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
    "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
    "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
    "BC1QARDV855YJNGSPVXUTTQ897AQCA3LXJU2Y69JCE",
    "1NEDqZPvTWRaoho48qXuLLsrYomMXPABfD",
    "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
  ])
  func confirmsValidAddresses(_ value: String) {
    #expect(BitcoinAddress.verdict(b(value)) == .confirmed)
  }

  // BIP-350 invalid segwit addresses (each with its documented reason), stdnum's bad Base58.
  @Test(arguments: [
    "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut",  // HRP
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",  // Bech32 for v1
    "tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf",  // Bech32 for v2
    "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",  // Bech32 for v16
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",  // Bech32m for v0
    "tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47",  // Bech32m for v0
    "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",  // 'o' in checksum
    "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R",  // witness version 17
    "bc1pw5dgrnzv",  // 1-byte program
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav",  // 41 bytes
    "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",  // 16-byte v0 program
    "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq",  // mixed case
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf",  // > 4 bits padding
    "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j",  // non-zero padding
    "bc1gmk9yu",  // empty data
    "1NEDqZPvTWRaoho48qXuLLsrYomMXPABfX",  // Base58 checksum
    "1NEDqZPvTWRaoho48qXuLLsrYomMXPABf0",  // 0 is not Base58
    "11NEDqZPvTWRaoho48qXuLLsrYomMXPABfD",  // extra leading 1 (non-canonical)
    "",
  ])
  func rejectsInvalidAddresses(_ value: String) {
    #expect(BitcoinAddress.verdict(b(value)) == .rejected)
  }

  @Test func rejectsEveryBase58Substitution() {
    let alphabet = b("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
    for mutant in WorldBytes.substitutions(
      of: "1NEDqZPvTWRaoho48qXuLLsrYomMXPABfD", at: 1..<34, from: alphabet)
    {
      #expect(BitcoinAddress.verdict(mutant) == .rejected)
    }
  }
}
