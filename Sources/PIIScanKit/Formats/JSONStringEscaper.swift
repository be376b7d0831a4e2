/// Escapes bytes for the inside of a JSON string (RFC 8259 §7), for writing replacements into
/// redacted JSON Lines.
public enum JSONStringEscaper {
  /// Returns `bytes` with `"` and `\` backslash-escaped and every control character below U+0020
  /// written as `\u00XX` (lowercase hex); everything else, including UTF-8 and any invalid
  /// bytes, is kept as is. The result contains no quotes, so it can replace any span that
  /// ``FieldSegment/rawRange(forDecoded:)`` returns for a ``FieldSegment/Syntax/jsonString``.
  public static func escape(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    for byte in bytes {
      switch byte {
      case FormatByte.quote, FormatByte.backslash:
        out.append(FormatByte.backslash)
        out.append(byte)
      case 0x00..<0x20:
        // `\u00XX`: 0x75 is `u`.
        out.append(contentsOf: [FormatByte.backslash, 0x75, FormatByte.zero, FormatByte.zero])
        out.append(hexDigit(byte >> 4))
        out.append(hexDigit(byte & 0x0F))
      default:
        out.append(byte)
      }
    }
    return out
  }

  private static func hexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? FormatByte.zero + nibble : 0x61 + nibble - 10  // 0x61 is `a`
  }
}
