/// Walks the fields of one CSV record (RFC 4180 §2).
///
/// Fields are separated by commas. A field that starts with `"` is quoted: it may contain
/// commas, CR and LF, and `""` stands for one quote; its ``FieldSegment/rawRange`` is the
/// contents between the quotes and ``FieldSegment/decoded`` is set only when it contains `""`.
/// Any other field is unquoted and its bytes are scanned as they are.
///
/// Malformed quoting never throws; it is read leniently, the way Python's `csv` module reads it
/// in its default (non-strict) mode, so the scanned value is what most consumers would see:
/// - A quote inside an unquoted field (`ab"c`) is a literal byte.
/// - Bytes after a closing quote (`"ab"cd`) are appended to the value literally (`abcd`).
/// - A quoted field without a closing quote runs to the end of the record (only possible for
///   the last record of an input, since ``RecordFraming`` does not end a record inside quotes).
/// In the last two cases the field cannot keep its syntax under a partial replacement, so the
/// segment's ``FieldSegment/rawRange`` is the whole field *including* its quotes, its syntax is
/// ``FieldSegment/Syntax/csvUnquoted``, and every non-empty decoded span maps to the whole field:
/// redaction replaces the whole field with an unquoted replacement.
///
/// An empty record (a blank line) has no fields; a trailing comma gives a last, empty field.
public enum CSVWalker {
  /// Calls `body` with a segment for every field of `record`, left to right.
  ///
  /// `record` is one record without its terminator (``RecordFraming/forEachRecord(in:format:_:)``).
  /// Segments carry the 0-based ``FieldSegment/column`` and, when `header` is given, the
  /// column's name from ``CSVHeader/name(forColumn:)`` as ``FieldSegment/field``.
  /// Records must be under 2 GiB (offsets are stored as `Int32`); the pipeline's record size
  /// limit is far below that.
  public static func forEachField(
    in record: UnsafeRawBufferPointer, header: CSVHeader? = nil,
    _ body: (CSVFieldSegment) throws -> Void
  ) rethrows {
    precondition(record.count <= Int(Int32.max), "CSV records must be under 2 GiB")
    let count = record.count
    guard count > 0 else { return }
    var position = 0
    var column = 0
    while true {
      let field = header?.name(forColumn: column)
      let end: Int  // the comma after the field, or `count`
      let segment: FieldSegment
      if position < count && record[position] == FormatByte.quote {
        (segment, end) = quotedField(in: record, at: position, column: column, field: field)
      } else {
        end = firstIndex(of: FormatByte.comma, in: record, from: position, to: count) ?? count
        segment = FieldSegment(
          field: field, column: column, syntax: .csvUnquoted, rawRange: position..<end)
      }
      try body(segment)
      guard end < count else { return }
      position = end + 1
      column += 1
    }
  }

  /// Parses the quoted field whose opening quote is at `open`; returns it and the offset of the
  /// comma after it (or `record.count`).
  private static func quotedField(
    in record: UnsafeRawBufferPointer, at open: Int, column: Int, field: String?
  ) -> (FieldSegment, Int) {
    let count = record.count
    let contentStart = open + 1
    var decoded: [UInt8] = []
    var map: [Int32] = []
    var hasEscapes = false
    var copiedUpTo = contentStart  // raw bytes before this are in `decoded`
    var search = contentStart
    var close: Int?
    while let quote = firstIndex(of: FormatByte.quote, in: record, from: search, to: count) {
      guard quote + 1 < count && record[quote + 1] == FormatByte.quote else {
        close = quote
        break
      }
      // `""`: copy the bytes before it, then one quote mapped to the pair's first byte.
      append(record, copiedUpTo..<quote, to: &decoded, map: &map)
      decoded.append(FormatByte.quote)
      map.append(Int32(quote))
      hasEscapes = true
      search = quote + 2
      copiedUpTo = search
    }
    if let close, close + 1 == count || record[close + 1] == FormatByte.comma {
      // Well-formed.
      let rawRange = contentStart..<close
      guard hasEscapes else {
        return (
          FieldSegment(field: field, column: column, syntax: .csvQuoted, rawRange: rawRange),
          close + 1
        )
      }
      append(record, copiedUpTo..<close, to: &decoded, map: &map)
      map.append(Int32(close))
      return (
        FieldSegment(
          field: field, column: column, syntax: .csvQuoted, rawRange: rawRange, decoded: decoded,
          decodedToRaw: map), close + 1
      )
    }
    // Malformed: bytes after the closing quote up to the next comma, or no closing quote.
    var value = decoded
    append(record, copiedUpTo..<(close ?? count), to: &value, map: &map)
    let end: Int
    if let close {
      end = firstIndex(of: FormatByte.comma, in: record, from: close + 1, to: count) ?? count
      value.append(contentsOf: UnsafeRawBufferPointer(rebasing: record[(close + 1)..<end]))
    } else {
      end = count
    }
    // Every decoded byte maps to the opening quote, so any span widens to the whole field.
    map = Array(repeating: Int32(open), count: value.count)
    map.append(Int32(end))
    return (
      FieldSegment(
        field: field, column: column, syntax: .csvUnquoted, rawRange: open..<end, decoded: value,
        decodedToRaw: map), end
    )
  }

  private static func append(
    _ record: UnsafeRawBufferPointer, _ range: Range<Int>, to value: inout [UInt8],
    map: inout [Int32]
  ) {
    value.append(contentsOf: UnsafeRawBufferPointer(rebasing: record[range]))
    map.append(contentsOf: Int32(range.lowerBound)..<Int32(range.upperBound))
  }
}
