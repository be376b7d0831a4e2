import Foundation
import PIIScanKit
import Testing

/// Escapers against the parsers: whatever we write back must read back as what we meant, and a
/// replacement spliced in at a mapped span must leave the record well-formed.
@Suite struct EscaperTests {
  static func randomBytes(_ random: inout FormatsTestRandom, pool: [UInt8]) -> [UInt8] {
    (0..<Int.random(in: 0...24, using: &random)).map { _ in pool.randomElement(using: &random)! }
  }

  static let interestingBytes: [UInt8] =
    Array("ab@.\"\\/,\r\n\t é€😀".utf8) + [0x00, 0x01, 0x1F, 0x7F, 0xFF, 0xC3]

  @Test func jsonEscapeExamples() {
    #expect(JSONStringEscaper.escape(Array("a\"b\\c/")) == Array(#"a\"b\\c/"#))
    #expect(JSONStringEscaper.escape([0x00, 0x0A, 0x1F, 0x20]) == Array(#"\u0000\u000a\u001f "#))
    #expect(JSONStringEscaper.escape(Array("é😀")) == Array("é😀"))
  }

  @Test func jsonEscapeRoundTripsThroughWalkerAndFoundation() throws {
    var random = FormatsTestRandom(seed: 0xE5CA_9E01)
    for _ in 0..<300 {
      let value = Self.randomBytes(&random, pool: Self.interestingBytes)
      let line = Array(#"{"k":""#.utf8) + JSONStringEscaper.escape(value) + Array(#""}"#.utf8)
      let segment = try #require(
        try line.withUnsafeBytes { try JSONLinesWalker.values(in: $0) }.first)
      #expect(line.withUnsafeBytes { raw in segment.withScanBytes(in: raw) { Array($0) } } == value)
      if let string = String(validating: value, as: UTF8.self) {
        let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
        #expect(object?["k"] as? String == string)
      }
    }
  }

  @Test(arguments: [
    ("ab", true, "ab"), ("a\"b", true, "a\"\"b"), ("a,b\r\n", true, "a,b\r\n"),
    ("ab", false, "ab"),
  ])
  func csvEscapeExamples(_ input: String, _ quoted: Bool, _ expected: String) {
    #expect(CSVFieldEscaper.escape(Array(input), inQuotedField: quoted) == Array(expected))
  }

  @Test(arguments: ["a,b", "a\"b", "a\rb", "a\nb"])
  func csvUnquotedRejectsStructuralBytes(_ input: String) {
    #expect(CSVFieldEscaper.escape(Array(input), inQuotedField: false) == nil)
  }

  @Test func csvEscapeRoundTripsThroughWalker() throws {
    var random = FormatsTestRandom(seed: 0xC5E5_CA9E)
    for _ in 0..<300 {
      let value = Self.randomBytes(&random, pool: Self.interestingBytes)
      let quoted = try #require(CSVFieldEscaper.escape(value, inQuotedField: true))
      let record = Array("x,\"".utf8) + quoted + Array("\",y".utf8)
      let fields = csvFields(record)
      #expect(fields.count == 3)
      #expect(fields.count == 3 && scanBytes(fields[1], record) == value)
      if let unquoted = CSVFieldEscaper.escape(value, inQuotedField: false) {
        #expect(!value.contains(where: { [0x22, 0x2C, 0x0D, 0x0A].contains($0) }))
        let record = Array("x,".utf8) + unquoted + Array(",y".utf8)
        let fields = csvFields(record)
        #expect(fields.count == 3 && scanBytes(fields[1], record) == value)
      }
    }
  }

  private func scanBytes(_ segment: FieldSegment, _ record: [UInt8]) -> [UInt8] {
    record.withUnsafeBytes { raw in segment.withScanBytes(in: raw) { Array($0) } }
  }

