/// Escapes a replacement for the place its finding's raw span occupies in a chunk, so that a
/// redacted JSON Lines record still parses and a CSV record keeps its columns.
///
/// - No `field` (text, a CSV header line, a JSON Lines record that did not parse): the
///   replacement goes in as is. `mask` and `partial` keep every non-alphanumeric ASCII byte of
///   the raw value, and the other operators produce only `[A-Z0-9_*]` and brackets, so the
///   line structure and any quoting around the span stay.
/// - JSON Lines: the span lies inside a string (escape with ``JSONStringEscaper``) or is a
///   whole number (RFC 8259 §6), which becomes a string: `"` + escaped replacement + `"`. Only a
///   span starting with `-` or a digit can be a number; for those the record is walked again
///   (``JSONLinesWalker``) to learn which.
/// - CSV: a replacement without `,`, `"`, CR or LF is written as is in any field. Otherwise the
///   record is walked again (``CSVWalker``): inside a quoted field quotes are doubled; a whole
///   unquoted field becomes a quoted one; part of an unquoted field gets those bytes as `*`
///   (RFC 4180 gives an unquoted field no escape).
struct RedactionEncoder {
  let chunk: UnsafeRawBufferPointer
  let format: InputFormat
  /// Record ranges of the chunk, computed on first need.
  private var records: [Range<Int>]?
  /// The last record walked and its segments (findings come in offset order).
  private var walked: (record: Range<Int>, segments: [FieldSegment])?

  init(chunk: UnsafeRawBufferPointer, format: InputFormat) {
    self.chunk = chunk
    self.format = format
  }

  /// The bytes to write in place of `span` (chunk offsets) for `finding`.
  mutating func encode(_ replacement: [UInt8], at span: Range<Int>, finding: Finding) -> [UInt8] {
    guard finding.field != nil, span.lowerBound < chunk.count else { return replacement }
    switch format {
    case .text:
      return replacement
    case .jsonl:
      let first = chunk[span.lowerBound]
      if first == FormatByte.minus || (first >= FormatByte.zero && first <= FormatByte.nine),
        segment(containing: span)?.syntax == .jsonNumber
      {
        return [FormatByte.quote] + JSONStringEscaper.escape(replacement) + [FormatByte.quote]
      }
      return JSONStringEscaper.escape(replacement)
    case .csv:
      let special = replacement.contains {
        $0 == FormatByte.comma || $0 == FormatByte.quote || $0 == FormatByte.carriageReturn
          || $0 == FormatByte.lineFeed
      }
      guard special, let (segment, record) = segmentAndRecord(containing: span) else {
        return replacement
      }
      let quoted = CSVFieldEscaper.escape(replacement, inQuotedField: true) ?? replacement
      if segment.syntax == .csvQuoted { return quoted }
      let fieldStart = record.lowerBound + segment.rawRange.lowerBound
      let fieldEnd = record.lowerBound + segment.rawRange.upperBound
      if fieldStart == span.lowerBound && fieldEnd == span.upperBound {
        return [FormatByte.quote] + quoted + [FormatByte.quote]
      }
      return replacement.map {
        $0 == FormatByte.comma || $0 == FormatByte.quote || $0 == FormatByte.carriageReturn
          || $0 == FormatByte.lineFeed ? UInt8(ascii: "*") : $0
      }
    }
  }

  private mutating func segment(containing span: Range<Int>) -> FieldSegment? {
    segmentAndRecord(containing: span)?.0
  }

  /// The segment whose raw range holds `span`'s start, and its record's range in the chunk.
  private mutating func segmentAndRecord(containing span: Range<Int>) -> (FieldSegment, Range<Int>)?
  {
    guard let record = record(containing: span.lowerBound) else { return nil }
    if walked?.record != record {
      let bytes = UnsafeRawBufferPointer(rebasing: chunk[record])
      var segments: [FieldSegment] = []
      switch format {
      case .jsonl: segments = (try? JSONLinesWalker.values(in: bytes)) ?? []
      case .csv: CSVWalker.forEachField(in: bytes) { segments.append($0) }
      case .text: break
      }
      walked = (record, segments)
    }
    let local = span.lowerBound - record.lowerBound
    for segment in walked?.segments ?? [] {
      let r = segment.rawRange
      if r.contains(local) || (r.lowerBound == local && r.isEmpty) { return (segment, record) }
    }
    return nil
  }

  /// The record (without terminator) that contains chunk offset `offset`.
  private mutating func record(containing offset: Int) -> Range<Int>? {
    if records == nil {
      var all: [Range<Int>] = []
      RecordFraming.forEachRecord(in: chunk, format: format) { all.append($0) }
      records = all
    }
    guard let records else { return nil }
    // Binary search: the last record starting at or before `offset`.
    var low = 0
    var high = records.count
    while low < high {
      let mid = (low + high) / 2
      if records[mid].lowerBound <= offset { low = mid + 1 } else { high = mid }
    }
    guard low > 0, records[low - 1].upperBound >= offset else { return nil }
    return records[low - 1]
  }
}
