import Testing

@testable import PIIScanKit

@Suite struct LineageJSONTests {
  static let sample = LineageJSON.object([
    ("schema", .string("piiscan.lineage/1")),
    ("n", .integer(42)),
    ("f", .number("-1.5e3")),
    ("ok", .bool(true)),
    ("none", .null),
    ("text", .string("quote \" backslash \\ tab \t é 😀 \u{1}")),
    ("empty", .array([])),
    ("obj", .object([])),
    ("list", .array([.integer(1), .object([("z", .string("last")), ("a", .string("first"))])])),
  ])

  @Test func encodesInTheDocumentedLayout() {
    let value = LineageJSON.object([
      ("a", .integer(1)), ("b", .array([.string("x")])), ("c", .object([])),
    ])
    #expect(
      String(decoding: value.encoded(), as: UTF8.self)
        == "{\n  \"a\": 1,\n  \"b\": [\n    \"x\"\n  ],\n  \"c\": {}\n}\n")
  }

  @Test func parsingAndReencodingGivesTheSameBytes() throws {
    let bytes = Self.sample.encoded()
    let parsed = try LineageJSON.parse(bytes)
    #expect(parsed == Self.sample)
    #expect(parsed.encoded() == bytes)
  }

  @Test func memberOrderIsKept() throws {
    let parsed = try LineageJSON.parse(Array(#"{"z":1,"a":2,"m":3}"#.utf8))
    guard case .object(let members) = parsed else {
      Issue.record("not an object")
      return
    }
    #expect(members.map(\.0) == ["z", "a", "m"])
  }

  @Test func decodesEscapesAndSurrogatePairs() throws {
    let parsed = try LineageJSON.parse(Array(#"["\u00e9\ud83d\ude00\/\n"]"#.utf8))
    #expect(parsed == .array([.string("é😀/\n")]))
  }

  @Test(arguments: [
    #"{"a":1,"a":2}"#,  // duplicate member: a verifier and a reader could see different values
    #"[1,]"#, #"{"a":1,}"#, #"[01]"#, #"[1.]"#, #"["\x"]"#, #"["\ud800"]"#, "[\"a\u{1}\"]",
    #"{"a" 1}"#, #"[1] [2]"#, #"tru"#, "", #"[1"#, #""abc"#,
  ])
  func rejectsMalformedText(_ text: String) {
    #expect(throws: ScanError.self) { try LineageJSON.parse(Array(text.utf8)) }
  }

  @Test func rejectsDeepNesting() {
    let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(throws: ScanError.self) { try LineageJSON.parse(Array(deep.utf8)) }
    let fine = String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
    #expect(throws: Never.self) { try LineageJSON.parse(Array(fine.utf8)) }
  }

  @Test func settingAndRemovingKeepOtherMembersInPlace() {
    let value = LineageJSON.object([("a", .integer(1)), ("b", .integer(2))])
    #expect(value.setting("a", .integer(9)) == .object([("a", .integer(9)), ("b", .integer(2))]))
    #expect(
      value.setting("c", .null) == .object([("a", .integer(1)), ("b", .integer(2)), ("c", .null)]))
    #expect(value.removing("a") == .object([("b", .integer(2))]))
  }
}
