import PIIScanKit
import TestSupport
import Testing

@Suite struct RecordFramingTests {
  static let text = Array(
    "first line\nsecond line\r\n\n\rlone cr\r\nlast line without newline\r")
  static let jsonl = Array(
    #"{"a":"x\ny","b":[1,2]}"# + "\n" + #"{"c":"quote \" and , comma"}"# + "\r\n\n" + "[]")
  static let csv = Array(
    "id,note,email\r\n"
      + "1,\"multi\nline, with comma\",a@example.com\r\n"
      + "2,\"say \"\"hi\"\"\n\"\"\",\n"
      + "3,ab\"c,\"\"\n"
      + "\n"
      + "4,\"quoted\r\nCRLF inside\",\"\"\"\"\n"
      + "5,\"junk\"after,x\n"
      + "6,last,\"unterminated\nquote")

  static let expectedCSVRecords = [
    "id,note,email",
    "1,\"multi\nline, with comma\",a@example.com",
    "2,\"say \"\"hi\"\"\n\"\"\",",
    "3,ab\"c,\"\"",
    "",
    "4,\"quoted\r\nCRLF inside\",\"\"\"\"",
    "5,\"junk\"after,x",
    "6,last,\"unterminated\nquote",
  ]

  static func fixture(_ format: InputFormat) -> [UInt8] {
    switch format {
    case .text: text
    case .jsonl: jsonl
    case .csv: csv
    }
  }

  @Test func unchunkedRecordsAreFramedPerFormat() {
    #expect(
      ChunkingVerifier.records(in: Self.text, format: .text).map(\.text) == [
        "first line", "second line", "", "\rlone cr", "last line without newline\r",
      ])
    #expect(
      ChunkingVerifier.records(in: Self.jsonl, format: .jsonl).map(\.text) == [
        #"{"a":"x\ny","b":[1,2]}"#, #"{"c":"quote \" and , comma"}"#, "", "[]",
      ])
    #expect(
      ChunkingVerifier.records(in: Self.csv, format: .csv).map(\.text) == Self.expectedCSVRecords)
  }

  @Test(arguments: InputFormat.allCases, [1, 2, 3, 7, 64, 4096])
  func recordsIgnoreChunkSize(_ format: InputFormat, _ readSize: Int) {
    let input = Self.fixture(format)
    let whole = ChunkingVerifier.records(in: input, format: format)
    #expect(ChunkingVerifier.records(of: input, readSize: readSize, format: format) == whole)
    // Every chunk but the last ends right after a terminator.
    let chunks = ChunkingVerifier.chunks(of: input, readSize: readSize, format: format)
    #expect(chunks.dropLast().allSatisfy { $0.last == 0x0A })
    #expect(Array(chunks.joined()) == input)
  }

  @Test(
    arguments: [
      ("", nil), ("no newline", nil), ("a\n", 2), ("a\nb", 2), ("a\nb\n", 4), ("\n", 1),
      ("a\r\nb\r", 3),
    ] as [(String, Int?)])
  func lastRecordEndOfLines(_ input: String, _ expected: Int?) {
    for format in [InputFormat.text, .jsonl] {
      let end = Array(input).withUnsafeBytes { RecordFraming.lastRecordEnd(in: $0, format: format) }
      #expect(end == expected)
    }
  }

  @Test(
    arguments: [
      ("a,b", nil),
      ("a,\"b\nc\"", nil),  // the only newline is quoted
      ("a,\"b\nc\"\n", 8),
      ("a,\"b\nc\"\nd,\"e\n", 8),  // the second record's quote is still open
      ("ab\"c\nd", 5),  // a quote inside an unquoted field is literal
      ("\"a\"\"\n\"\n", 7),  // `""` inside quotes is an escaped quote
      ("\"a\"\"", nil),  // ends with a quote that may be half of `""`
      ("x,\"\"\ny\n", 7),  // an empty quoted field closes at once
      ("\"a\"b\"c\nd", 7),  // bytes after a closing quote: the later quote is literal
      (" \"a\nb", 4),  // a quote after a space does not open a quoted field
    ] as [(String, Int?)])
  func lastRecordEndOfCSVTracksQuotes(_ input: String, _ expected: Int?) {
    let end = Array(input).withUnsafeBytes { RecordFraming.lastRecordEnd(in: $0, format: .csv) }
    #expect(end == expected)
  }

  @Test func recordRangesExcludeTerminatorsOnly() {
    let input = Array("a\r\n\r\n\r\rb\n")
    var ranges: [Range<Int>] = []
    input.withUnsafeBytes { raw in
      RecordFraming.forEachRecord(in: raw, format: .text) { ranges.append($0) }
    }
    #expect(ranges == [0..<1, 3..<3, 5..<8])
  }

  @Test func emptyBufferHasNoRecords() {
    for format in InputFormat.allCases {
      #expect(ChunkingVerifier.records(in: [], format: format).isEmpty)
    }
  }
}
