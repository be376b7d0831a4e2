import PIIScanKit
import Testing

@Suite struct JSONLinesWalkerTests {
  /// (pointer, scanned text) for every reported value.
  private func pointersAndValues(_ line: String) throws -> [(String, String)] {
    let bytes = Array(line)
    return try jsonValues(line).map { ($0.field ?? "<nil>", scanText($0, in: bytes)) }
  }

  @Test func reportsStringAndNumberValuesWithPointers() throws {
    let line =
      #" { "name" : "Jane Roe", "age": 42, "ok": true, "none": null, "tags": ["a", -1.5e3, "b"], "#
      + #""meta": {"author_email": "jr@example.com", "empty": {}, "list": []}} "#
    let values = try pointersAndValues(line)
    #expect(
      values.map(\.0) == ["/name", "/age", "/tags/0", "/tags/1", "/tags/2", "/meta/author_email"])
    #expect(values.map(\.1) == ["Jane Roe", "42", "a", "-1.5e3", "b", "jr@example.com"])
  }

  @Test func rawRangesPointInsideQuotesAndAtNumbers() throws {
    let line = #"{"k":"value","n":123}"#
    let segments = try jsonValues(line)
    #expect(segments.map(\.rawRange) == [6..<11, 17..<20])
    #expect(segments.map(\.syntax) == [.jsonString, .jsonNumber])
    #expect(segments.allSatisfy { $0.decoded == nil && $0.column == nil })
  }

  @Test func topLevelScalarHasEmptyPointer() throws {
    #expect(try pointersAndValues(#""just a string""#).map(\.0) == [""])
    #expect(try pointersAndValues(" 7 ").map(\.1) == ["7"])
    #expect(try pointersAndValues("[[\"x\"]]").map(\.0) == ["/0/0"])
  }

  @Test func decodesEscapesAndMapsBackToWholeEscapes() throws {
    let line = #"{"e":"jane\u0040example.com"}"#
    let segment = try #require(try jsonValues(line).first)
    #expect(segment.decoded == Array("jane@example.com"))
    #expect(segment.rawRange == 6..<27)
    // `@` is decoded byte 4; it comes from the 6-byte `\u0040` at record offset 10.
    #expect(segment.rawRange(forDecoded: 4..<5) == 10..<16)
    #expect(segment.rawRange(forDecoded: 0..<16) == segment.rawRange)
    #expect(segment.rawRange(forDecoded: 5..<8) == 16..<19)
    #expect(segment.rawRange(forDecoded: 4..<4) == 10..<10)
  }

  @Test func decodesEveryShortEscape() throws {
    let segment = try #require(try jsonValues(#"["\"\\\/\b\f\n\r\t"]"#).first)
    #expect(segment.decoded == [0x22, 0x5C, 0x2F, 0x08, 0x0C, 0x0A, 0x0D, 0x09])
    #expect(segment.rawRange(forDecoded: 2..<3) == 6..<8)
  }

  @Test func decodesSurrogatePairsToFourByteUTF8() throws {
    let line = #"["a\uD83D\ude00b"]"#
    let segment = try #require(try jsonValues(line).first)
    #expect(segment.decoded == [0x61, 0xF0, 0x9F, 0x98, 0x80, 0x62])
    // Any part of the emoji maps to both escapes (12 raw bytes from offset 3).
    #expect(segment.rawRange(forDecoded: 2..<3) == 3..<15)
    #expect(segment.rawRange(forDecoded: 1..<5) == 3..<15)
    #expect(segment.rawRange(forDecoded: 4..<6) == 3..<16)
  }

  @Test(
    arguments: [
      (#"["\uD800"]"#, [0xEF, 0xBF, 0xBD]),  // lone high surrogate at the end
      (#"["\uDC00x"]"#, [0xEF, 0xBF, 0xBD, 0x78]),  // lone low surrogate
      (#"["\uD800\u0041"]"#, [0xEF, 0xBF, 0xBD, 0x41]),  // high followed by a non-surrogate
      (#"["\uD800\uD800\uDC00"]"#, [0xEF, 0xBF, 0xBD, 0xF0, 0x90, 0x80, 0x80]),
      (#"["\u00e9\u20AC"]"#, [0xC3, 0xA9, 0xE2, 0x82, 0xAC]),
    ] as [(String, [UInt8])])
  func loneSurrogatesBecomeReplacementCharacter(_ line: String, _ expected: [UInt8]) throws {
    #expect(try jsonValues(line).first?.decoded == expected)
  }

  @Test(arguments: [
    (#"{"a/b":1}"#, "/a~1b"),
    (#"{"m~n":1}"#, "/m~0n"),
    (#"{"~1":1}"#, "/~01"),
    (#"{"a\u002fb\u007e":1}"#, "/a~1b~0"),  // escaped `/` and `~` in the key
    (#"{"\"q\"":{"":[0,1]}}"#, "/\"q\"//1"),
    (#"{"x":{"y z":{"é":2}}}"#, "/x/y z/é"),
  ])
  func keysBecomeEscapedReferenceTokens(_ line: String, _ pointer: String) throws {
    #expect(try jsonValues(line).last?.field == pointer)
  }

  @Test(arguments: ["0", "-0", "12", "0.5", "-1.25", "1e9", "1E+9", "2.5e-3", "-0.0E0"])
  func acceptsRFC8259Numbers(_ number: String) throws {
    #expect(try pointersAndValues("[\(number)]").map(\.1) == [number])
  }

  @Test(
    arguments: [
      ("[01]", 2, JSONLinesError.Reason.unexpectedByte),
      ("[1.]", 3, .invalidNumber),
      ("[.5]", 1, .unexpectedByte),
      ("[-]", 2, .invalidNumber),
      ("[1e]", 3, .invalidNumber),
      ("[+1]", 1, .unexpectedByte),
      ("[1,]", 3, .unexpectedByte),
      (#"{"a" 1}"#, 5, .unexpectedByte),
      (#"{"a":1,}"#, 7, .unexpectedByte),
      (#"{a:1}"#, 1, .unexpectedByte),
      (#"{"a":"x}"#, 8, .unterminatedString),
      ("[\"a\tb\"]", 3, .controlCharacterInString),
      (#"["\x"]"#, 2, .invalidEscape),
      (#"["\u12G4"]"#, 2, .invalidEscape),
      (#"["ab\"#, 5, .unterminatedString),
      ("{} x", 3, .trailingContent),
      (#"{"a":1}}"#, 7, .trailingContent),
      ("[tru]", 1, .invalidLiteral),
      ("[nul", 1, .invalidLiteral),
      ("[truex]", 5, .unexpectedByte),
      ("{", 1, .unexpectedEnd),
      (#"{"a":[1"#, 7, .unexpectedEnd),
      ("plain log line", 0, .unexpectedByte),
    ] as [(String, Int, JSONLinesError.Reason)])
  func rejectsInvalidLinesWithOffset(_ line: String, _ offset: Int, _ reason: JSONLinesError.Reason)
  {
    #expect(throws: JSONLinesError(offset: offset, reason: reason)) { try jsonValues(line) }
  }

  @Test(arguments: ["", "   ", "\t \r"])
  func blankRecordHasNoValues(_ line: String) throws {
    #expect(try jsonValues(line).isEmpty)
  }

  @Test func nestingLimitIs512Containers() throws {
    let depth = JSONLinesWalker.maximumDepth
    let deepest =
      String(repeating: "[", count: depth) + "\"x\"" + String(repeating: "]", count: depth)
    let segment = try #require(try jsonValues(deepest).first)
    #expect(segment.field == String(repeating: "/0", count: depth))
    let tooDeep = "[" + deepest + "]"
    #expect(throws: JSONLinesError(offset: depth, reason: .nestingTooDeep)) {
      try jsonValues(tooDeep)
    }
    let tooDeepEmpty =
      String(repeating: "{\"a\":", count: depth) + "{}" + String(repeating: "}", count: depth)
    #expect(throws: JSONLinesError.self) { try jsonValues(tooDeepEmpty) }
  }

  @Test func bodyIsNotCalledForAnInvalidLine() {
    var calls = 0
    let line = Array(#"{"a":"x","b":"y","c":}"#)
    #expect(throws: JSONLinesError.self) {
      try line.withUnsafeBytes { try JSONLinesWalker.forEachValue(in: $0) { _ in calls += 1 } }
    }
    #expect(calls == 0)
  }

  @Test func errorDescriptionHoldsNoInputBytes() {
    let line = #"{"ssn":"078-05-1120" trailing}"#
    do {
      _ = try jsonValues(line)
      Issue.record("expected an error")
    } catch {
      #expect(!"\(error)".contains("078"))
      #expect(!"\(error)".contains("trailing"))
      #expect("\(error)" == "invalid JSON at byte 21: unexpected byte")
    }
  }

  @Test func invalidUTF8IsPassedThroughUnvalidated() throws {
    let line: [UInt8] = Array(#"{"k\#u{FF}":"a"#) + [0xFF, 0xC3] + Array(#""}"#)
    let segments = try line.withUnsafeBytes { try JSONLinesWalker.values(in: $0) }
    #expect(segments.count == 1)
    #expect(segments.first?.rawRange == 8..<11)
    #expect(segments.first?.field == "/k\u{FF}")
  }

  /// The string scanner skips eight bytes at a time; a special byte at any position of a word
  /// must still be seen.
  @Test(arguments: 0..<24)
  func specialBytesAreFoundAtEveryOffset(_ offset: Int) throws {
    var body = Array(repeating: UInt8(ascii: "x"), count: 24)
    body[offset] = 0x1F
    let control = Array(#"[""#.utf8) + body + Array(#""]"#.utf8)
    #expect(throws: JSONLinesError(offset: 2 + offset, reason: .controlCharacterInString)) {
      try control.withUnsafeBytes { try JSONLinesWalker.values(in: $0) }
    }
    var escaped = Array(repeating: UInt8(0xC3), count: 24)  // high bytes never trigger it
    escaped.replaceSubrange(offset..<(offset + 1), with: Array(#"\t"#.utf8))
    let line = Array(#"[""#.utf8) + escaped + Array(#""]"#.utf8)
    let segments = try line.withUnsafeBytes { try JSONLinesWalker.values(in: $0) }
    let segment = try #require(segments.first)
    var expected = Array(repeating: UInt8(0xC3), count: 24)
    expected[offset] = 0x09
    #expect(segment.decoded == expected)
    var quoted = Array(repeating: UInt8(ascii: "y"), count: 24)
    quoted[offset] = 0x22
    let early = Array(#"[""#.utf8) + quoted + Array(#""]"#.utf8)
    // The string ends at the quote, so what follows is unexpected (or the value is complete).
    let result = Result { try early.withUnsafeBytes { try JSONLinesWalker.values(in: $0) } }
    if case .success = result { Issue.record("a quote at \(offset) was not seen") }
  }
}
