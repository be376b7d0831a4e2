import Crypto
import Foundation
import TestSupport
import Testing

@testable import PIIScanKit

/// The pipeline's invariants: chunk size, thread count and encoding never change the findings.
@Suite struct ScanPipelineTests {
  static let detectors: DetectorSet = try! PatternLoader.load()

  /// Findings without the source path, for comparing the same content under different names.
  func shape(_ findings: [Finding]) -> [String] {
    findings.map {
      "\($0.offset)+\($0.length) L\($0.line) \($0.detector) \($0.field ?? "-") \($0.validated) \($0.fingerprint)"
    }
  }

  static let corpusFiles = ["logs/app.log", "datasets/train.jsonl", "datasets/customers.csv"]

  @Test(arguments: corpusFiles, [1, 7, 64, 4096])
  func findingsIgnoreChunkSize(_ file: String, _ size: Int) {
    var small = ScanOptions()
    small.chunkSize = size
    small.lookahead = 4096
    var reference = ScanOptions()
    reference.lookahead = 4096
    let a = runScan([Fixtures.corpus(file)], detectors: Self.detectors, options: small)
    let b = runScan([Fixtures.corpus(file)], detectors: Self.detectors, options: reference)
    #expect(!b.findings.isEmpty)
    #expect(a.findings == b.findings)
    #expect(a.reports.map(\.lines) == b.reports.map(\.lines))
  }

  @Test(arguments: [1, 2, 5])
  func findingsIgnoreThreadCount(_ threads: Int) throws {
    var options = ScanOptions()
    options.threads = threads
    options.chunkSize = 8192
    options.filesInFlight = threads
    var one = ScanOptions()
    one.threads = 1
    one.filesInFlight = 1
    let inputs = [Fixtures.corpus("logs"), Fixtures.corpus("datasets")]
    let a = runScan(inputs, detectors: Self.detectors, options: options)
    let b = runScan(inputs, detectors: Self.detectors, options: one)
    #expect(a.findings == b.findings)
    #expect(a.order == b.order)
    let files = try inputs.flatMap { try FileManager.default.contentsOfDirectory(atPath: $0) }
    #expect(a.reports.count == files.count)
  }

  @Test func everyEncodingGivesTheSameFindings() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let plain = try Data(contentsOf: URL(fileURLWithPath: Fixtures.corpus("logs/app.log")))
    let half = plain.firstIndex(of: 0x0A, after: plain.count / 2)!
    let first = plain[..<half]
    let second = plain[half...]
    func tool(_ args: [String], _ input: Data) throws -> Data {
      let r = try Fixtures.run(args[0], Array(args.dropFirst()), input: input)
      #expect(r.status == 0)
      return r.stdout
    }
    let variants: [(String, Data)] = [
      ("plain.log", plain),
      ("one.gz", try tool(["gzip", "-c"], plain)),
      ("multi.gz", try tool(["gzip", "-c"], Data(first)) + tool(["gzip", "-c"], Data(second))),
      ("one.zst", try tool(["zstd", "-q", "-c"], plain)),
      (
        "multi.zst",
        try tool(["zstd", "-q", "-c"], Data(first)) + tool(["zstd", "-q", "-c"], Data(second))
      ),
      ("stream.zst", try tool(["sh", "-c", "cat | zstd -q -c --no-content-size"], plain)),
    ]
    var shapes: [[String]] = []
    for (name, data) in variants {
      let url = dir.appendingPathComponent(name)
      try data.write(to: url)
      let sink = runScan([url.path], detectors: Self.detectors)
      #expect(sink.reports.first?.status == .scanned, "\(name)")
      shapes.append(shape(sink.findings))
    }
    #expect(!shapes[0].isEmpty)
    for (i, s) in shapes.enumerated() { #expect(s == shapes[0], "\(variants[i].0) differs") }
  }

