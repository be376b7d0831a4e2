/// The base64url alphabet of RFC 4648 §5, unpadded, as JWS uses it (RFC 7515 §2).
///
/// A small decoder for the few bytes the ``JSONWebToken`` validator needs to look at; it never
/// builds a `String`.
enum Base64URL {
  /// The 6-bit value of a base64url character (`A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`), or nil.
  @inline(__always)
  static func value(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x41...0x5A: return byte &- 0x41
    case 0x61...0x7A: return byte &- 0x61 &+ 26
    case 0x30...0x39: return byte &- 0x30 &+ 52
    case UInt8(ascii: "-"): return 62
    case UInt8(ascii: "_"): return 63
    default: return nil
    }
  }

  /// True when `bytes[range]` is unpadded base64url text of a length some byte string encodes
  /// to (a remainder of 1 character modulo 4 is impossible).
  static func isWellFormed(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    guard range.count % 4 != 1 else { return false }
    for index in range where value(bytes[index]) == nil { return false }
    return true
  }

  /// Decodes the first `limit` characters of `bytes[range]` (all of it when shorter). The
  /// caller has checked the text with ``isWellFormed(_:_:)``.
  static func decode(_ bytes: [UInt8], _ range: Range<Int>, limit: Int = .max) -> [UInt8] {
    let end = range.lowerBound + min(range.count, limit)
    var output: [UInt8] = []
    output.reserveCapacity((end - range.lowerBound) * 3 / 4)
    var buffer: UInt32 = 0
    var bits = 0
    for index in range.lowerBound..<end {
      buffer = (buffer << 6) | UInt32(value(bytes[index]) ?? 0)
      bits += 6
      if bits >= 8 {
        bits -= 8
        output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
      }
    }
    return output
  }
}
