import PCRE2
import Testing

@testable import PIIScanKit

@Suite struct PatternLoaderTests {
  func yaml(_ detector: String, version: Int = 1) -> String {
    """
    version: \(version)
    family: test
    detectors:
    \(detector)
    """
  }

  let valid = """
      - id: test_word
        entity: test_word
        description: a test
        regex: 'secret\\d+'
        confidence: 0.5
        severity: low
    """

  /// The message of the error compiling `valid` with `extra` fields appended (nil: it compiled,
  /// which is recorded as a failure).
  func compileError(_ extra: String) throws -> String? {
    let file = try PatternLoader.parse(yaml(valid + extra), origin: "e.yaml")
    let error = #expect(throws: ScanError.self) {
      try PatternLoader.compile([(origin: "e.yaml", file: file)])
    }
    return error?.message
  }

  @Test func loadsAValidFile() throws {
    let file = try PatternLoader.parse(yaml(valid), origin: "t.yaml")
    let detectors = try PatternLoader.compile([(origin: "t.yaml", file: file)])
    #expect(detectors.map(\.id) == ["test_word"])
    #expect(DetectorSet(detectors).matches(in: Array("x secret42 y".utf8)).map(\.range) == [2..<10])
  }

  @Test func badRegexNamesFileDetectorFieldAndOffset() throws {
    let text = yaml(valid.replacingOccurrences(of: "secret\\d+", with: "secret(\\d+"))
    let file = try PatternLoader.parse(text, origin: "bad.yaml")
    let error = #expect(throws: ScanError.self) {
      try PatternLoader.compile([(origin: "bad.yaml", file: file)])
    }
    #expect(error?.code == .badPatternFile)
    #expect(error?.path == "bad.yaml")
    #expect(error?.message.contains("detector 'test_word', field 'regex'") == true)
    #expect(error?.message.contains("pattern offset") == true)
  }

  @Test func unknownValidatorIsAnError() throws {
    let text = yaml(valid + "\n    validator: no_such_check")
    let file = try PatternLoader.parse(text, origin: "v.yaml")
    let error = #expect(throws: ScanError.self) {
      try PatternLoader.compile([(origin: "v.yaml", file: file)])
    }
    #expect(error?.message.contains("unknown validator 'no_such_check'") == true)
  }

  @Test func unknownSchemaVersionIsRejectedClearly() {
    let error = #expect(throws: ScanError.self) {
      try PatternLoader.parse(yaml(valid, version: 9), origin: "v9.yaml")
    }
    #expect(error?.message.contains("schema version 9 is not supported") == true)
  }

  @Test func missingFieldIsNamed() {
    let text = yaml(
      valid.replacingOccurrences(of: "    severity: low\n", with: "").replacingOccurrences(
        of: "\n    severity: low", with: ""))
    let error = #expect(throws: ScanError.self) { try PatternLoader.parse(text, origin: "m.yaml") }
    #expect(error?.message.contains("severity") == true)
  }

  @Test func unknownFieldIsAnErrorNotIgnored() {
    let typo = #expect(throws: ScanError.self) {
      try PatternLoader.parse(yaml(valid + "\n    requires_contxt: true"), origin: "t.yaml")
    }
    #expect(typo?.message.contains("detector 'test_word': unknown field 'requires_contxt'") == true)
    // An unquoted comma in a flow mapping makes the rest of the value a field of its own.
    let comma = #expect(throws: ScanError.self) {
      try PatternLoader.parse(
        yaml(
          valid + "\n    examples:\n      match:\n        - {text: secret1, reason: short, plain}"),
        origin: "t.yaml")
    }
    #expect(comma?.message.contains("field 'examples.match[0]': unknown field 'plain'") == true)
  }

  @Test func digitSeparatorsMustBeRunSeparators() throws {
    let text = yaml(valid + "\n    digits: 3\n    digit_separators: ':'")
    let file = try PatternLoader.parse(text, origin: "s.yaml")
    let error = #expect(throws: ScanError.self) {
      try PatternLoader.compile([(origin: "s.yaml", file: file)])
    }
    #expect(error?.message.contains("field 'digit_separators'") == true)
    let group = try PatternLoader.parse(
      yaml(valid + "\n    digits: 3\n    digit_group: 4"), origin: "g.yaml")
    #expect(throws: ScanError.self) { try PatternLoader.compile([(origin: "g.yaml", file: group)]) }
    // digit_lead needs `digits`, is not negative, and stands alone as the anchor.
    for extra in [
      "\n    digit_lead: 0", "\n    digits: 3\n    digit_lead: -1",
      "\n    digits: 3\n    digit_lead: 1\n    keywords: [abc]",
    ] {
      #expect(try compileError(extra)?.contains("field 'digit_lead'") == true, "\(extra)")
    }
    let lead = try PatternLoader.parse(
      yaml(valid + "\n    digits: 3\n    digit_lead: 2"), origin: "l.yaml")
    #expect(try PatternLoader.compile([(origin: "l.yaml", file: lead)])[0].digitLead == 2)
  }

  @Test func digitShapesAreValidatedAndFilter() throws {
    // digit_shape needs `digits` and lists group lengths of at least 1.
    for extra in [
      "\n    digit_shape: [3, 2]", "\n    digits: 3\n    digit_shape: []",
      "\n    digits: 3\n    digit_shape: [3, 0]",
    ] {
      #expect(try compileError(extra)?.contains("field 'digit_shape'") == true, "\(extra)")
    }
    // A dashed 3-2-4 value, with a shape it holds and with one it does not (a wrong promise,
    // which the prefilter keeps: the value is not matched at all).
    func detector(_ shape: String) throws -> Detector {
      let spec = """
          - id: dashed
            entity: dashed
            description: a test
            regex: '(?<![\\w-])\\d{3}-\\d{2}-\\d{4}(?![\\w-])'
            digits: 9
            digit_separators: '-'
            digit_lead: 0
            digit_shape: \(shape)
            confidence: 0.5
            severity: low
        """
      let file = try PatternLoader.parse(yaml(spec), origin: "d.yaml")
      return try PatternLoader.compile([(origin: "d.yaml", file: file)])[0]
    }
    let text = Array("id 2055-8673-47 ssn 123-45-6789, x 99-123-45-6789-1 ok 12-345-67-8901".utf8)
    let held = try detector("[3, 2, 4]")
    #expect(held.digitShape == [3, 2, 4])
    let expected = DetectorSet([held], prefilter: false).matches(in: text).map(\.range)
    #expect(expected == [20..<31])
    #expect(DetectorSet([held]).matches(in: text).map(\.range) == expected)
    #expect(DetectorSet([try detector("[2, 4]")]).matches(in: text).map(\.range) == expected)
    #expect(DetectorSet([try detector("[3, 3]")]).matches(in: text).isEmpty)
    #expect(DetectorSet([try detector("[3, 3]")], prefilter: false).matches(in: text).count == 1)
  }

  @Test func tokenAnchorsAreValidated() throws {
    func error(_ token: String) throws -> String? {
      let file = try PatternLoader.parse(yaml(valid + "\n    token: \(token)"), origin: "t.yaml")
      do {
        _ = try PatternLoader.compile([(origin: "t.yaml", file: file)])
        return nil
      } catch let e as ScanError {
        return e.message
      }
    }
    #expect(try error(#"{chars: "A-Z", needs: "0-9", min: 3}"#)?.contains("token.needs") == true)
    #expect(try error(#"{chars: "Z-A", needs: "A", min: 3}"#)?.contains("token.chars") == true)
    #expect(
      try error(#"{chars: "A-Z", needs: "A", min: 5, max: 4}"#)?.contains("token.max") == true)
    #expect(try error(#"{chars: "A-Z", needs: "A", min: 0}"#)?.contains("token.min") == true)
    #expect(try error(#"{chars: "a-z0-9", needs: "0-9", min: 7}"#) == nil)
    let unknown = #expect(throws: ScanError.self) {
      try PatternLoader.parse(
        yaml(valid + "\n    token: " + #"{chars: "A-Z", need: "A", min: 3}"#), origin: "t.yaml")
    }
    #expect(unknown?.message.contains("field 'token': unknown field 'need'") == true)
  }

  /// A detector anchored by a user pattern file's token reports what its unfiltered reference
  /// reports: values that are whole tokens, and none inside longer tokens or across lines.
  @Test func tokenAnchoredDetectorMatchesLikeItsReference() throws {
    let file = try PatternLoader.parse(
      yaml(
        valid.replacingOccurrences(
          of: "secret\\d+", with: "(?<![a-z0-9])[a-z]{3}[0-9]{4}(?![a-z0-9])")
          + "\n    token: " + #"{chars: "a-z0-9", needs: "0-9", min: 7, max: 7}"#), origin: "t.yaml"
    )
    let detectors = try PatternLoader.compile([(origin: "t.yaml", file: file)])
    for text in ["id abc1234 ok", "abc1234x", "x abc12345", "abc1234\nzzz0000"] {
      let bytes = Array(text.utf8)
      #expect(
        DetectorSet(detectors).matches(in: bytes)
          == DetectorSet(detectors, prefilter: false).matches(in: bytes), "\(text)")
    }
    #expect(
      DetectorSet(detectors).matches(in: Array("id abc1234 ok".utf8)).map(\.range) == [3..<10])
  }

  @Test func laterFilesOverrideByID() throws {
    let a = try PatternLoader.parse(yaml(valid), origin: "a.yaml")
    let b = try PatternLoader.parse(
      yaml(valid.replacingOccurrences(of: "secret", with: "token")), origin: "b.yaml")
    let detectors = try PatternLoader.compile([
      (origin: "a.yaml", file: a), (origin: "b.yaml", file: b),
    ])
    #expect(detectors.count == 1)
    #expect(detectors[0].origin == "b.yaml")
  }

  @Test func filtersRejectUnknownNames() throws {
    let set = try PatternLoader.load()
    #expect(throws: ScanError.self) {
      try set.filtered(enable: ["emial"], disable: [], countries: [])
    }
    let emailOnly = try set.filtered(enable: ["email"], disable: [], countries: [])
    #expect(Set(emailOnly.detectors.map(\.entity)) == ["email"])
    let noSSN = try set.filtered(enable: [], disable: ["us_ssn"], countries: [])
    #expect(!noSSN.detectors.contains { $0.entity == "us_ssn" })
  }
}

