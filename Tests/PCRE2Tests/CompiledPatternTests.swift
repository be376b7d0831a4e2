import PCRE2
import Testing

/// The PCRE2 wrapper: compile errors with offsets, JIT, byte-oriented matching, lookbehind
/// before the start offset, unset groups, and limits that throw instead of reading as no match.
@Suite struct CompiledPatternTests {
  func first(
    _ pattern: String, _ subject: [UInt8], from: Int = 0, limits: MatchScratch.Limits = .init()
  ) throws -> Match? {
    let p = try CompiledPattern(pattern)
    let scratch = MatchScratch(limits: limits)
    return try subject.withUnsafeBytes { try p.firstMatch(in: $0, from: from, scratch: scratch) }
  }

  @Test func compileErrorCarriesMessageAndOffset() {
    let error = #expect(throws: PCRE2Error.self) { try CompiledPattern("ab(c") }
    #expect(error?.kind == .compile)
    #expect(error?.patternOffset == 4)
    #expect(error?.message.contains("missing closing parenthesis") == true)
    #expect(error?.description.hasSuffix("at pattern offset 4") == true)
  }

  @Test func patternsAreJITCompiled() throws {
    #expect(try CompiledPattern(#"\d{3}-\d{2}-\d{4}"#).isJIT)
  }

  @Test func invalidUTF8IsJustBytes() throws {
    let subject: [UInt8] = [0xFF, 0xC3, 0x28, 0x20, 0x34, 0x32, 0xFE, 0x80]
    #expect(try first(#"\d+"#, subject)?.range == 4..<6)
    #expect(try first(#"\xFE\x80"#, subject)?.range == 6..<8)
    #expect(try first(#"[^\d]+"#, subject)?.range == 0..<4)
  }

  @Test func lookbehindSeesBytesBeforeTheStartOffset() throws {
    let subject = Array("ab".utf8)
    #expect(try first("(?<=a)b", subject, from: 1)?.range == 1..<2)
    #expect(try first(#"\bb"#, subject, from: 1) == nil, "a is a word byte: no boundary before b")
  }

  @Test func unsetGroupsAreNil() throws {
    let m = try first("(x)?(y)", Array("y".utf8))
    #expect(m?.groups.count == 3)
    #expect(m?.groups[1] == nil)
    #expect(m?.groups[2] == 0..<1)
  }

  @Test func emptySubjectAndEmptyPattern() throws {
    #expect(try first("a", []) == nil)
    #expect(try first("", Array("abc".utf8), from: 3)?.range == 3..<3)
  }

  @Test func aMatchLimitThrowsInsteadOfReportingNoMatch() throws {
    let subject = Array((String(repeating: "a", count: 40) + "!").utf8)
    let error = #expect(throws: PCRE2Error.self) {
      try first("(a+)+$", subject, limits: .init(match: 10_000, depth: 10_000))
    }
    #expect(error?.kind == .match)
    #expect(error?.isLimit == true)
  }

  /// `firstSpan` answers as `firstMatch` does, for every group index: the span of a group
  /// that took part, nil for one that did not or does not exist, and the same limit error.
  @Test func firstSpanAgreesWithFirstMatch() throws {
    let cases: [(String, String, Int)] = [
      ("(x)?(y)", "y", 0), ("(x)?(y)", "zy", 1), ("(a)|(b)", "b", 0), ("(a)(b)?", "ac", 0),
      (#"(\d{3})-(\d{2})"#, "id 123-45", 2), ("", "abc", 3), ("q", "abc", 0),
    ]
    for (pattern, text, from) in cases {
      let p = try CompiledPattern(pattern)
      let scratch = MatchScratch()
      let subject = Array(text.utf8)
      let match = try subject.withUnsafeBytes {
        try p.firstMatch(in: $0, from: from, scratch: scratch)
      }
      for group in 0..<4 {
        let span = try subject.withUnsafeBytes {
          try p.firstSpan(in: $0, from: from, group: group, scratch: scratch)
        }
        #expect(span?.whole == match?.range, "\(pattern) on \(text)")
        let expected = match.flatMap { group < $0.groups.count ? $0.groups[group] : nil }
        #expect(span?.group == expected, "\(pattern) on \(text), group \(group)")
      }
    }
    let p = try CompiledPattern("(a+)+$")
    let scratch = MatchScratch(limits: .init(match: 10_000, depth: 10_000))
    let subject = Array((String(repeating: "a", count: 40) + "!").utf8)
    let error = #expect(throws: PCRE2Error.self) {
      try subject.withUnsafeBytes { try p.firstSpan(in: $0, from: 0, group: 1, scratch: scratch) }
    }
    #expect(error?.isLimit == true)
  }

  /// A start limit bounds where a match may start, not what it may read: a match starting at
  /// the limit still runs past it, lookaheads see the bytes after it, and the limit does not
  /// stay set for the next call.
  @Test func startLimitBoundsTheStartOnly() throws {
    let p = try CompiledPattern(#"\d{3}(?!x)"#, options: .offsetLimit)
    let scratch = MatchScratch()
    let subject = Array("ab 123x 456 789".utf8)
    func span(_ from: Int, _ limit: Int?) throws -> Range<Int>? {
      try subject.withUnsafeBytes {
        try p.firstSpan(in: $0, from: from, group: 0, scratch: scratch, startLimit: limit)?.whole
      }
    }
    // "123" is followed by x: the lookahead sees it although it lies past the limit.
    #expect(try span(0, 4) == nil)
    #expect(try span(0, 8) == 8..<11, "a match starting at the limit reads past it")
    #expect(try span(0, 7) == nil)
    #expect(try span(9, nil) == 12..<15, "no limit left from the previous call")
  }

  /// Without `.offsetLimit` the JIT ignores a start limit and searches on to the subject's end
  /// (a scan of many start windows then turns quadratic): asking for a limit there stops at once.
  @Test func startLimitWithoutTheOptionStops() async {
    await #expect(processExitsWith: .failure) {
      let p = try CompiledPattern(#"\d"#)
      let subject = Array("a1".utf8)
      _ = try subject.withUnsafeBytes {
        try p.firstSpan(in: $0, from: 0, group: 0, scratch: MatchScratch(), startLimit: 1)
      }
    }
  }
}
