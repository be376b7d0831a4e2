import PIIScanKit
import Testing

@Suite struct CRC32Tests {
  /// Check values of CRC-32/ISO-HDLC (Greg Cook, "Catalogue of parametrised CRC algorithms";
  /// the same as zlib's `crc32`, cross-checked with Python's `zlib.crc32`).
  @Test(arguments: [
    ("123456789", 0xCBF4_3926 as UInt32),
    ("", 0),
    ("a", 0xE8B7_BE43),
    ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
  ])
  func matchesPublishedCheckValues(_ input: String, _ expected: UInt32) {
    #expect(CRC32.checksum(Array(input.utf8)) == expected)
  }

  @Test func checksumsASubrangeWithoutCopying() {
    let bytes = Array("xx123456789yy".utf8)
    #expect(CRC32.checksum(bytes, 2..<11) == 0xCBF4_3926)
  }
}
