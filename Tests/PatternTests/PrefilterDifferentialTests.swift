import TestSupport
import Testing

@testable import PIIScanKit

/// The prefilter (keyword anchors, digit-run classes with their separators and groups, the
/// context gate) must never change what is reported: over fixed-seed random text built to sit
/// on its edges, the built-in detectors report exactly what the unfiltered reference scan does.
///
/// The text mixes the pattern files' own positive values (as written and mutated), digit groups
/// joined by every separator a run may hold, uppercase codes (spaced or not, around the token
/// thresholds), hex groups joined by `:`, `-`, `.` and `::`, context words of every detector,
/// and log furniture (timestamps, IP addresses, UUIDs), on one to three lines.
@Suite struct PrefilterDifferentialTests {
  static let detectors: [Detector] = {
    (try? PatternLoader.load().detectors) ?? []
  }()

  static let values: [String] = detectors.flatMap { d in
    (d.spec.examples?.match ?? []).map { $0.value ?? $0.text }
  }
  static let contextWords: [String] = Array(
    Set(
      detectors.flatMap { ($0.spec.context?.words ?? []) + ($0.spec.negativeContext?.words ?? []) })
  ).sorted()

  static func token(_ rng: inout SeededRandom) -> String {
    let separators = [" ", "-", ".", "/", "(", ")", "+", "  ", "- ", ". ", ") "]
    let delimiters = [" ", " ", " ", ", ", "=", ":", "; ", "\t", "|", "\"", "#", "_"]
    switch rng.int(in: 0...11) {
    case 0, 1:
      // A pattern file's own value, as written or mutated.
      var v = Array(values[rng.int(in: 0...(values.count - 1))])
      if !v.isEmpty && rng.int(in: 0...1) == 0 {
        let i = rng.int(in: 0...(v.count - 1))
        switch rng.int(in: 0...3) {
        case 0: v.remove(at: i)
        case 1: v.insert(Character(String(rng.int(in: 0...9))), at: i)
        case 2: v[i] = Character(separators[rng.int(in: 0...6)])
        default: v.insert(contentsOf: separators[rng.int(in: 0...(separators.count - 1))], at: i)
        }
      }
      return String(v)
    case 2, 3:
      // Digit groups joined by separators, sometimes behind or before uppercase letters.
      var out = rng.int(in: 0...3) == 0 ? letters(&rng, rng.int(in: 1...4)) : ""
      for g in 0..<rng.int(in: 1...5) {
        if g > 0 {
          out += rng.int(in: 0...4) == 0 ? "" : separators[rng.int(in: 0...(separators.count - 1))]
        }
        let n = rng.int(in: 0...5) == 0 ? rng.int(in: 9...18) : rng.int(in: 1...6)
        for _ in 0..<n { out += String(rng.int(in: 0...9)) }
      }
      if rng.int(in: 0...3) == 0 { out += letters(&rng, rng.int(in: 1...3)) }
      return out
    case 4:
      let w = contextWords[rng.int(in: 0...(contextWords.count - 1))]
      return rng.int(in: 0...2) == 0 ? w.uppercased() : w
    case 5:
      // Uppercase codes of letters and digits.
      var out = ""
      for _ in 0..<rng.int(in: 2...20) {
        out += rng.int(in: 0...1) == 0 ? letters(&rng, 1) : String(rng.int(in: 0...9))
      }
      return out
    case 6:
      return
        "2024-0\(rng.int(in: 1...9))-1\(rng.int(in: 0...9))T0\(rng.int(in: 0...9)):1\(rng.int(in: 0...9)):22.\(rng.int(in: 100...999))Z"
    case 7:
      return (0..<4).map { _ in String(rng.int(in: 0...255)) }.joined(separator: ".")
    case 8:
      let hex = Array("0123456789abcdef")
      let parts = [8, 4, 4, 4, 12].map { n in String((0..<n).map { _ in hex[rng.int(in: 0...15)] })
      }
      return parts.joined(separator: "-")
    case 9:
      // Hex groups joined by `:`, `-` or `.` (MAC and IPv6 lookalikes), sometimes with `::`.
      let hex = Array("0123456789abcdefABCDEF")
      let sep = [":", "-", "."][rng.int(in: 0...2)]
      var out = ""
      for g in 0..<rng.int(in: 2...9) {
        if g > 0 { out += rng.int(in: 0...7) == 0 ? "::" : sep }
        out += String((0..<rng.int(in: 1...4)).map { _ in hex[rng.int(in: 0...21)] })
      }
      return out
    case 10:
      // Uppercase codes near the token thresholds, sometimes spaced.
      var out = ""
      for _ in 0..<rng.int(in: 8...19) {
        switch rng.int(in: 0...5) {
        case 0, 1: out += letters(&rng, 1)
        case 2: out += " "
        default: out += String(rng.int(in: 0...9))
        }
      }
      return out
    default:
      return delimiters[rng.int(in: 0...(delimiters.count - 1))]
    }
  }

