import Foundation
import TestSupport
import Testing

@testable import PIIScanKit

/// The "proof" properties of redaction, over the bundled corpora, through the real pipeline.
@Suite struct RedactingWriterTests {
  typealias F = RedactionFixtures

  /// The output must be: gap₀ r₀ gap₁ r₁ … gapₙ, where the gaps are the input bytes between
  /// findings (byte for byte) and each rᵢ is one of the replacements allowed for finding i.
  func expectOnlySpansChanged(
    input: [UInt8], output: [UInt8], findings: [Finding], replacements: (Finding) -> [[UInt8]]
  ) {
    var inPos = 0
    var outPos = 0
    for (i, f) in findings.enumerated() {
      let gap = input[inPos..<f.offset]
      guard output.count >= outPos + gap.count,
        output[outPos..<(outPos + gap.count)].elementsEqual(gap)
      else {
        Issue.record("bytes before finding \(i) (offset \(f.offset), \(f.entity)) differ")
        return
      }
      outPos += gap.count
      inPos = f.offset + f.length
      let nextEnd = i + 1 < findings.count ? findings[i + 1].offset : input.count
      let nextGap = input[inPos..<nextEnd]
      let fitting = replacements(f).first { r in
        let end = outPos + r.count
        return output.count >= end + nextGap.count && output[outPos..<end].elementsEqual(r)
          && output[end..<(end + nextGap.count)].elementsEqual(nextGap)
      }
      guard let r = fitting else {
        Issue.record("finding \(i) (offset \(f.offset), \(f.entity)) was not replaced as expected")
        return
      }
      outPos += r.count
    }
    #expect(output.count - outPos == input.count - inPos)
    #expect(output[outPos...].elementsEqual(input[inPos...]))
  }

  @Test(arguments: F.corpusFiles, [RedactionOperator.tag, .hash])
  func changesNothingOutsideFindingSpans(_ file: String, _ op: RedactionOperator) throws {
    let out = Fixtures.temporaryDirectory()
    let sink = try redact(
      [Fixtures.corpus(file)], into: out, policy: RedactionPolicy(defaultOperator: op))
    #expect(sink.reports.map(\.status) == [.scanned])
    let findings = sink.findings
    #expect(!findings.isEmpty)
    let input = try F.decompressed(Fixtures.corpus(file))
    let output = try F.decompressed(out.appendingPathComponent(F.name(file)).path)
    expectOnlySpansChanged(input: input, output: output, findings: findings) { f in
      let token =
        op == .tag
        ? Redactor.tag(f.entity) : Redactor.pseudonym(f.entity, fingerprint: f.fingerprint)
      return [token, [0x22] + token + [0x22]]  // bare, or a JSON number turned into a string
    }
  }

  @Test(arguments: [RedactionOperator.tag, .mask, .partial, .hash, .remove])
  func rescanOfCopyFindsNothing(_ op: RedactionOperator) throws {
    let out = Fixtures.temporaryDirectory()
    let first = try redact(
      F.corpusFiles.map(Fixtures.corpus), into: out, policy: RedactionPolicy(defaultOperator: op))
    #expect(first.findings.count > 1000)
    let copies = F.corpusFiles.map { out.appendingPathComponent(F.name($0)).path }
    let rescan = runScan(copies, detectors: F.detectors)
    #expect(rescan.reports.allSatisfy { $0.status == .scanned })
    #expect(rescan.findings.map(\.entity) == [])
  }

