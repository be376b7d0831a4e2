// Formats: record framing and field walking for piiscan's three input formats.
//
// The pipeline reads decompressed bytes into chunks that end on a record boundary
// (``RecordFraming/lastRecordEnd(in:format:)``), walks each chunk's records
// (``RecordFraming/forEachRecord(in:format:_:)``) and, for structured formats, each record's
// fields (``JSONLinesWalker``, ``CSVWalker``). Every field arrives as a ``FieldSegment``: the
// bytes to scan plus the way back from a span of those bytes to a span of the raw input.
//
// ```swift
// let format = FormatSniffer.detect(name: "events.jsonl.zst", prefix: firstBytes)
// if let end = RecordFraming.lastRecordEnd(in: buffer, format: format) {
//   let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<end])
//   RecordFraming.forEachRecord(in: chunk, format: format) { range in
//     let record = UnsafeRawBufferPointer(rebasing: chunk[range])
//     try? JSONLinesWalker.forEachValue(in: record) { segment in
//       segment.withScanBytes(in: record) { bytes in /* detectors run here */ }
//     }
//   }
// }
// ```

/// The record syntax of one input: how records are framed and how fields are found in them.
///
/// The raw values are stable: they appear in options (`--format`) and in manifests.
public enum InputFormat: String, Sendable, CaseIterable {
  /// Plain text or log lines: one record per `\n`-terminated line, the whole line is scanned.
  case text
  /// JSON Lines (<https://jsonlines.org>): one JSON value per `\n`-terminated line (RFC 8259).
  case jsonl
  /// Comma-separated values per RFC 4180: records end at a newline outside quotes, quoted
  /// fields may contain commas, doubled quotes and newlines.
  case csv
}