  /// The decoded value after replacing the raw span of `decodedSpan` with `replacement`:
  /// the decoded bytes before the widened span, the replacement, the decoded bytes after it.
  private func expectedAfterSplice(
    _ segment: FieldSegment, _ decoded: [UInt8], raw: Range<Int>, _ replacement: [UInt8]
  ) -> [UInt8] {
    // Decoded indices whose source starts inside the raw span are replaced.
    var before = 0
    while before < decoded.count
      && segment.rawRange(forDecoded: before..<(before + 1)).lowerBound < raw.lowerBound
    { before += 1 }
    var after = before
    while after < decoded.count
      && segment.rawRange(forDecoded: after..<(after + 1)).lowerBound < raw.upperBound
    { after += 1 }
    return Array(decoded[..<before]) + replacement + Array(decoded[after...])
  }

  @Test func jsonSpliceAtMappedSpanKeepsLineValid() throws {
    var random = FormatsTestRandom(seed: 0x5B11_CE01)
    let pieces = [
      #"a"#, #"b"#, #"\""#, #"\\"#, #"\/"#, #"\n"#, #"\u0040"#, #"\u00e9"#, #"\ud83d\ude00"#,
      #"\uD800"#, "é",
    ]
    for _ in 0..<300 {
      let body = (0..<Int.random(in: 1...10, using: &random)).map { _ in
        pieces.randomElement(using: &random)!
      }.joined()
      let line = Array(#"{"v":""#.utf8) + Array(body.utf8) + Array(#""}"#.utf8)
      let segment = try #require(
        try line.withUnsafeBytes { try JSONLinesWalker.values(in: $0) }.first)
      let decoded = line.withUnsafeBytes { raw in segment.withScanBytes(in: raw) { Array($0) } }
      let lower = Int.random(in: 0..<decoded.count, using: &random)
      let upper = Int.random(in: (lower + 1)...decoded.count, using: &random)
      let raw = segment.rawRange(forDecoded: lower..<upper)
      let replacement = Array("[\"X\"\\\n]".utf8)
      var spliced = line
      spliced.replaceSubrange(raw, with: JSONStringEscaper.escape(replacement))
      let after = try #require(
        try spliced.withUnsafeBytes { try JSONLinesWalker.values(in: $0) }.first)
      let value = spliced.withUnsafeBytes { r in after.withScanBytes(in: r) { Array($0) } }
      #expect(value == expectedAfterSplice(segment, decoded, raw: raw, replacement))
      // The widened span covers at least the requested decoded bytes.
      #expect(
        expectedAfterSplice(segment, decoded, raw: raw, []).count <= decoded.count - (upper - lower)
      )
    }
  }

  @Test func csvSpliceAtMappedSpanKeepsRecordValid() throws {
    var random = FormatsTestRandom(seed: 0xC5B1_1CE0)
    let pieces = ["a", "b", "\"\"", ",", "\n", "é"]
    for _ in 0..<300 {
      let body = (0..<Int.random(in: 1...10, using: &random)).map { _ in
        pieces.randomElement(using: &random)!
      }.joined()
      let record = Array("1,\"".utf8) + Array(body.utf8) + Array("\",2".utf8)
      let segment = try #require(csvFields(record).dropFirst().first)
      let decoded = scanBytes(segment, record)
      let lower = Int.random(in: 0..<decoded.count, using: &random)
      let upper = Int.random(in: (lower + 1)...decoded.count, using: &random)
      let raw = segment.rawRange(forDecoded: lower..<upper)
      let replacement = Array("R\"1,\n".utf8)
      var spliced = record
      spliced.replaceSubrange(
        raw, with: try #require(CSVFieldEscaper.escape(replacement, inQuotedField: true)))
      let fields = csvFields(spliced)
      #expect(fields.count == 3)
      #expect(
        fields.count == 3
          && scanBytes(fields[1], spliced)
            == expectedAfterSplice(segment, decoded, raw: raw, replacement)
      )
    }
  }
}