  /// A value straddling the cut between two pieces of an over-long record is found once.
  @Test(arguments: [10, 1000, 4090, 4096, 4100, 5000])
  func valueStraddlingASeamIsFoundOnce(_ at: Int) throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var line = [UInt8](repeating: UInt8(ascii: "x"), count: 20000)
    for i in stride(from: 0, to: line.count, by: 7) { line[i] = 0x20 }
    let email = Array(" jane.roe@example.com ".utf8)
    line.replaceSubrange(at..<(at + email.count), with: email)
    let url = dir.appendingPathComponent("long.log")
    try Data(line + [0x0A]).write(to: url)
    var options = ScanOptions()
    options.chunkSize = 1024
    options.maxRecordBytes = 4096
    options.overlap = 512
    options.lookahead = 0
    let found = runScan([url.path], detectors: Self.detectors, options: options).findings
    #expect(found.map(\.offset) == [at + 1])
    #expect(found.first?.entity == "email")
  }

  @Test func truncatedZstdKeepsEarlierFindingsAndOtherInputsGoOn() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // zstd only releases output block by block once the frame is larger than what it keeps in
    // one buffer, so the input must be a few MB of varied text for a cut to leave readable bytes.
    var rng = SeededRandom(seed: 7)
    var text = ""
    for i in 0..<80_000 {
      text +=
        "line \(i) user\(rng.next() % 1_000_000)@example.com code \(rng.next() % 1_000_000_007)\n"
    }
    let plain = Data(text.utf8)
    let zst = try Fixtures.run("zstd", ["-q", "-c"], input: plain).stdout
    let cut = dir.appendingPathComponent("cut.zst")
    try zst.prefix(zst.count * 2 / 3).write(to: cut)
    let whole = dir.appendingPathComponent("whole.log")
    try plain.write(to: whole)
    let sink = runScan(
      [cut.path, dir.appendingPathComponent("missing.log").path, whole.path],
      detectors: Self.detectors)
    #expect(sink.reports.count == 2)
    #expect(sink.reports[0].status == .failed)
    #expect(sink.reports[0].error?.code == .truncated)
    #expect(sink.reports[1].status == .scanned)
    #expect(sink.problems.count == 1)
    let cutFindings = sink.findings.filter { $0.source == cut.path }
    let wholeFindings = sink.findings.filter { $0.source == whole.path }
    #expect(cutFindings.count > 100)
    #expect(cutFindings.count < wholeFindings.count)
    #expect(shape(cutFindings) == Array(shape(wholeFindings).prefix(cutFindings.count)))
  }

  @Test func corruptGzipIsAnErrorForThatFile() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var gz = try Fixtures.run(
      "gzip", ["-c"], input: Data(String(repeating: "mail jane@example.com ok\n", count: 2000).utf8)
    ).stdout
    gz[gz.count - 6] ^= 0xFF  // CRC32 trailer
    let url = dir.appendingPathComponent("bad.gz")
    try gz.write(to: url)
    let sink = runScan([url.path], detectors: Self.detectors)
    #expect(sink.reports.first?.status == .failed)
    #expect(sink.reports.first?.error?.code == .corrupt)
  }

  @Test func binaryInputIsSkippedUnlessAsked() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("blob.bin")
    try Data([0x00, 0x01] + Array(" jane@example.com ".utf8)).write(to: url)
    let skipped = runScan([url.path], detectors: Self.detectors)
    #expect(skipped.reports.first?.status == .skipped)
    #expect(skipped.findings.isEmpty)
    var options = ScanOptions()
    options.scanBinary = true
    #expect(runScan([url.path], detectors: Self.detectors, options: options).findings.count == 1)
  }

  @Test func jsonEscapesAreDecodedAndMappedToRawBytes() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let line = #"{"meta":{"author_email":"jane\u0040example.com"},"text":"a\nb"}"# + "\n"
    let url = dir.appendingPathComponent("x.jsonl")
    try Data(line.utf8).write(to: url)
    let found = runScan([url.path], detectors: Self.detectors).findings
    #expect(found.count == 1)
    let f = try #require(found.first)
    #expect(f.field == "/meta/author_email")
    let raw = Array(line.utf8)[f.offset..<(f.offset + f.length)]
    #expect(String(decoding: raw, as: UTF8.self) == #"jane\u0040example.com"#)
    #expect(f.value == Array("jane@example.com".utf8))
  }

  @Test func csvFieldsCarryTheirColumnName() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = "id,contact,notes\r\n1,jane@example.com,\"a, \"\"b\"\"\nc 536-22-1234\"\r\n"
    let url = dir.appendingPathComponent("x.csv")
    try Data(text.utf8).write(to: url)
    let found = runScan([url.path], detectors: Self.detectors).findings
    #expect(found.map(\.field) == ["contact", "notes"])
    #expect(found.map(\.line) == [2, 3])
  }

  @Test func lineNumbersAreOneBasedAndExact() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("lines.log")
    try Data("a\nb\nmail jane@example.com\n\nx jane@example.org".utf8).write(to: url)
    let sink = runScan([url.path], detectors: Self.detectors)
    #expect(sink.findings.map(\.line) == [3, 5])
    #expect(sink.reports.first?.lines == 5)
  }

  @Test func emptyInputIsScannedCleanly() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("empty.log")
    try Data().write(to: url)
    let sink = runScan([url.path], detectors: Self.detectors)
    #expect(sink.reports.first?.status == .scanned)
    #expect(sink.reports.first?.bytes == 0)
  }

  /// Each input's raw SHA-256 is in its report by default, and absent (with the same findings
  /// and byte counts) when `digestsInputs` is off, as a plain CLI scan runs.
  @Test func inputsAreHashedOnlyWhenAsked() throws {
    let path = Fixtures.corpus("logs/app.log")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let hashed = runScan([path], detectors: Self.detectors)
    var off = ScanOptions()
    off.digestsInputs = false
    let plain = runScan([path], detectors: Self.detectors, options: off)
    #expect(hashed.reports.first?.rawSHA256 == SHA256.hash(data: bytes).hexString)
    #expect(plain.reports.first?.rawSHA256 == nil)
    #expect(plain.reports.first?.rawBytes == bytes.count)
    #expect(plain.findings.map(\.offset) == hashed.findings.map(\.offset))
    #expect(!plain.findings.isEmpty)
  }

  @Test func fingerprintsDependOnTheKeyOnly() {
    let a = runScan(
      [Fixtures.corpus("datasets/customers.csv")], detectors: Self.detectors,
      key: Array("key-one-0123456789abcdef".utf8))
    let b = runScan(
      [Fixtures.corpus("datasets/customers.csv")], detectors: Self.detectors,
      key: Array("key-one-0123456789abcdef".utf8))
    let c = runScan(
      [Fixtures.corpus("datasets/customers.csv")], detectors: Self.detectors,
      key: Array("key-two-0123456789abcdef".utf8))
    #expect(a.findings.map(\.fingerprint) == b.findings.map(\.fingerprint))
    #expect(Set(a.findings.map(\.fingerprint)).isDisjoint(with: c.findings.map(\.fingerprint)))
  }
}

extension Data {
  func firstIndex(of byte: UInt8, after: Int) -> Int? {
    self[after...].firstIndex(of: byte)
  }
}
