/// CRC-32 as used by IEEE 802.3, zlib and PNG: reflected polynomial `0xEDB88320`, initial value
/// and final XOR `0xFFFFFFFF` (the "CRC-32/ISO-HDLC" entry of Greg Cook's CRC catalogue; check
/// value `CRC32("123456789") == 0xCBF43926`).
///
/// Table-driven, one byte per step. Used by ``GitHubToken`` to check the token checksum.
public enum CRC32 {
  /// The 256-entry lookup table for the reflected polynomial, computed once.
  private static let table: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 {
      value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1
    }
    return value
  }

  /// The CRC-32 of `bytes[range]`.
  public static func checksum(_ bytes: [UInt8], _ range: Range<Int>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for index in range {
      crc = table[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
    }
    return crc ^ 0xFFFF_FFFF
  }

  /// The CRC-32 of all of `bytes`.
  public static func checksum(_ bytes: [UInt8]) -> UInt32 {
    checksum(bytes, bytes.startIndex..<bytes.endIndex)
  }
}
