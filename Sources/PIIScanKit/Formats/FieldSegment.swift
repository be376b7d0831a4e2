/// One run of bytes to scan for PII, with the way back to the raw input.
///
/// Walkers hand segments to the detector engine: a JSON string or number value
/// (``JSONLinesWalker``), a CSV field (``CSVWalker``), or a whole text line
/// (``init(field:rawRange:)``). All offsets are relative to the start of the *record* the segment
/// came from, so the pipeline adds the record's offset in the decompressed input once.
///
/// The bytes to scan are either the raw bytes themselves (`decoded == nil`: nothing was
/// escaped, no copy was made) or ``decoded``, the unescaped value. A detector reports spans of
/// the scanned bytes; ``rawRange(forDecoded:)`` turns such a span into a span of the record that
/// covers whole escape sequences, so replacing the raw span with a suitably escaped replacement
/// (see ``Syntax``) keeps the record well-formed.
public struct FieldSegment: Sendable {
  /// How the raw bytes of a segment are written, which decides how a replacement is escaped.
  public enum Syntax: Sendable, Hashable {
    /// Plain bytes (a text line): a replacement goes in as is.
    case text
    /// The contents of a JSON string, between the quotes: escape a replacement with
    /// ``JSONStringEscaper/escape(_:)``.
    case jsonString
    /// A JSON number. Any non-empty span maps to the whole number (a partial replacement could
    /// not stay a valid number); replace it with a JSON value, e.g. `"` + escaped text + `"`.
    case jsonNumber
    /// The contents of a well-formed quoted CSV field, between the quotes: escape a replacement
    /// with ``CSVFieldEscaper/escape(_:inQuotedField:)`` and `inQuotedField: true`.
    case csvQuoted
    /// An unquoted CSV field, or a field with malformed quoting whose ``rawRange`` is the whole
    /// field including its quotes (see ``CSVWalker``): escape with `inQuotedField: false`.
    case csvUnquoted
  }

  /// The field name: an RFC 6901 JSON Pointer for JSON Lines (`/meta/author_email`, `/tags/2`,
  /// `""` for a top-level scalar), the header name for CSV, nil for text or a headerless CSV.
  ///
  /// For JSON Lines the pointer is rendered on each access (see `JSONPointerTable`): read it
  /// once per finding, not once per segment.
  public var field: String? {
    if let pointerTable { return pointerTable.pointer(to: pointerNode) }
    return fixedField
  }
  // Three plain stored properties rather than one enum with payloads: a multi-payload enum
  // made every segment's destruction go through a generic value witness (8 % of a JSON Lines
  // profile).
  private let fixedField: String?
  private let pointerTable: JSONPointerTable?
  private let pointerNode: Int32
  /// The 0-based CSV column; nil for other formats.
  public let column: Int?
  /// How the raw bytes are written.
  public let syntax: Syntax
  /// The raw bytes of the value within the record: for a JSON string or a quoted CSV field the
  /// contents between the quotes, for a number its bytes, for a text line the line.
  public let rawRange: Range<Int>
  /// The unescaped value when it differs from the raw bytes, else nil (scan the raw bytes).
  public let decoded: [UInt8]?
  /// For `decoded`: `decodedToRaw[i]` is the record offset where the escape or byte that
  /// produced decoded byte `i` begins; it has `decoded.count + 1` entries, the last being
  /// `rawRange.upperBound` (or the end of the field for malformed CSV). Nil when `decoded` is.
  package let decodedToRaw: [Int32]?

  /// A segment whose scan bytes are the raw bytes `rawRange` of its record (a text line).
  public init(field: String?, rawRange: Range<Int>) {
    self.init(field: field, column: nil, syntax: .text, rawRange: rawRange)
  }

