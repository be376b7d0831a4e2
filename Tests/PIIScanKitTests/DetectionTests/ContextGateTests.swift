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
    text.withUnsafeBufferPointer { gate.findHits(in: $0.baseAddress!, count: $0.count, into: &hits) }
    #expect(hits.map(\.start) == [1, 5])
    #expect(hits.map { gate.words[$0.word] } == [Array("bsn".utf8), Array("burgerservicenummer".utf8)])
  }
}
