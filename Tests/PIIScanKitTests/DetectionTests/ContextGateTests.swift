import TestSupport
import Testing

@testable import PIIScanKit

/// The context-word prefilter of `requires_context` detectors loses nothing: it gives the same
/// matches as scanning without any prefilter, wherever the context word is.
@Suite struct ContextGateTests {
  static func detector(window: Int = 20) throws -> Detector {
    let spec = DetectorSpec(
      id: "test_bsn", entity: "test_bsn", description: "9 digits beside BSN words",
      regex: #"(?<![\w-])\d{9}(?![\w-])"#, digits: 9, validator: "nl_bsn",
      context: .init(words: ["bsn", "Burgerservicenummer"], window: window, boost: 0.1),
      requiresContext: true, confidence: 0.8, severity: "high")
    return try Detector(spec: spec, origin: "test")
  }

  static let texts: [String] = [
    "BSN 199393370",
    "bsn=199393370 and 275477368",
    "BURGERSERVICENUMMER: 199393370",
    "id 199393370 rows 275477368",
    "2024-03-01 ok bsn\n199393370 next line",
    "far away bsn ............................................... 199393370",
    "199393370 (bsn)",
    "b",
    "",
  ]

  @Test(arguments: texts)
  func gatedScanEqualsUnfilteredScan(_ text: String) throws {
    let d = try Self.detector()
    let bytes = Array(text.utf8)
    let gated = DetectorSet([d])
    #expect(gated.contextGate != nil)
    #expect(gated.matches(in: bytes) == DetectorSet([d], prefilter: false).matches(in: bytes))
  }

  @Test func contextOnThePreviousLineWithinTheWindowCounts() throws {
    let set = DetectorSet([try Self.detector()])
    #expect(set.matches(in: Array("ok bsn\n199393370".utf8)).count == 1)
    #expect(set.matches(in: Array("ok\n199393370".utf8)).isEmpty)
  }

  @Test func fieldNameContextKeepsEveryWindow() throws {
    let set = DetectorSet([try Self.detector()])
    let bytes = Array("199393370".utf8)
    #expect(set.matches(in: bytes, field: "/person/BSN").count == 1)
    #expect(set.matches(in: bytes, field: "/person/id").isEmpty)
  }

  @Test func hitsAreFoundCaseInsensitivelyAndInOrder() throws {
    let gate = ContextGate([try Self.detector()])
    var hits: [(start: Int, word: Int)] = []
    let text = Array("xBsN burgerSERVICEnummer bs".utf8)
    text.withUnsafeBufferPointer {
      gate.findHits(in: $0.baseAddress!, count: $0.count, into: &hits)
    }
    #expect(hits.map(\.start) == [1, 5])
    #expect(
      hits.map { gate.words[$0.word] } == [Array("bsn".utf8), Array("burgerservicenummer".utf8)])
  }
}

/// `findHits` keys each position by three lossy byte codes; a naive search over every word at
/// every offset must give the same hits, in the same order, on fixed-seed random text built from
/// the words' own bytes (so near misses and code collisions such as digits for letters abound).
@Suite struct ContextGateHitTests {
  static let words = [
    "ph", "tel", "bsn", "mob", "telefon", "ssn", "t.z.", "תעודת זהות", "nr", "x1y",
  ]

  static func gate() throws -> ContextGate {
    let spec = DetectorSpec(
      id: "t", entity: "t", description: "t", regex: #"\d{9}"#, digits: 9,
      context: .init(words: words, window: 10, boost: 0.1), requiresContext: true,
      confidence: 0.5, severity: "low")
    return ContextGate([try Detector(spec: spec, origin: "test")])
  }

  static func naiveHits(_ gate: ContextGate, _ text: [UInt8]) -> [Int] {
    var out: [Int] = []
    for start in text.indices {
      for (id, w) in gate.words.enumerated() where start + w.count <= text.count {
        if (0..<w.count).allSatisfy({ foldASCII(text[start + $0]) == w[$0] }) {
          out.append(start << 8 | id)
        }
      }
    }
    return out
  }

  @Test func hitsEqualANaiveSearch() throws {
    let gate = try Self.gate()
    var rng = SeededRandom(seed: 17)
    let alphabet = Array("phtelTELbsnBSNmoSz.1xyNR9 -\n".utf8) + Array("תעודת זהות".utf8)
    for round in 0..<400 {
      let length = round % 4 == 3 ? 40 + round % 200 : round % 40
      var text = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
      if round % 5 == 0 { text += Array("PH".utf8) }  // a two-byte word as the last bytes
      var hits: [(start: Int, word: Int)] = []
      text.withUnsafeBufferPointer { p in
        if let base = p.baseAddress { gate.findHits(in: base, count: p.count, into: &hits) }
      }
      let got = hits.map { $0.start << 8 | $0.word }
      #expect(got.sorted() == Self.naiveHits(gate, text), "text \(text)")
      #expect(hits.map(\.start) == hits.map(\.start).sorted())
    }
  }
}

/// The keyword pass of the default detectors also collects the gate's word hits (one pass
/// stopping at either kind of pair): they must be exactly ``ContextGate/findHits(in:count:into:)``'s,
/// in the same order, on texts dense with keywords, context words and near misses.
@Suite struct KeywordPassWordHitTests {
  @Test func keywordPassCollectsTheGatesHits() throws {
    let set = try PatternLoader.load()
    let gate = try #require(set.contextGate)
    #expect(set.keywordOrWordPairs != nil)
    var rng = SeededRandom(seed: 23)
    let pieces =
      gate.words.map { String(decoding: $0, as: UTF8.self) } + [
        "AKIA", "ghp_", "eyJ", "://", "@", "BEGIN", "::", "Bearer ", "password=", " ", "\n", "x",
        "7", "SSN", "Tel", "iban", "BSN",
      ]
    let scratch = ScanScratch()
    for round in 0..<300 {
      var text = ""
      for _ in 0..<(round % 60) {
        let piece = pieces[Int(rng.next() % UInt64(pieces.count))]
        // Cut some pieces short, so that words end at the text's last bytes.
        text += rng.next() % 4 == 0 ? String(piece.prefix(piece.count - 1)) : piece
      }
      let bytes = Array(text.utf8)
      var limits: [MatchLimitHit] = []
      var expected: [(start: Int, word: Int)] = []
      bytes.withUnsafeBytes { raw in
        guard raw.count > 0 else { return }
        _ = set.scan(raw, field: nil, scratch: scratch, limits: &limits)
        gate.findHits(
          in: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: raw.count,
          into: &expected)
      }
      if bytes.isEmpty { continue }
      #expect(
        scratch.contextHits.map { $0.start << 16 | $0.word }
          == expected.map { $0.start << 16 | $0.word },
        "text \(bytes)")
    }
  }
}
