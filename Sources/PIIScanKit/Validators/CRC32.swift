/// CRC-32 (IEEE 802.3, ISO-HDLC): reflected polynomial 0xEDB88320, initial value and final XOR
/// 0xFFFFFFFF, the CRC of zlib, PNG and GitHub/npm token checksums. Catalogue check value
/// CRC-32("123456789") = 0xCBF43926 (Greg Cook, "Catalogue of parametrised CRC algorithms").
public enum CRC32 {
  /// The byte-at-a-time lookup table: `table[n]` is the CRC register after shifting `n` through
  /// eight zero bits.
  private static let table: [UInt32] = (0..<256).map { index in
    var crc = UInt32(index)
    for _ in 0..<8 {
      crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
    }
    return crc
  }

  /// The CRC-32 of `bytes`.
  public static func checksum(_ bytes: [UInt8]) -> UInt32 {
    checksum(bytes, range: bytes.startIndex..<bytes.endIndex)
  }

  /// The CRC-32 of `bytes[range]`, without copying the slice.
  static func checksum(_ bytes: [UInt8], range: Range<Int>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for index in range {
      crc = (crc >> 8) ^ table[Int((crc ^ UInt32(bytes[index])) & 0xFF)]
    }
    return crc ^ 0xFFFF_FFFF
  }
}
