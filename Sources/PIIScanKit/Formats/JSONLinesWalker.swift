/// Walks the string and number values of one JSON Lines record.
///
/// A hand-written byte-level parser for one RFC 8259 JSON text: objects, arrays, strings,
/// numbers, `true`, `false`, `null`, with insignificant whitespace around them. It reports every
/// string *value* (not object keys) and every number as a ``FieldSegment`` whose
/// ``FieldSegment/field`` is the RFC 6901 JSON Pointer to the value: `/meta/author_email`,
/// `/tags/2`, or `""` when the whole record is one scalar. Keys are unescaped before they become
/// pointer tokens, then `~` is written `~0` and `/` `~1` (RFC 6901 §3). `true`, `false` and
/// `null` carry no PII and are not reported.
///
/// What is accepted, and why:
/// - The grammar is strict (a record that fails falls back to text scanning, so nothing is
///   missed): no trailing commas, no comments, no leading zeros, no unescaped control
///   characters in strings, nothing after the value but whitespace.
/// - Bytes of 0x80 and above are not validated as UTF-8: the detectors are byte-oriented and
///   logs hold invalid UTF-8. In keys they become U+FFFD in the pointer text.
/// - `\uXXXX` escapes, including surrogate pairs, decode to UTF-8; a lone surrogate decodes to
///   U+FFFD (EF BF BD), as `JSONSerialization` and most decoders do rather than failing.
/// - Nesting deeper than ``maximumDepth`` containers is rejected: the parser keeps an explicit
///   stack, so depth costs no native stack, but the limit bounds memory per record.
/// - A blank record (only whitespace) has no values and is not an error: JSON Lines writers
///   often leave a blank last line.
/// - Duplicate keys are reported once per occurrence, with the same pointer.
public enum JSONLinesWalker {
  /// The deepest nesting of objects and arrays accepted in one record.
  public static let maximumDepth = 512

  /// Calls `body` with a segment for every string and number value in `record`, in document
  /// order, after the whole record has parsed. So `body` is never called for a record that
  /// throws ``JSONLinesError``, and the caller can fall back to text without undoing anything.
  ///
  /// `record` is one record without its terminator; segment offsets are relative to its start.
  /// Rethrows what `body` throws.
  public static func forEachValue(
    in record: UnsafeRawBufferPointer, _ body: (JSONValueSegment) throws -> Void
  ) throws {
    for segment in try values(in: record) { try body(segment) }
  }

  /// The segments ``forEachValue(in:_:)`` would report, as an array.
  public static func values(in record: UnsafeRawBufferPointer) throws(JSONLinesError)
    -> [JSONValueSegment]
  {
    var parser = JSONLineParser(record: record)
    return try parser.parse()
  }
}

/// The state of one parse: a cursor over the record and the segments found so far.
struct JSONLineParser {
  let bytes: UnsafeRawBufferPointer
  let count: Int
  var position = 0
  private var segments: [FieldSegment] = []

  /// An open object or array: its pointer, and for arrays the index of the current element.
  private struct Container {
    let isArray: Bool
    var index: Int
    let pointer: String
  }

  init(record: UnsafeRawBufferPointer) {
    self.bytes = record
    self.count = record.count
  }

  mutating func parse() throws(JSONLinesError) -> [FieldSegment] {
    // Offsets are stored as Int32 in `decodedToRaw`.
    guard count <= Int(Int32.max) else { throw JSONLinesError(offset: 0, reason: .recordTooLarge) }
    skipWhitespace()
    if position == count { return [] }
    var stack: [Container] = []
    var pointer = ""
    parseValue: while true {
      guard position < count else { throw error(.unexpectedEnd) }
      switch bytes[position] {
      case FormatByte.leftBrace, FormatByte.leftBracket:
        let isArray = bytes[position] == FormatByte.leftBracket
        guard stack.count < JSONLinesWalker.maximumDepth else { throw error(.nestingTooDeep) }
        position += 1
        skipWhitespace()
        guard position < count else { throw error(.unexpectedEnd) }
        if bytes[position] == (isArray ? FormatByte.rightBracket : FormatByte.rightBrace) {
          position += 1  // `{}` or `[]`: a complete value
        } else {
          stack.append(Container(isArray: isArray, index: 0, pointer: pointer))
          pointer = isArray ? pointer + "/0" : try member(of: pointer)
          continue parseValue
        }
      case FormatByte.quote:
        let string = try string()
        segments.append(
          FieldSegment(
            field: pointer, column: nil, syntax: .jsonString, rawRange: string.rawRange,
            decoded: string.decoded, decodedToRaw: string.decodedToRaw))
      case FormatByte.minus, FormatByte.zero...FormatByte.nine:
        let range = try number()
        segments.append(
          FieldSegment(field: pointer, column: nil, syntax: .jsonNumber, rawRange: range))
      case 0x74:  // t
        try literal([0x74, 0x72, 0x75, 0x65])
      case 0x66:  // f
        try literal([0x66, 0x61, 0x6C, 0x73, 0x65])
      case 0x6E:  // n
        try literal([0x6E, 0x75, 0x6C, 0x6C])
      default:
        throw error(.unexpectedByte)
      }
      // A value is complete: close containers until one continues with a comma.
      while true {
        skipWhitespace()
        guard let top = stack.last else {
          guard position == count else { throw error(.trailingContent) }
          return segments
        }
        guard position < count else { throw error(.unexpectedEnd) }
        let byte = bytes[position]
        if byte == FormatByte.comma {
          position += 1
          skipWhitespace()
          if top.isArray {
            stack[stack.count - 1].index += 1
            pointer = top.pointer + "/" + String(top.index + 1)
          } else {
            pointer = try member(of: top.pointer)
          }
          continue parseValue
        }
        guard byte == (top.isArray ? FormatByte.rightBracket : FormatByte.rightBrace) else {
          throw error(.unexpectedByte)
        }
        position += 1
        stack.removeLast()
      }
    }
  }