@Suite struct SegmentScannerTests {
  func detector(
    _ id: String, _ regex: String, entity: String? = nil,
    extra: (inout DetectorSpec) -> Void = { _ in }
  ) throws -> Detector {
    var spec = DetectorSpec(
      id: id, entity: entity ?? id, description: id, regex: regex, confidence: 0.5, severity: "low")
    extra(&spec)
    return try Detector(spec: spec, origin: "test")
  }

  @Test func matchLimitIsReportedNotSilentlyMissed() throws {
    let d = try detector("catastrophic", "(a+)+$")
    let set = DetectorSet([d])
    let scratch = ScanScratch(
      limits: MatchScratch.Limits(match: 1000, depth: 100, jitStackBytes: 1 << 20))
    var limits: [MatchLimitHit] = []
    let text = Array(String(repeating: "a", count: 40).utf8) + [0x62]
    _ = text.withUnsafeBytes { set.scan($0, field: nil, scratch: scratch, limits: &limits) }
    #expect(limits.map(\.detector) == ["catastrophic"])
  }

  @Test func longerWinsAnOverlapBetweenUnvalidatedMatches() throws {
    let short = try detector("short", "abc")
    let long = try detector("long", "abcdef")
    let found = DetectorSet([short, long]).matches(in: Array("xx abcdef yy".utf8))
    #expect(found.map(\.detector) == ["long"])
  }