  static func letters(_ rng: inout SeededRandom, _ n: Int) -> String {
    let upper = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return String((0..<n).map { _ in upper[rng.int(in: 0...25)] })
  }

  static func text(_ rng: inout SeededRandom) -> String {
    (0..<rng.int(in: 1...3)).map { _ in
      (0..<rng.int(in: 1...12)).map { _ in token(&rng) }.joined(separator: " ")
    }.joined(separator: "\n")
  }

  /// Scans texts with a prefiltered and an unfiltered set, counting the texts where they differ
  /// and recording the first few differences.
  struct Differential {
    let filtered: DetectorSet
    let reference: DetectorSet
    let label: String
    /// Quote the text in a recorded difference (for short texts).
    var showsText = false
    var recordFirst = 3
    let scratch = ScanScratch()
    private(set) var failures = 0

    /// The reference matches of `bytes`, after comparing them with the prefiltered ones.
    mutating func compare(_ bytes: [UInt8], field: String? = nil) -> [SegmentMatch] {
      let expected = reference.matches(in: bytes, field: field, scratch: scratch)
      let got = filtered.matches(in: bytes, field: field, scratch: scratch)
      if got != expected {
        failures += 1
        if failures <= recordFirst {
          let text =
            showsText ? " on \(String(decoding: bytes, as: UTF8.self).debugDescription)" : ""
          Issue.record(
            "\(label) differs (field \(field ?? "none"))\(text): reference \(expected.map { "\($0.detector)@\($0.range)" }), prefiltered \(got.map { "\($0.detector)@\($0.range)" })"
          )
        }
      }
      return expected
    }
  }

  @Test func prefilteredScanEqualsUnfilteredScan() throws {
    #expect(Self.detectors.count > 50)
    var check = Differential(
      filtered: DetectorSet(Self.detectors),
      reference: DetectorSet(Self.detectors, prefilter: false), label: "prefilter",
      showsText: true, recordFirst: 5)
    var rng = SeededRandom(seed: 0x5EED_D16E)
    var reported = 0
    var detectorsSeen = Set<String>()
    for _ in 0..<4000 {
      let expected = check.compare(Array(Self.text(&rng).utf8))
      reported += expected.count
      detectorsSeen.formUnion(expected.map(\.detector))
    }
    #expect(check.failures == 0)
    // The text must actually exercise the detectors, or the comparison proves nothing.
    #expect(reported > 2000)
    #expect(detectorsSeen.count > 40, "detectors reported: \(detectorsSeen.sorted())")
  }

