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
/// - `\uXXXX` escapes, including surrogate pairs, decode to UTF-8. A lone surrogate has no
///   UTF-8 form (RFC 8259 §8.2 leaves its handling open); it decodes to U+FFFD (EF BF BD) rather
///   than failing the record, so the rest of the string is still scanned as a field.
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
    var parser = JSONLineParser(record: record)
    try parser.parse()
    try parser.forEachSegment(body)
  }

  /// The segments ``forEachValue(in:_:)`` would report, as an array.
  public static func values(in record: UnsafeRawBufferPointer) throws(JSONLinesError)
    -> [JSONValueSegment]
  {
    var parser = JSONLineParser(record: record)
    try parser.parse()
    var segments: [JSONValueSegment] = []
    parser.forEachSegment { segments.append($0) }
    return segments
  }
}

/// The state of one parse: a cursor over the record, the values found so far, and the path
/// nodes their pointers are rendered from.
struct JSONLineParser {
  let bytes: UnsafeRawBufferPointer
  let count: Int
  var position = 0
  private var values: [PendingValue] = []
  private var nodes: [JSONPointerTable.Node] = []
  private var keyBytes: [UInt8] = []

  private var decodedStrings: [(decoded: [UInt8], decodedToRaw: [Int32])] = []

  /// A value found before the record is known to be valid. Plain data (the rare decoded
  /// strings live in `decodedStrings`), so the array of them costs no reference counting.
  private struct PendingValue {
    let node: Int32
    let syntax: FieldSegment.Syntax
    /// An index into `decodedStrings`, or -1.
    let decodedIndex: Int32
    let rawRange: Range<Int>
  }

  /// An open object or array: its own path node (the parent of its members) and, for arrays,
  /// the index of the current element.
  private struct Container {
    let isArray: Bool
    var index: Int32
    let node: Int32
  }

  init(record: UnsafeRawBufferPointer) {
    self.bytes = record
    self.count = record.count
    // Typical log records hold 5 to 30 values; growing from empty would reallocate 4 or 5
    // times per record.
    values.reserveCapacity(32)
    nodes.reserveCapacity(32)
    keyBytes.reserveCapacity(256)
  }

  /// Parses the whole record; afterwards ``forEachSegment(_:)`` hands out its values.
  mutating func parse() throws(JSONLinesError) {
    // Offsets are stored as Int32 in `decodedToRaw` and the path nodes.
    guard count <= Int(Int32.max) else { throw JSONLinesError(offset: 0, reason: .recordTooLarge) }
    skipWhitespace()
    if position == count { return }
    var stack: [Container] = []
    var node = JSONPointerTable.root  // the path node of the value about to be parsed
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
          stack.append(Container(isArray: isArray, index: 0, node: node))
          node = isArray ? indexNode(0, parent: node) : try member(parent: node)
          continue parseValue
        }
      case FormatByte.quote:
        let string = try string()
        var decodedIndex: Int32 = -1
        if let decoded = string.decoded, let map = string.decodedToRaw {
          decodedIndex = Int32(decodedStrings.count)
          decodedStrings.append((decoded, map))
        }
        values.append(
          PendingValue(
            node: node, syntax: .jsonString, decodedIndex: decodedIndex,
            rawRange: string.rawRange))
      case FormatByte.minus, FormatByte.zero...FormatByte.nine:
        let range = try number()
        values.append(
          PendingValue(node: node, syntax: .jsonNumber, decodedIndex: -1, rawRange: range))
      case 0x74:  // t
        try literal("true")
      case 0x66:  // f
        try literal("false")
      case 0x6E:  // n
        try literal("null")
      default:
        throw error(.unexpectedByte)
      }
      // A value is complete: close containers until one continues with a comma.
      while true {
        skipWhitespace()
        guard let top = stack.last else {
          guard position == count else { throw error(.trailingContent) }
          return
        }
        guard position < count else { throw error(.unexpectedEnd) }
        let byte = bytes[position]
        if byte == FormatByte.comma {
          position += 1
          skipWhitespace()
          if top.isArray {
            let index = top.index + 1
            stack[stack.count - 1].index = index
            node = indexNode(index, parent: top.node)
          } else {
            node = try member(parent: top.node)
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

  /// Calls `body` with every value of the parsed record, sharing one pointer table.
  func forEachSegment(_ body: (FieldSegment) throws -> Void) rethrows {
    guard !values.isEmpty else { return }
    let table = JSONPointerTable(nodes: nodes, keyBytes: keyBytes)
    for value in values {
      var decoded: [UInt8]?
      var decodedToRaw: [Int32]?
      if value.decodedIndex >= 0 {
        (decoded, decodedToRaw) = decodedStrings[Int(value.decodedIndex)]
      }
      try body(
        FieldSegment(
          pointerTable: table, node: value.node, syntax: value.syntax,
          rawRange: value.rawRange, decoded: decoded, decodedToRaw: decodedToRaw))
    }
  }

  private mutating func indexNode(_ index: Int32, parent: Int32) -> Int32 {
    nodes.append(JSONPointerTable.Node(parent: parent, keyStart: -1, keyEnd: index))
    return Int32(nodes.count - 1)
  }

  private func error(_ reason: JSONLinesError.Reason) -> JSONLinesError {
    JSONLinesError(offset: position, reason: reason)
  }

  private mutating func skipWhitespace() {
    while position < count && FormatByte.isWhitespace(bytes[position]) { position += 1 }
  }

  /// Parses `"key" ws : ws`, records the unescaped key as a path node under `parent` and
  /// returns that node (the member value's).
  private mutating func member(parent: Int32) throws(JSONLinesError) -> Int32 {
    guard position < count else { throw error(.unexpectedEnd) }
    guard bytes[position] == FormatByte.quote else { throw error(.unexpectedByte) }
    let key = try string()
    skipWhitespace()
    guard position < count else { throw error(.unexpectedEnd) }
    guard bytes[position] == FormatByte.colon else { throw error(.unexpectedByte) }
    position += 1
    skipWhitespace()
    let keyStart = Int32(keyBytes.count)
    if let decoded = key.decoded {
      keyBytes.append(contentsOf: decoded)
    } else {
      keyBytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[key.rawRange]))
    }
    nodes.append(
      JSONPointerTable.Node(parent: parent, keyStart: keyStart, keyEnd: Int32(keyBytes.count)))
    return Int32(nodes.count - 1)
  }

  /// Checks that the bytes at the cursor spell `word` and moves past them.
  private mutating func literal(_ word: StaticString) throws(JSONLinesError) {
    let length = word.utf8CodeUnitCount
    guard position + length <= count else { throw error(.invalidLiteral) }
    let start = word.utf8Start
    for index in 0..<length where bytes[position + index] != start[index] {
      throw error(.invalidLiteral)
    }
    position += length
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
