import PIIScanKit

/// A fixed-seed SplitMix64 (Steele, Lea, Flood 2014) so random fixtures are reproducible.
struct FormatsTestRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

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