  @Test(arguments: [RedactionOperator.tag, .mask, .hash])
  func redactingACopyAgainChangesNothing(_ op: RedactionOperator) throws {
    let once = Fixtures.temporaryDirectory()
    let twice = Fixtures.temporaryDirectory()
    let policy = RedactionPolicy(defaultOperator: op)
    try redact(F.corpusFiles.map(Fixtures.corpus), into: once, policy: policy)
    let copies = F.corpusFiles.map { once.appendingPathComponent(F.name($0)).path }
    let second = try redact(copies, into: twice, policy: policy)
    #expect(second.findings.isEmpty)
    for file in F.corpusFiles {
      #expect(
        try F.bytes(once.appendingPathComponent(F.name(file)).path)
          == F.bytes(twice.appendingPathComponent(F.name(file)).path), "\(file)")
    }
  }

  @Test(arguments: F.corpusFiles)
  func outputIgnoresThreadsAndChunkSize(_ file: String) throws {
    var outputs: [[UInt8]] = []
    for (threads, chunk) in [
      (1, 4096), (2, 65536), (3, 1 << 20), (ScanOptions.activeCores, 4 << 20),
    ] {
      var options = ScanOptions()
      options.threads = threads
      options.chunkSize = chunk
      options.lookahead = 4096
      let out = Fixtures.temporaryDirectory()
      try redact(
        [Fixtures.corpus(file)], into: out, policy: RedactionPolicy(defaultOperator: .hash),
        options: options)
      outputs.append(try F.bytes(out.appendingPathComponent(F.name(file)).path))
    }
    #expect(!outputs[0].isEmpty)
    #expect(outputs.allSatisfy { $0 == outputs[0] })
  }

  @Test func hashTokensLinkValuesAcrossFilesButNotAcrossKeys() throws {
    let dir = Fixtures.temporaryDirectory()
    try F.write(
      "2024-01-01 signup email=jane.roe@example.org ok\n", to: dir.appendingPathComponent("a.log"))
    try F.write(
      "{\"user\":{\"email\":\"jane.roe@example.org\"}}\n", to: dir.appendingPathComponent("b.jsonl")
    )
    let inputs = ["a.log", "b.jsonl"].map { dir.appendingPathComponent($0).path }
    func tokens(key: String) throws -> [String] {
      let out = Fixtures.temporaryDirectory()
      try redact(
        inputs, into: out, policy: RedactionPolicy(defaultOperator: .hash), key: Array(key.utf8))
      return try ["a.log", "b.jsonl"].map {
        let text = String(decoding: try F.bytes(out.appendingPathComponent($0).path), as: UTF8.self)
        let range = text.range(of: #"EMAIL_[0-9a-f]{12}"#, options: .regularExpression)
        return range.map { String(text[$0]) } ?? "none"
      }
    }
    let one = try tokens(key: "first-key-0123456789abcdef")
    let other = try tokens(key: "second-key-0123456789abcdef")
    #expect(one[0] != "none")
    #expect(one[0] == one[1])
    #expect(other[0] == other[1])
    #expect(one[0] != other[0])
  }

  @Test func jsonCopiesStayValidWithEscapesAndNumbers() throws {
    let dir = Fixtures.temporaryDirectory()
    let lines = [
      #"{"id":1,"email":"jane\u0040example.com","card":4111111111111111,"note":"pay 4111 1111 1111 1111 \"now\""}"#,
      #"{"id":2,"tags":["ok","mail bob.smith@example.net"],"n":-0.5}"#,
    ]
    try F.write(lines.joined(separator: "\n") + "\n", to: dir.appendingPathComponent("d.jsonl"))
    for op in [RedactionOperator.tag, .mask, .partial, .hash, .remove] {
      let out = Fixtures.temporaryDirectory()
      let sink = try redact(
        [dir.appendingPathComponent("d.jsonl").path], into: out,
        policy: RedactionPolicy(defaultOperator: op))
      #expect(Set(sink.findings.map(\.entity)) == ["email", "credit_card"])
      let copy = try F.bytes(out.appendingPathComponent("d.jsonl").path)
      let records = copy.split(separator: 0x0A)
      #expect(records.count == 2)
      for record in records {
        let object = try JSONSerialization.jsonObject(with: Data(record)) as? [String: Any]
        #expect(object != nil, "\(op)")
      }
      let text = String(decoding: copy, as: UTF8.self)
      #expect(!text.contains("example.com") || op == .partial)
      #expect(!text.contains("4111 1111 1111 1111"))
      #expect(text.contains(#""id":1"#) && text.contains(#""n":-0.5"#))
    }
  }

  @Test func fieldScopeLeavesOtherFieldsAlone() throws {
    let dir = Fixtures.temporaryDirectory()
    try F.write(
      #"{"a":"x jane@example.com","b":{"c":"bob@example.net","d":"eve@example.org"}}"# + "\n",
      to: dir.appendingPathComponent("s.jsonl"))
    var options = ScanOptions()
    options.fieldScope = FieldScope(fields: ["/b"], skipFields: ["/b/d"])
    let out = Fixtures.temporaryDirectory()
    let sink = try redact([dir.appendingPathComponent("s.jsonl").path], into: out, options: options)
    #expect(sink.findings.map(\.field) == ["/b/c"])
    let text = String(
      decoding: try F.bytes(out.appendingPathComponent("s.jsonl").path), as: UTF8.self)
    #expect(text == #"{"a":"x jane@example.com","b":{"c":"[EMAIL]","d":"eve@example.org"}}"# + "\n")
  }

  @Test func csvCopiesKeepTheirColumns() throws {
    let out = Fixtures.temporaryDirectory()
    try redact(
      [Fixtures.corpus("datasets/customers.csv")], into: out,
      policy: RedactionPolicy(defaultOperator: .mask))
    let copy = String(
      decoding: try F.bytes(out.appendingPathComponent("customers.csv").path), as: UTF8.self)
    let input = String(
      decoding: try F.bytes(Fixtures.corpus("datasets/customers.csv")), as: UTF8.self)
    #expect(csvColumnCounts(copy) == csvColumnCounts(input))
  }

  @Test func failedInputGetsNoCopyUnlessPartialAllowed() throws {
    let dir = Fixtures.temporaryDirectory()
    // gzip emits what it decoded before the cut, so the partial copy has content.
    let whole = try F.bytes(Fixtures.corpus("logs/app.log.1.gz"))
    let truncated = dir.appendingPathComponent("cut.log.gz")
    try Data(whole[0..<(whole.count / 2)]).write(to: truncated)
    let good = Fixtures.corpus("logs/app.log")

    let out = Fixtures.temporaryDirectory()
    let sink = try redact([truncated.path, good], into: out)
    #expect(sink.reports.map(\.status) == [.failed, .scanned])
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(names == ["app.log"])  // no copy, no temporary file left behind

    let partial = Fixtures.temporaryDirectory()
    let again = try redact([truncated.path], into: partial, allowPartial: true)
    #expect(again.reports.map(\.status) == [.failed])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: partial.path) == ["cut.log.gz.partial"])
    // The partial copy is a complete gzip stream of what could be read.
    let kept = try F.decompressed(partial.appendingPathComponent("cut.log.gz.partial").path)
    #expect(!kept.isEmpty)
  }

  @Test func verifyFailsWhenAReplacementIsItselfDetected() throws {
    let patterns = Fixtures.temporaryDirectory()
    try F.write(
      """
      version: 1
      family: test
      detectors:
        - id: bracket_email_tag
          entity: bracket_email_tag
          description: the email tag itself, to prove --verify re-scans the copy
          regex: '\\[EMAIL\\]'
          keywords: ["[EMAIL]"]
          confidence: 0.9
          severity: low
          examples:
            match:
              - {text: "x [EMAIL] y", value: "[EMAIL]", reason: the tag}
            no_match:
              - {text: "x EMAIL y", reason: no brackets}
      """, to: patterns.appendingPathComponent("tag.yaml"))
    let detectors = try PatternLoader.load(directories: [patterns.path])
    let out = Fixtures.temporaryDirectory()
    let sink = try redact(
      [Fixtures.corpus("logs/app.log")], into: out, detectors: detectors, verify: true)
    #expect(sink.reports.map(\.status) == [.failed])
    #expect(sink.reports.first?.error?.message.contains("bracket_email_tag") == true)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [])

    let passing = Fixtures.temporaryDirectory()
    let ok = try redact([Fixtures.corpus("logs/app.log")], into: passing, verify: true)
    #expect(ok.reports.map(\.status) == [.scanned])
    #expect(try FileManager.default.contentsOfDirectory(atPath: passing.path) == ["app.log"])
  }
}

/// Column counts per record, parsed with the RFC 4180 rules independently of piiscan.
func csvColumnCounts(_ text: String) -> [Int] {
  var counts: [Int] = []
  var columns = 1
  var inQuotes = false
  var previous: Character = "\n"
  for ch in text {
    if inQuotes {
      if ch == "\"" { inQuotes = false }
    } else if ch == "\"" {
      inQuotes = true
    } else if ch == "," {
      columns += 1
    } else if ch == "\n" || ch == "\r\n" {
      counts.append(columns)
      columns = 1
    }
    previous = ch
  }
  if previous != "\n" && previous != "\r\n" { counts.append(columns) }
  return counts
}
