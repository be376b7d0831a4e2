/// Guesses an input's format from its first bytes, with its name as the tie-breaker.
///
/// The heuristic, in order:
/// 1. **Content, JSON Lines.** Skip a UTF-8 byte order mark and blank lines. If the first
///    non-blank line starts with `{` (after whitespace) and either parses as one JSON value with
///    ``JSONLinesWalker`` or is cut off by the end of `prefix` (so it cannot be checked), the
///    input is ``InputFormat/jsonl``.
/// 2. **Content, CSV.** Frame up to ``recordsExamined`` records from that line on, as RFC 4180
///    records (a newline inside quotes does not end one), skipping blank ones. The input is
///    ``InputFormat/csv`` when at least two records were seen, they all have the same number of
///    fields, that number is at least 2, and their quoting is clean RFC 4180 (quotes only
///    around whole fields, `""` inside them, every quoted field closed). A last record cut off
///    by the end of `prefix` counts only if it agrees; it never spoils the verdict.
/// 3. **Name.** After removing one `.gz`, `.zst` or `.zstd` suffix, a name ending in `.jsonl`
///    or `.ndjson` (any case) means ``InputFormat/jsonl`` and one ending in `.csv` means
///    ``InputFormat/csv``. So the name decides only when the content is not conclusive: a
///    one-column or one-line CSV, a JSON Lines file whose first line is broken.
/// 4. Otherwise ``InputFormat/text``.
///
/// Known limits: a log whose first lines all hold the same number of commas (and no stray
/// quotes) is taken for CSV; its lines are then scanned field by field, which only matters for
/// a match that would span a comma. Pass the format explicitly for such inputs.
public enum FormatSniffer {
  /// How many records the CSV check looks at.
  public static let recordsExamined = 5

  /// The format of an input whose first bytes are `prefix` (64 KiB is plenty; any size works)
  /// and whose name, if any, is `name` (a path or file name, possibly with a compression
  /// suffix).
  public static func detect(name: String?, prefix: UnsafeRawBufferPointer) -> InputFormat {
    if let format = formatFromContent(prefix) { return format }
    if let name, let format = formatFromName(name) { return format }
    return .text
  }

  static func formatFromContent(_ prefix: UnsafeRawBufferPointer) -> InputFormat? {
    let count = prefix.count
    var lineStart = 0
    if count >= 3 && prefix[0] == 0xEF && prefix[1] == 0xBB && prefix[2] == 0xBF {
      lineStart = 3  // UTF-8 byte order mark
    }
    // The first non-blank line.
    var lineEnd: Int?
    while lineStart < count {
      lineEnd = firstIndex(of: FormatByte.lineFeed, in: prefix, from: lineStart, to: count)
      if !isBlank(prefix, lineStart..<(lineEnd ?? count)) { break }
      guard let end = lineEnd else { return nil }
      lineStart = end + 1
    }
    guard lineStart < count else { return nil }

    var firstByte = lineStart
    while firstByte < count && FormatByte.isWhitespace(prefix[firstByte]) { firstByte += 1 }
    if prefix[firstByte] == FormatByte.leftBrace {
      guard let end = lineEnd else { return .jsonl }  // cut off: `{` is all we can check
      let line = UnsafeRawBufferPointer(rebasing: prefix[lineStart..<end])
      if (try? JSONLinesWalker.values(in: line)) != nil { return .jsonl }
    }
    return looksLikeCSV(prefix, from: lineStart) ? .csv : nil
  }

  private static func looksLikeCSV(_ prefix: UnsafeRawBufferPointer, from start: Int) -> Bool {
    var scanner = CSVRecordScanner(buffer: prefix)
    var fieldCounts: [Int] = []
    var position = start
    while fieldCounts.count < recordsExamined && position < prefix.count {
      let terminator = scanner.terminator(from: position)
      var end = terminator ?? prefix.count
      if terminator != nil && end > position && prefix[end - 1] == FormatByte.carriageReturn {
        end -= 1
      }
      let range = position..<end
      if !isBlank(prefix, range) {
        let fields = cleanFieldCount(UnsafeRawBufferPointer(rebasing: prefix[range]))
        if terminator == nil {
          if let fields, fields == fieldCounts.first { fieldCounts.append(fields) }
          break
        }
        guard let fields else { return false }
        fieldCounts.append(fields)
      }
      guard let terminator else { break }
      position = terminator + 1
    }
    guard fieldCounts.count >= 2, let first = fieldCounts.first, first >= 2 else { return false }
    return fieldCounts.allSatisfy { $0 == first }
  }

  /// The number of fields in `record`, or nil when its quoting is not clean RFC 4180: a quote
  /// inside an unquoted field, bytes after a closing quote, or an unclosed quoted field.
  private static func cleanFieldCount(_ record: UnsafeRawBufferPointer) -> Int? {
    var fields = 0
    var clean = true
    CSVWalker.forEachField(in: record) { segment in
      fields += 1
      guard segment.syntax == .csvUnquoted else { return }
      // Malformed quoted fields come back as csvUnquoted with a decoded value; stray quotes
      // stay in the raw bytes.
      if segment.decoded != nil
        || firstIndex(
          of: FormatByte.quote, in: record, from: segment.rawRange.lowerBound,
          to: segment.rawRange.upperBound) != nil
      {
        clean = false
      }
    }
    return clean ? fields : nil
  }

  private static func isBlank(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
    for index in range where !FormatByte.isWhitespace(buffer[index]) { return false }
    return true
  }

  static func formatFromName(_ name: String) -> InputFormat? {
    var lowered = name.lowercased()
    for suffix in [".gz", ".zst", ".zstd"] where lowered.hasSuffix(suffix) {
      lowered.removeLast(suffix.count)
      break
    }
    if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") { return .jsonl }
    if lowered.hasSuffix(".csv") { return .csv }
    return nil
  }
}