  @Test func validatedBeatsLonger() throws {
    let long = try detector("long", "\\d{16}x")
    let card = try detector("card", "\\d{16}") { $0.validator = "luhn" }
    let found = DetectorSet([long, card]).matches(in: Array("4111111111111111x".utf8))
    #expect(found.map(\.detector) == ["card"])
    #expect(found.first?.validated == true)
  }

  @Test func contextRaisesConfidenceAndRequiredContextFilters() throws {
    let d = try detector("nine", "\\b\\d{9}\\b") {
      $0.context = .init(words: ["routing"], window: 20, boost: 0.3)
      $0.requiresContext = true
    }
    let set = DetectorSet([d])
    #expect(set.matches(in: Array("id 123456789".utf8)).isEmpty)
    let hit = set.matches(in: Array("Routing: 123456789".utf8)).first
    #expect(hit?.confidence == 0.8)
    #expect(set.matches(in: Array("123456789".utf8), field: "/bank/routing_no").count == 1)
  }

  @Test func negativeContextVetoes() throws {
    let d = try detector("card", "\\d{16}") {
      $0.negativeContext = .init(words: ["order"], window: 10, boost: nil)
    }
    let set = DetectorSet([d])
    #expect(set.matches(in: Array("order 4111111111111111".utf8)).isEmpty)
    #expect(set.matches(in: Array("card 4111111111111111 order".utf8)).count == 1)
  }