  /// A token group whose detectors all require context (Bitcoin addresses) is walked only
  /// within reach of their words. Over long fixed-seed texts, with addresses and alphanumeric
  /// runs at every distance from a word around the reach, runs that straddle a span's start,
  /// and field names that do or do not hold a word, the gated walk reports what the unfiltered
  /// scan does.
  @Test func gatedTokenWalkEqualsUnfilteredScan() throws {
    let bitcoin = Self.detectors.filter { $0.id == "bitcoin_address" }
    try #require(bitcoin.count == 1)
    let filtered = DetectorSet(bitcoin)
    try #require(filtered.tokenGroups.count == 1 && filtered.tokenGroups[0].contextReach != nil)
    var check = Differential(
      filtered: filtered, reference: DetectorSet(bitcoin, prefilter: false), label: "gated walk")
    let words = bitcoin[0].spec.context?.words ?? []
    let addresses = (bitcoin[0].spec.examples?.match ?? []).compactMap(\.value)
    let alnum = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ123456789")
    let fields: [String?] = [nil, "/user/btc_wallet", "/meta/comment"]
    var rng = SeededRandom(seed: 0xB17C_0117)
    var reported = 0
    for _ in 0..<600 {
      var text = ""
      while text.utf8.count < 4000 {
        switch rng.int(in: 0...5) {
        case 0: text += words[rng.int(in: 0...(words.count - 1))]
        case 1: text += addresses[rng.int(in: 0...(addresses.count - 1))]
        case 2:
          // An alphanumeric run (addresses' alphabet, with `1`s and `3`s) of 1 to 80 bytes.
          text += String(
            (0..<rng.int(in: 1...80)).map { _ in alnum[rng.int(in: 0...(alnum.count - 1))] })
        case 3: text += String(repeating: " ", count: rng.int(in: 1...60))
        case 4: text += "\n"
        default: text += [" ", "=", ": ", ", ", "/", "-"][rng.int(in: 0...5)]
        }
      }
      let field = fields[rng.int(in: 0...(fields.count - 1))]
      reported += check.compare(Array(text.utf8), field: field).count
    }
    #expect(check.failures == 0)
    #expect(reported > 500)
  }

  /// Gated `digits` detectors get no window on a line that none of their words reaches (the
  /// digit-run pass skips them there). Over long fixed-seed texts of short and long lines
  /// (some past the 4 KiB line bound), with the detectors' values and words at every distance,
  /// words whose reach crosses a newline into the next or previous line, and field names that
  /// do or do not hold a word, the scan reports what the unfiltered scan does.
  @Test func gatedDigitLinesEqualUnfilteredScan() throws {
    let digits = Self.detectors.filter { $0.minDigits != nil }
    let gated = digits.filter { $0.requiresContext }
    try #require(gated.count > 20)
    let filtered = DetectorSet(digits)
    try #require(filtered.gatedDigitDetectors.count == gated.count)
    var check = Differential(
      filtered: filtered, reference: DetectorSet(digits, prefilter: false),
      label: "gated digit lines")
    let words = Array(Set(gated.flatMap { $0.spec.context?.words ?? [] })).sorted()
    let values = gated.flatMap { d in (d.spec.examples?.match ?? []).map { $0.value ?? $0.text } }
    let fields: [String?] = [nil, nil, "/customer/phone", "/meta/comment"]
    var rng = SeededRandom(seed: 0xD161_7111)
    var reported = 0
    var gatedReported = 0
    let gatedIDs = Set(gated.map(\.id))
    for _ in 0..<400 {
      var text = ""
      let size = rng.int(in: 0...9) == 0 ? 12_000 : 3000
      while text.utf8.count < size {
        switch rng.int(in: 0...7) {
        case 0: text += words[rng.int(in: 0...(words.count - 1))]
        case 1, 2: text += values[rng.int(in: 0...(values.count - 1))]
        case 3:
          // A bare digit run of 6 to 15 digits, sometimes grouped.
          let n = rng.int(in: 6...15)
          text += (0..<n).map { i in
            (i > 0 && rng.int(in: 0...5) == 0 ? [" ", "-", "."][rng.int(in: 0...2)] : "")
              + String(rng.int(in: 0...9))
          }.joined()
        case 4:
          text += String(repeating: rng.int(in: 0...1) == 0 ? " " : "x", count: rng.int(in: 1...90))
        case 5: text += rng.int(in: 0...30) == 0 ? String(repeating: "y ", count: 2200) : "\n"
        default: text += [" ", "=", ": ", ", ", "/", "\n"][rng.int(in: 0...5)]
        }
      }
      let field = fields[rng.int(in: 0...(fields.count - 1))]
      let expected = check.compare(Array(text.utf8), field: field)
      reported += expected.count
      gatedReported += expected.filter { gatedIDs.contains($0.detector) }.count
    }
    #expect(check.failures == 0)
    #expect(reported > 1000)
    #expect(gatedReported > 300, "gated detectors reported \(gatedReported)")
  }

