import Testing

@testable import PIIScanKit

/// The keyword pass stops only at each keyword's rarest pair of bytes (a one-byte keyword: its
/// byte and any next byte, or none at the segment's end); it must find every occurrence the
/// unfiltered scan does, wherever it sits.
@Suite struct KeywordAnchorTests {
  static func detector(_ id: String, _ regex: String, _ keywords: [String]) throws -> Detector {
    let spec = DetectorSpec(
      id: id, entity: id, description: "keyword test", regex: regex, keywords: keywords,
      confidence: 0.5, severity: "low")
    return try Detector(spec: spec, origin: "test")
  }

  static let detectors: [Detector] = {
    [
      // One byte: a match may be that byte alone, the segment's last.
      try! detector("at", #"@\w*"#, ["@"]),
      // Two bytes: the pair is the keyword.
      try! detector("colons", #"::\w*"#, ["::"]),
      // Keywords sharing their rarest pair, and keywords that overlap themselves.
      try! detector(
        "secret", #"(?:passwd|password|PASSWORD)=\w+"#, ["passwd", "password", "PASSWORD"]),
      try! detector("gh", #"ghp_\w+"#, ["ghp_"]),
      try! detector("aaa", #"aaab"#, ["aaab"]),
    ]
  }()

  static let texts: [String] = [
    "", "@", "a@", "@@", "@a", "x::", "::", ":::", "ghp_", "ghp_x", "xghp_ghp_1",
    "a @b\n::c ghp_z @", "password=1 passwd=2 PASSWORD=3", "PASSWORDpassword=4",
    "aaaab aaab aaaaab", "p", "pa", "passw", "ghp",
  ]

  @Test(arguments: texts)
  func keywordPassEqualsUnfilteredScan(_ text: String) {
    let bytes = Array(text.utf8)
    let filtered = DetectorSet(Self.detectors).matches(in: bytes)
    let reference = DetectorSet(Self.detectors, prefilter: false).matches(in: bytes)
    #expect(filtered == reference)
  }

  /// Every text above, and their concatenations two at a time: keywords at every offset,
  /// including the first and last byte.
  @Test func keywordsAtEveryOffset() {
    let filteredSet = DetectorSet(Self.detectors)
    let referenceSet = DetectorSet(Self.detectors, prefilter: false)
    var compared = 0
    for a in Self.texts {
      for b in Self.texts {
        let bytes = Array((a + b).utf8)
        #expect(filteredSet.matches(in: bytes) == referenceSet.matches(in: bytes), "\(a + b)")
        compared += referenceSet.matches(in: bytes).count
      }
    }
    #expect(compared > 100)
  }
}