  /// The general form the walkers use. `decoded` and `decodedToRaw` come together.
  init(
    field: String?, column: Int?, syntax: Syntax, rawRange: Range<Int>, decoded: [UInt8]? = nil,
    decodedToRaw: [Int32]? = nil
  ) {
    self.init(
      fixedField: field, pointerTable: nil, pointerNode: 0, column: column, syntax: syntax,
      rawRange: rawRange, decoded: decoded, decodedToRaw: decodedToRaw)
  }

  /// A JSON value whose pointer is `node` of `table`.
  init(
    pointerTable: JSONPointerTable, node: Int32, syntax: Syntax, rawRange: Range<Int>,
    decoded: [UInt8]?, decodedToRaw: [Int32]?
  ) {
    self.init(
      fixedField: nil, pointerTable: pointerTable, pointerNode: node, column: nil, syntax: syntax,
      rawRange: rawRange, decoded: decoded, decodedToRaw: decodedToRaw)
  }

  private init(
    fixedField: String?, pointerTable: JSONPointerTable?, pointerNode: Int32, column: Int?,
    syntax: Syntax, rawRange: Range<Int>, decoded: [UInt8]?, decodedToRaw: [Int32]?
  ) {
    precondition(
      (decoded == nil) == (decodedToRaw == nil)
        && (decoded.map { $0.count + 1 == decodedToRaw?.count } ?? true),
      "decodedToRaw must have decoded.count + 1 entries")
    self.fixedField = fixedField
    self.pointerTable = pointerTable
    self.pointerNode = pointerNode
    self.column = column
    self.syntax = syntax
    self.rawRange = rawRange
    self.decoded = decoded
    self.decodedToRaw = decodedToRaw
  }

  /// The number of bytes a detector sees: `decoded.count`, else `rawRange.count`.
  public var scanByteCount: Int { decoded?.count ?? rawRange.count }

  /// Calls `body` with the bytes to scan: ``decoded`` if present, else the raw slice of `record`
  /// (no copy). `record` must be the record this segment was produced from.
  public func withScanBytes<Result>(
    in record: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Result
  ) rethrows -> Result {
    if let decoded { return try decoded.withUnsafeBytes(body) }
    precondition(rawRange.upperBound <= record.count, "segment does not belong to this record")
    return try body(UnsafeRawBufferPointer(rebasing: record[rawRange]))
  }

  /// Maps a span of the scanned bytes (`0...scanByteCount`) to the span of the record that
  /// produced it, widened to whole escape sequences: decoded bytes that come from one escape
  /// (`\u00e9` gives two bytes, a surrogate pair four, `""` in CSV one) map to the whole escape.
  ///
  /// An empty span maps to an empty span at the raw position of its start. For ``Syntax/jsonNumber``
  /// any non-empty span maps to the whole number; for malformed CSV fields to the whole field.
  public func rawRange(forDecoded range: Range<Int>) -> Range<Int> {
    precondition(
      range.lowerBound >= 0 && range.upperBound <= scanByteCount,
      "span must lie inside the scanned bytes")
    guard let map = decodedToRaw else {
      if syntax == .jsonNumber && !range.isEmpty { return rawRange }
      let base = rawRange.lowerBound
      return (base + range.lowerBound)..<(base + range.upperBound)
    }
    let start = Int(map[range.lowerBound])
    if range.isEmpty { return start..<start }
    // The last decoded byte may be in the middle of an escape's output: run to the next byte
    // that starts elsewhere. The final entry (the raw end) is greater than every start, so the
    // loop stops inside the array.
    let lastStart = map[range.upperBound - 1]
    var next = range.upperBound
    while map[next] == lastStart { next += 1 }
    return start..<Int(map[next])
  }
}

/// A JSON Lines value segment: ``FieldSegment/field`` is its JSON Pointer.
public typealias JSONValueSegment = FieldSegment

/// A CSV field segment: ``FieldSegment/column`` is set, ``FieldSegment/field`` is the header name.
public typealias CSVFieldSegment = FieldSegment