  /// The token groups walked everywhere share one classification per 4 KiB tile and walk
  /// runs with bit masks; a run that crosses a tile's edge is finished byte by byte. Over
  /// fixed-seed texts of two to three tiles, of the generator's tokens and long runs of the
  /// groups' bytes (1 to 300 bytes, so that many straddle an edge) and a pattern file's value
  /// split across each edge, the token detectors report what the unfiltered scan does.
  @Test func tiledTokenWalkEqualsUnfilteredScan() throws {
    let tokens = Self.detectors.filter { $0.token != nil && $0.id != "bitcoin_address" }
    try #require(tokens.count >= 10)
    let filtered = DetectorSet(tokens)
    #if arch(x86_64)
      // Elsewhere there is no classifier, and the groups walk bytes as before.
      try #require(filtered.tokenClassifier != nil)
      try #require(filtered.tokenGroups.allSatisfy { $0.maskSets != nil })
    #endif
    var check = Differential(
      filtered: filtered, reference: DetectorSet(tokens, prefilter: false), label: "tiled walk")
    let alphabets = [
      Array("0123456789abcdefABCDEF:.-"), Array("0123456789."),
      Array("ABCDEFGHJKLMNPRSTUVWXYZ0123456789"),
      Array("ABCDEFXYZ0123456789 "),
    ]
    let values = tokens.flatMap { d in (d.spec.examples?.match ?? []).compactMap(\.value) }
      .filter { $0.utf8.count > 1 }
    var rng = SeededRandom(seed: 0x711E_D0C5)
    var reported = 0
    var straddling = 0
    let tile = ByteClassifier.tileBytes
    for _ in 0..<120 {
      var text = ""
      let size = rng.int(in: (tile + 1)...(3 * tile))
      while text.utf8.count < size {
        if rng.chance(1, in: 4) {
          let alphabet = alphabets[rng.int(in: 0...(alphabets.count - 1))]
          text += String(
            (0..<rng.int(in: 1...300)).map { _ in alphabet[rng.int(in: 0...(alphabet.count - 1))] })
        } else {
          text += Self.token(&rng) + (rng.chance(1, in: 8) ? "\n" : " ")
        }
      }
      var bytes = Array(text.utf8)
      // A pattern file's value across each tile edge, at a random split, between spaces.
      for edge in stride(from: tile, to: bytes.count - 100, by: tile) {
        let value = Array(values[rng.int(in: 0...(values.count - 1))].utf8)
        let start = edge - rng.int(in: 1...(value.count - 1))
        bytes.replaceSubrange(start..<(start + value.count), with: value)
        bytes[start - 1] = 0x20
        bytes[start + value.count] = 0x20
      }
      // A run of the MAC group's bytes across the first tile's edge.
      let macBytes = Set("0123456789abcdefABCDEF:.-".utf8)
      if macBytes.contains(bytes[tile - 1]) && macBytes.contains(bytes[tile]) { straddling += 1 }
      reported += check.compare(bytes).count
    }
    #expect(check.failures == 0)
    #expect(reported > 1000)
    #expect(straddling > 10, "texts with a run across the tile edge: \(straddling)")
  }

