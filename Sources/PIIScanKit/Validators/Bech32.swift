/// Bech32 (BIP-173) and Bech32m (BIP-350) decoding for segwit addresses.
///
/// A string is `hrp` + `1` + data characters from `qpzry9x8gf2tvdw0s3jn54khce6mua7l`, at most 90
/// characters, all lower or all upper case. The BCH checksum over the expanded HRP and data must
/// equal 1 (Bech32) or 0x2BC830A3 (Bech32m).
enum Bech32 {
  /// Which checksum constant a string satisfied.
  enum Encoding: Equatable {
    case bech32
    case bech32m
  }

  /// A decoded string: lower-case HRP, 5-bit data values without the 6 checksum values.
  struct Decoded {
    let hrp: [UInt8]
    let data: [UInt8]
    let encoding: Encoding
  }

  private static let charset: [UInt8] = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)
  private static let generator: [UInt32] = [
    0x3B6A_57B2, 0x2650_8E6D, 0x1EA1_19FA, 0x3D42_33DD, 0x2A14_62B3,
  ]

  /// The 5-bit value of each `charset` byte, -1 elsewhere.
  private static let reverse: [Int8] = {
    var table = [Int8](repeating: -1, count: 128)
    for (index, byte) in charset.enumerated() { table[Int(byte)] = Int8(index) }
    return table
  }()

  /// Decodes `value`, or nil when case, characters, length or checksum are wrong.
  static func decode(_ value: [UInt8]) -> Decoded? {
    guard value.count >= 8 && value.count <= 90 else { return nil }
    var hasLower = false
    var hasUpper = false
    for byte in value {
      guard byte >= 33 && byte <= 126 else { return nil }
      if byte >= 0x61 && byte <= 0x7A { hasLower = true }
      if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
    }
    guard !(hasLower && hasUpper) else { return nil }
    let lower = value.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    guard let separator = lower.lastIndex(of: UInt8(ascii: "1")), separator >= 1,
      lower.count - separator - 1 >= 6
    else { return nil }
    let hrp = Array(lower[..<separator])
    var values = [UInt8]()
    values.reserveCapacity(lower.count - separator - 1)
    for byte in lower[(separator + 1)...] {
      guard byte < 128, reverse[Int(byte)] >= 0 else { return nil }
      values.append(UInt8(reverse[Int(byte)]))
    }
    let checksum = polymod(expand(hrp) + values)
    let encoding: Encoding
    switch checksum {
    case 1: encoding = .bech32
    case 0x2BC8_30A3: encoding = .bech32m
    default: return nil
    }
    return Decoded(hrp: hrp, data: Array(values.dropLast(6)), encoding: encoding)
  }

  /// Regroups 5-bit values into bytes; nil on non-zero or over-long padding (BIP-173
  /// `convertbits` with `pad = false`).
  static func bytes(fromFiveBit values: ArraySlice<UInt8>) -> [UInt8]? {
    var accumulator: UInt32 = 0
    var bits = 0
    var result = [UInt8]()
    for value in values {
      accumulator = (accumulator << 5 | UInt32(value)) & 0xFFF
      bits += 5
      if bits >= 8 {
        bits -= 8
        result.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
      }
    }
    guard bits < 5, accumulator & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
    return result
  }

  private static func expand(_ hrp: [UInt8]) -> [UInt8] {
    hrp.map { $0 >> 5 } + [0] + hrp.map { $0 & 31 }
  }

  private static func polymod(_ values: [UInt8]) -> UInt32 {
    var checksum: UInt32 = 1
    for value in values {
      let top = checksum >> 25
      checksum = (checksum & 0x1FF_FFFF) << 5 ^ UInt32(value)
      for index in 0..<5 where (top >> UInt32(index)) & 1 == 1 {
        checksum ^= generator[index]
      }
    }
    return checksum
  }
}