  @Test func invalidUTF8DoesNotBreakMatching() throws {
    let d = try detector("word", "secret\\d")
    let bytes: [UInt8] = [0xFF, 0xC3, 0x28] + Array(" secret7 ".utf8) + [0xED, 0xA0, 0x80]
    #expect(DetectorSet([d]).matches(in: bytes).map(\.range) == [4..<11])
  }

  @Test func previewNeverShowsTheWholeValue() {
    let cases: [(String, DetectorSpec.PreviewSpec?)] = [
      ("4111 1111 1111 1111", .init(style: nil, keepStart: 4, keepEnd: 4)),
      ("jane@example.com", .init(style: "email", keepStart: nil, keepEnd: nil)),
      ("536-22-1234", .init(style: nil, keepStart: 0, keepEnd: 4)),
      ("ab", nil),
      ("ghp_abcdefghijklmnop", .init(style: "prefix", keepStart: 4, keepEnd: nil)),
    ]
    for (value, spec) in cases {
      let preview = Preview.mask(Array(value.utf8), spec: spec)
      #expect(preview != value)
    }
    #expect(
      Preview.mask(
        Array("4111 1111 1111 1111".utf8), spec: .init(style: nil, keepStart: 4, keepEnd: 4))
        == "4111 **** **** 1111")
    #expect(
      Preview.mask(
        Array("jane@example.com".utf8), spec: .init(style: "email", keepStart: nil, keepEnd: nil))
        == "j***@example.com")
  }

  /// Previews are written into the string's storage: a masked multi-byte character becomes one
  /// `*`, kept bytes stay, line breaks become spaces, and invalid UTF-8 is repaired to U+FFFD
  /// (as `String(decoding:as:)` does).
  @Test func previewsOfNonASCIIAndInvalidBytes() {
    let spec = DetectorSpec.PreviewSpec(style: nil, keepStart: 1, keepEnd: 1)
    // "é" (C3 A9) is masked to one `*`; the trailing lone FF is kept and repaired.
    let value: [UInt8] = [0x41, 0xC3, 0xA9, 0x42, 0x0A, 0x43, 0x44, 0xFF]
    #expect(Preview.mask(value, spec: spec) == "A** **\u{FFFD}")
    #expect(
      Preview.mask(Array("x@é.fr".utf8), spec: .init(style: "email", keepStart: nil, keepEnd: nil))
        == "x***@é.fr")
    #expect(
      Preview.mask(
        [0xFF] + Array("@a.io".utf8), spec: .init(style: "email", keepStart: nil, keepEnd: nil))
        == "\u{FFFD}***@a.io")
  }
}
