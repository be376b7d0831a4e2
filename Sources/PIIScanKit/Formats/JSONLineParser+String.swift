/// A parsed JSON string: its contents between the quotes, and the unescaped bytes with their
/// raw offsets when it contained a backslash.
struct JSONParsedString {
  let rawRange: Range<Int>
  let decoded: [UInt8]?
  let decodedToRaw: [Int32]?
}

extension JSONLineParser {
  /// Parses the string starting at the cursor's `"` and moves past its closing quote.
  ///
  /// The fast path walks to the closing quote checking only for `\` and control characters;
  /// a string without escapes is returned as a raw range, with no copy. At the first backslash
  /// the contents so far are copied and decoding continues in ``decodeEscapes(from:start:)``.
  mutating func string() throws(JSONLinesError) -> JSONParsedString {
    let start = position + 1
    var index = start
    // Eight bytes at a time while none of them is a quote, a backslash or a control character.
    while index + 8 <= count
      && !Self.mayNeedAttention(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
    {
      index += 8
    }
    while index < count {
      let byte = bytes[index]
      if byte == FormatByte.quote {
        position = index + 1
        return JSONParsedString(rawRange: start..<index, decoded: nil, decodedToRaw: nil)
      }
      if byte == FormatByte.backslash { return try decodeEscapes(from: index, start: start) }
      // RFC 8259 §7: U+0000 to U+001F must be escaped.
      if byte < 0x20 { throw JSONLinesError(offset: index, reason: .controlCharacterInString) }
      index += 1
    }
    throw JSONLinesError(offset: count, reason: .unterminatedString)
  }

  /// True when some byte of `word` is `"`, `\` or below 0x20 (SWAR, "Bit Twiddling Hacks":
  /// `hasless(x, n)` and `haszero(x ^ byte)` are exact as tests for existence).
  @inline(__always)
  static func mayNeedAttention(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highBits: UInt64 = 0x8080_8080_8080_8080
    let quotes = word ^ (ones &* UInt64(FormatByte.quote))
    let backslashes = word ^ (ones &* UInt64(FormatByte.backslash))
    let hasQuote = (quotes &- ones) & ~quotes
    let hasBackslash = (backslashes &- ones) & ~backslashes
    let hasControl = (word &- ones &* 0x20) & ~word
    return (hasQuote | hasBackslash | hasControl) & highBits != 0
  }

  /// Decodes a string whose first backslash is at `firstEscape`; `start` is just past the
  /// opening quote.
  private mutating func decodeEscapes(from firstEscape: Int, start: Int) throws(JSONLinesError)
    -> JSONParsedString
  {
    var decoded = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<firstEscape]))
    var map = Array(Int32(start)..<Int32(firstEscape))
    decoded.reserveCapacity(firstEscape - start + 16)
    map.reserveCapacity(firstEscape - start + 17)
    var index = firstEscape
    while true {
      guard index < count else { throw JSONLinesError(offset: count, reason: .unterminatedString) }
      let byte = bytes[index]
      if byte == FormatByte.quote { break }
      if byte < 0x20 { throw JSONLinesError(offset: index, reason: .controlCharacterInString) }
      if byte != FormatByte.backslash {
        decoded.append(byte)
        map.append(Int32(index))
        index += 1
        continue
      }
      guard index + 1 < count else {
        throw JSONLinesError(offset: count, reason: .unterminatedString)
      }
      let escapeStart = Int32(index)
      let unescaped: UInt8
      switch bytes[index + 1] {
      case FormatByte.quote, FormatByte.backslash, FormatByte.slash: unescaped = bytes[index + 1]
      case 0x62: unescaped = 0x08  // \b
      case 0x66: unescaped = 0x0C  // \f
      case 0x6E: unescaped = 0x0A  // \n
      case 0x72: unescaped = 0x0D  // \r
      case 0x74: unescaped = 0x09  // \t
      case 0x75:  // \uXXXX
        let (scalar, length) = try unicodeEscape(at: index)
        let before = decoded.count
        Self.appendUTF8(scalar, to: &decoded)
        for _ in before..<decoded.count { map.append(escapeStart) }
        index += length
        continue
      default:
        throw JSONLinesError(offset: index, reason: .invalidEscape)
      }
      decoded.append(unescaped)
      map.append(escapeStart)
      index += 2
    }
    map.append(Int32(index))
    position = index + 1
    return JSONParsedString(rawRange: start..<index, decoded: decoded, decodedToRaw: map)
  }

  /// Decodes the `\uXXXX` at `index` (and a following low-surrogate escape when it is a high
  /// surrogate). Returns the scalar and the number of raw bytes consumed (6 or 12). A lone
  /// surrogate becomes U+FFFD and consumes only its own 6 bytes.
  private func unicodeEscape(at index: Int) throws(JSONLinesError) -> (UInt32, Int) {
    guard let unit = hex4(at: index + 2) else {
      throw JSONLinesError(offset: index, reason: .invalidEscape)
    }
    switch unit {
    case 0xD800...0xDBFF:
      if index + 7 < count && bytes[index + 6] == FormatByte.backslash && bytes[index + 7] == 0x75,
        let low = hex4(at: index + 8), (0xDC00...0xDFFF).contains(low)
      {
        return (0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), 12)
      }
      return (0xFFFD, 6)
    case 0xDC00...0xDFFF:
      return (0xFFFD, 6)
    default:
      return (unit, 6)
    }
  }

  /// Four hex digits at `index` as a UTF-16 code unit, or nil.
  private func hex4(at index: Int) -> UInt32? {
    guard index + 4 <= count else { return nil }
    var value: UInt32 = 0
    for offset in 0..<4 {
      let byte = bytes[index + offset]
      let digit: UInt8
      switch byte {
      case 0x30...0x39: digit = byte - 0x30
      case 0x41...0x46: digit = byte - 0x41 + 10
      case 0x61...0x66: digit = byte - 0x61 + 10
      default: return nil
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }

  /// Appends the UTF-8 encoding of a Unicode scalar value (never a surrogate here).
  static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      out.append(UInt8(scalar))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | scalar >> 6))
      out.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | scalar >> 12))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    default:
      out.append(UInt8(0xF0 | scalar >> 18))
      out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    }
  }
}
