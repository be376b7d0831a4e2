import Crypto
import TestSupport
import Testing

@testable import PIIScanKit

/// Fingerprints are HMAC-SHA256 computed from precomputed pad states: they must equal the
/// RFC 4231 vectors and swift-crypto's own `HMAC<SHA256>` for every key and value length.
@Suite struct FingerprinterTests {
  /// RFC 4231 test cases 1, 2, 3, 6 and 7 (6 and 7 use a key longer than the 64-byte block).
  static let vectors: [(key: [UInt8], data: [UInt8], mac: String)] = [
    (
      [UInt8](repeating: 0x0B, count: 20), Array("Hi There".utf8),
      "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
    ),
    (
      Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    ),
    (
      [UInt8](repeating: 0xAA, count: 20), [UInt8](repeating: 0xDD, count: 50),
      "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
    ),
    (
      [UInt8](repeating: 0xAA, count: 131),
      Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
    ),
    (
      [UInt8](repeating: 0xAA, count: 131),
      Array(
        ("This is a test using a larger than block-size key and a larger than block-size data. "
          + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
      "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
    ),
  ]

  @Test func rfc4231Vectors() {
    for v in Self.vectors {
      #expect(Fingerprinter(key: v.key).fingerprint(v.data).hex == v.mac)
    }
  }

  @Test func equalsSwiftCryptoHMACForEveryKeyAndValueLength() {
    var rng = SeededRandom(seed: 0xF1A9)
    // Key lengths around the block size (63, 64, 65) and the hashing threshold; values
    // around the 55/56-byte padding boundary of one SHA-256 block.
    for keyLength in [0, 1, 16, 32, 63, 64, 65, 100, 200] {
      let key = (0..<keyLength).map { _ in UInt8(rng.int(in: 0...255)) }
      let fingerprinter = Fingerprinter(key: key)
      for valueLength in [0, 1, 9, 55, 56, 63, 64, 65, 119, 120, 300] {
        let value = (0..<valueLength).map { _ in UInt8(rng.int(in: 0...255)) }
        let mac = HMAC<SHA256>.authenticationCode(for: value, using: SymmetricKey(data: key))
        let expected = mac.map { String(format2: $0) }.joined()
        let fingerprint = fingerprinter.fingerprint(value)
        #expect(fingerprint.hex == expected, "key \(keyLength) value \(valueLength)")
        #expect(fingerprint.bytes == Array(mac), "key \(keyLength) value \(valueLength)")
        #expect(Fingerprint(hex: expected) == fingerprint)
      }
    }
  }

  @Test func fingerprintHexParsesOnlySixtyFourHexDigits() throws {
    let hex = "00112233445566778899aabbccddeeff0123456789ABCDEFfedcba9876543210"
    let f = try #require(Fingerprint(hex: hex))
    #expect(f.hex == hex.lowercased())
    #expect(f.bytes.prefix(3) == [0x00, 0x11, 0x22])
    var written = [UInt8](repeating: 0x7B, count: 66)
    written.withUnsafeMutableBufferPointer { f.writeHex(to: $0.baseAddress! + 1) }
    #expect(written == [0x7B] + Array(hex.lowercased().utf8) + [0x7B])
    #expect(Fingerprint(hex: String(hex.dropLast())) == nil)
    #expect(Fingerprint(hex: hex + "0") == nil)
    #expect(Fingerprint(hex: "g" + hex.dropFirst()) == nil)
    #expect(Fingerprint(hex: hex.lowercased()) == f)
    #expect(Fingerprint(hex: "1" + hex.dropFirst()) != f)
  }

  @Test func aFingerprintDoesNotDisturbTheNext() {
    let f = Fingerprinter(key: Array("k".utf8))
    let first = f.fingerprint(Array("a".utf8))
    _ = f.fingerprint(Array("b".utf8))
    #expect(f.fingerprint(Array("a".utf8)) == first)
  }
}

extension String {
  /// Two lower-case hex digits of `byte`.
  fileprivate init(format2 byte: UInt8) {
    let text = String(byte, radix: 16)
    self = text.count == 1 ? "0" + text : text
  }
}
