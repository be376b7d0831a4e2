import TestSupport
import PIIScanKit

/// A fixed-seed SplitMix64 (Steele, Lea, Flood 2014) so random fixtures are reproducible.
typealias FormatsTestRandom = SeededRandom

extension Array where Element == UInt8 {
  /// The UTF-8 bytes of `string`.
  init(_ string: String) { self = Array(string.utf8) }

  /// The bytes as text, for readable expectations (invalid UTF-8 shows as U+FFFD).
  var text: String { String(decoding: self, as: UTF8.self) }
}

/// The bytes each segment scans, as text.
func scanText(_ segment: FieldSegment, in record: [UInt8]) -> String {
  record.withUnsafeBytes { raw in
    segment.withScanBytes(in: raw) { String(decoding: $0, as: UTF8.self) }
  }
}

/// The JSON values of one line, or the error.
func jsonValues(_ line: String) throws -> [FieldSegment] {
  try Array(line.utf8).withUnsafeBytes { try JSONLinesWalker.values(in: $0) }
}

/// The CSV fields of one record.
func csvFields(_ record: [UInt8], header: CSVHeader? = nil) -> [FieldSegment] {
  record.withUnsafeBytes { raw in
    var fields: [FieldSegment] = []
    CSVWalker.forEachField(in: raw, header: header) { fields.append($0) }
    return fields
  }
}
