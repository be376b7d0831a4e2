import Foundation
import TestSupport
import Testing

@testable import PIIScanKit

/// Findings lines are written through a pointer into reserved room; a JSON parser must read
/// back every field, whatever bytes the strings hold (quotes, backslashes, control bytes,
/// non-ASCII, invalid UTF-8 in a value) and however large the numbers are.
@Suite struct FindingJSONTests {
  static let pieces: [String] = [
    "a", "Z", "0", " ", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}", "é", "€",
    "😀", "/", "{", "}", ":", ",",
  ]

  static func text(_ rng: inout SeededRandom, maxLength: Int) -> String {
    let n = rng.int(in: 0...maxLength)
    return (0..<n).map { _ in pieces[rng.int(in: 0...(pieces.count - 1))] }.joined()
  }

  static func finding(_ rng: inout SeededRandom) -> Finding {
    let numbers = [
      0, 1, 9, 10, 99, 4096, 999_999_999_999_999_999, 1_000_000_000_000_000_000, Int.max,
    ]
    var value = Array(text(&rng, maxLength: 12).utf8)
    // Invalid UTF-8 only the value can hold.
    if rng.int(in: 0...2) == 0 {
      value.insert([0xFF, 0xC3, 0x80, 0xE2][rng.int(in: 0...3)], at: 0)
    }
    let digest = (0..<32).map { _ in UInt8(rng.int(in: 0...255)) }
    return Finding(
      source: text(&rng, maxLength: 30), offset: numbers[rng.int(in: 0...(numbers.count - 1))],
      length: rng.int(in: 0...300), line: numbers[rng.int(in: 0...(numbers.count - 1))],
      entity: text(&rng, maxLength: 10), detector: text(&rng, maxLength: 10),
      confidence: [0, 0.05, 0.5, 0.55, 0.8, 0.95, 1][rng.int(in: 0...6)],
      validated: rng.int(in: 0...1) == 1,
      field: rng.int(in: 0...1) == 1 ? text(&rng, maxLength: 20) : nil,
      preview: text(&rng, maxLength: 16),
      fingerprint: digest.withUnsafeBytes { Fingerprint(bytes: $0) }, value: value)
  }

  @Test func everyFieldReadsBack() throws {
    var rng = SeededRandom(seed: 0x15_0A)
    var out: [UInt8] = Array("prefix\n".utf8)
    var findings: [Finding] = []
    var flags: [Bool] = []
    for _ in 0..<500 {
      let f = Self.finding(&rng)
      let includeValue = rng.int(in: 0...1) == 1
      FindingJSON.append(f, includeValue: includeValue, to: &out)
      findings.append(f)
      flags.append(includeValue)
    }
    var lines = out.split(separator: 0x0A, omittingEmptySubsequences: false)
    #expect(lines.removeFirst() == ArraySlice("prefix".utf8))
    #expect(lines.removeLast().isEmpty)
    #expect(lines.count == findings.count)
    for (i, line) in lines.enumerated() {
      let f = findings[i]
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], "line \(i)")
      #expect(object["source"] as? String == f.source)
      #expect((object["offset"] as? NSNumber)?.int64Value == Int64(f.offset))
      #expect((object["length"] as? NSNumber)?.intValue == f.length)
      #expect((object["line"] as? NSNumber)?.int64Value == Int64(f.line))
      #expect(object["entity"] as? String == f.entity)
      #expect(object["detector"] as? String == f.detector)
      #expect((object["confidence"] as? NSNumber)?.doubleValue == f.confidence)
      #expect((object["validated"] as? Bool) == f.validated)
      #expect(object["field"] as? String == f.field)
      #expect(object["preview"] as? String == f.preview)
      #expect(object["fingerprint"] as? String == f.fingerprint.hex)
      #expect(
        object["value"] as? String == (flags[i] ? String(decoding: f.value, as: UTF8.self) : nil))
      #expect(object.count == 10 + (f.field == nil ? 0 : 1) + (flags[i] ? 1 : 0))
    }
  }

  @Test func plainLineIsExactlyTheDocumentedText() {
    let f = Finding(
      source: "logs/app.log", offset: 120, length: 11, line: 3, entity: "us_ssn",
      detector: "us_ssn", confidence: 0.95, validated: true, field: "/user/ssn",
      preview: "***-**-6789", fingerprint: Fingerprint(hex: String(repeating: "ab", count: 32))!,
      value: Array("123-45-6789".utf8))
    let line = String(decoding: FindingJSON.encode(f), as: UTF8.self)
    #expect(
      line
        == #"{"source":"logs/app.log","offset":120,"length":11,"line":3,"entity":"us_ssn","detector":"us_ssn","confidence":0.95,"validated":true,"field":"/user/ssn","preview":"***-**-6789","fingerprint":""#
        + String(repeating: "ab", count: 32) + "\"}\n")
  }
}

/// ``FindingsWriter`` writes each line into its buffer's free room and flushes between events;
/// what reaches the sink must be exactly the findings' lines, in order, across flushes and for a
/// line larger than the whole buffer (a long value with `--include-values`).
@Suite struct FindingsWriterTests {
  final class Collected: ByteSink {
    var bytes: [UInt8] = []
    var writes = 0
    var finished = false
    func write(_ chunk: UnsafeRawBufferPointer) throws {
      bytes += chunk
      writes += 1
    }
    func finish() throws { finished = true }
  }

  @Test(arguments: [false, true])
  func sinkGetsEveryLineInOrder(includeValues: Bool) throws {
    var rng = SeededRandom(seed: includeValues ? 31 : 30)
    let sink = Collected()
    let writer = FindingsWriter(output: sink, includeValues: includeValues)
    var expected: [UInt8] = []
    let file = InputFile(path: "in.log", index: 0)
    for event in 0..<60 {
      var findings = (0..<rng.int(in: 0...400)).map { _ in FindingJSONTests.finding(&rng) }
      if event % 20 == 7, !findings.isEmpty {
        // 300 KB of value: its worst case is larger than the 128 KiB buffer.
        findings[0].value = Array(repeating: 0x41, count: 300_000)
      }
      for f in findings { expected += FindingJSON.encode(f, includeValue: includeValues) }
      writer.handle(.findings(file, findings))
    }
    try writer.finish()
    #expect(sink.finished)
    #expect(sink.writes > 1)
    // Compared as a Bool: a failing array comparison of megabytes takes the reporter minutes.
    let same = sink.bytes == expected
    #expect(sink.bytes.count == expected.count)
    #expect(same)
  }
}