  private func error(_ reason: JSONLinesError.Reason) -> JSONLinesError {
    JSONLinesError(offset: position, reason: reason)
  }

  private mutating func skipWhitespace() {
    while position < count && FormatByte.isWhitespace(bytes[position]) { position += 1 }
  }

  /// Parses `"key" ws : ws` and returns the pointer of the member's value.
  private mutating func member(of prefix: String) throws(JSONLinesError) -> String {
    guard position < count else { throw error(.unexpectedEnd) }
    guard bytes[position] == FormatByte.quote else { throw error(.unexpectedByte) }
    let key = try string()
    skipWhitespace()
    guard position < count else { throw error(.unexpectedEnd) }
    guard bytes[position] == FormatByte.colon else { throw error(.unexpectedByte) }
    position += 1
    skipWhitespace()
    let token =
      if let decoded = key.decoded {
        Self.referenceToken(decoded)
      } else {
        Self.referenceToken(UnsafeRawBufferPointer(rebasing: bytes[key.rawRange]))
      }
    return prefix + "/" + token
  }

  /// An RFC 6901 reference token for an unescaped key: `~` → `~0`, `/` → `~1`.
  static func referenceToken<Key: Collection<UInt8>>(_ key: Key) -> String {
    guard key.contains(where: { $0 == FormatByte.tilde || $0 == FormatByte.slash }) else {
      return String(decoding: key, as: UTF8.self)
    }
    var escaped: [UInt8] = []
    escaped.reserveCapacity(key.count + 4)
    for byte in key {
      switch byte {
      case FormatByte.tilde: escaped.append(contentsOf: [FormatByte.tilde, 0x30])  // ~0
      case FormatByte.slash: escaped.append(contentsOf: [FormatByte.tilde, 0x31])  // ~1
      default: escaped.append(byte)
      }
    }
    return String(decoding: escaped, as: UTF8.self)
  }

  /// Checks that the bytes at the cursor spell `word` and moves past them.
  private mutating func literal(_ word: [UInt8]) throws(JSONLinesError) {
    guard position + word.count <= count else { throw error(.invalidLiteral) }
    for (index, byte) in word.enumerated() where bytes[position + index] != byte {
      throw error(.invalidLiteral)
    }
    position += word.count
  }

  /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. Returns its range.
  private mutating func number() throws(JSONLinesError) -> Range<Int> {
    let start = position
    if bytes[position] == FormatByte.minus { position += 1 }
    guard position < count && isDigit(bytes[position]) else { throw error(.invalidNumber) }
    if bytes[position] == FormatByte.zero {
      position += 1  // a leading zero stands alone; a digit after it fails as unexpected byte
    } else {
      skipDigits()
    }
    if position < count && bytes[position] == 0x2E {  // .
      position += 1
      guard position < count && isDigit(bytes[position]) else { throw error(.invalidNumber) }
      skipDigits()
    }
    if position < count && (bytes[position] | 0x20) == 0x65 {  // e or E
      position += 1
      if position < count && (bytes[position] == 0x2B || bytes[position] == FormatByte.minus) {
        position += 1
      }
      guard position < count && isDigit(bytes[position]) else { throw error(.invalidNumber) }
      skipDigits()
    }
    return start..<position
  }

  @inline(__always)
  private func isDigit(_ byte: UInt8) -> Bool { byte >= FormatByte.zero && byte <= FormatByte.nine }

  private mutating func skipDigits() {
    while position < count && isDigit(bytes[position]) { position += 1 }
  }
}