  /// The tiled walk marks a run at the byte after it, so a run that ends exactly at a tile's
  /// edge is reported in the next tile (its bytes all in the one before), and one that ends
  /// at the segment's end, where a block ends too, in a block past the end. Every token
  /// detector's example values, ending at each of those places (and at block edges inside a
  /// tile), are reported as the unfiltered scan reports them.
  @Test func tiledTokenWalkReportsRunsEndingAtEdges() throws {
    let tokens = Self.detectors.filter { $0.token != nil && $0.id != "bitcoin_address" }
    let filtered = DetectorSet(tokens)
    var check = Differential(
      filtered: filtered, reference: DetectorSet(tokens, prefilter: false), label: "run ends")
    let values = tokens.flatMap { d in (d.spec.examples?.match ?? []).compactMap(\.value) }
    try #require(values.count >= 10)
    let tile = ByteClassifier.tileBytes
    var reported = 0
    for value in values {
      let v = Array(value.utf8)
      for end in [64, 128, tile, 2 * tile, tile + 64] {
        // Spaces, the value ending at `end`, then the segment's end or more spaces.
        for total in [end, end + 1, 2 * tile + 64] {
          var bytes = [UInt8](repeating: 0x20, count: total)
          bytes.replaceSubrange((end - v.count)..<end, with: v)
          reported += check.compare(bytes).count
        }
      }
    }
    #expect(check.failures == 0)
    #expect(reported >= values.count * 10)
  }

  /// The digit-run pass reads a run's digit groups from 64-byte masks taken at the run's start,
  /// a group going on from one mask to the next. Digit values of every digit detector, at the
  /// end of a run of single digits that puts each of their bytes on a 64- or 128-byte edge of
  /// the run, report what the unfiltered scan does.
  @Test func digitRunsLongerThanAMaskEqualUnfilteredScan() throws {
    let digitBytes = Set("0123456789 -./()+".utf8)
    var seen = Set<String>()
    let picked = Self.detectors.compactMap { d -> (Detector, [UInt8])? in
      for e in d.spec.examples?.match ?? [] {
        let v = Array((e.value ?? e.text).utf8)
        if v.filter({ $0 &- 0x30 < 10 }).count >= 6 && v.allSatisfy(digitBytes.contains)
          && seen.insert(d.id).inserted
        {
          return (d, v)
        }
      }
      return nil
    }
    try #require(picked.count >= 15)
    let set = picked.map(\.0)
    var check = Differential(
      filtered: DetectorSet(set), reference: DetectorSet(set, prefilter: false),
      label: "long digit runs", showsText: true)
    var reported = 0
    for (_, value) in picked {
      for separator in [" ", ".", "/"] {
        for fill in stride(from: 50, through: 130, by: 1) where fill < 80 || fill > 112 {
          // `1 2 3 ...` cut to `fill` bytes, ending with a digit: groups too short to count.
          var bytes = Array(
            String(repeating: "1" + separator, count: fill / 2 + 1).utf8.prefix(fill))
          if bytes.last.map({ $0 &- 0x30 >= 10 }) ?? false { bytes.removeLast() }
          bytes += Array(separator.utf8) + value
          reported += check.compare(bytes).count
          reported += check.compare(bytes + Array(" end".utf8)).count
        }
      }
    }
    #expect(check.failures == 0)
    #expect(reported >= picked.count * 20)
  }

  /// A field name's facts (which detectors it gives context) are kept per scratch, for the
  /// detector set they were computed for: the same scratch and field serving a second set,
  /// whose detectors sit at other indices, must not reuse them.
  @Test func fieldFactsFollowTheDetectorSet() throws {
    let bare = try #require(Self.detectors.first { $0.id == "us_ssn_bare" })
    let ipv4 = try #require(Self.detectors.first { $0.id == "ipv4" })
    let value = Array("536221234".utf8)
    let scratch = ScanScratch()
    let withIPv4 = DetectorSet([ipv4, bare])
    let alone = DetectorSet([bare])
    for _ in 0..<2 {
      // The field `ssn` gives the bare SSN its context; without it the value is not reported.
      #expect(withIPv4.matches(in: value, field: "/user/ssn", scratch: scratch).count == 1)
      #expect(alone.matches(in: value, field: "/user/ssn", scratch: scratch).count == 1)
      #expect(alone.matches(in: value, field: "/user/id", scratch: scratch).isEmpty)
      #expect(withIPv4.matches(in: value, field: "/user/id", scratch: scratch).isEmpty)
    }
  }
}
