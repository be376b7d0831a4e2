import Foundation
import TestSupport
import Testing

@testable import PIIScanKit

@Suite struct CatalogSinkTests {
  /// The catalog holds exactly the pipeline's findings, whatever the batch size.
  @Test(arguments: [1, 3, 2000])
  func recordsEveryFindingOfEveryFile(_ batchSize: Int) throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.log")
    let b = dir.appendingPathComponent("b.jsonl")
    try CatalogFixtures.write(CatalogFixtures.logLines(0..<40), to: a)
    try CatalogFixtures.write(
      (0..<10).map { #"{"id":\#($0),"contact":{"email":"person\#($0)@example.net"}}"# + "\n" }
        .joined(), to: b)
    let store = try CatalogStore(path: dir.appendingPathComponent("c.db").path)
    let run = try store.beginRun(
      RunRecord(
        command: "scan", arguments: [], detectors: CatalogFixtures.detectors,
        keyID: CatalogFixtures.fingerprinter.keyID, toolVersion: "test"))
    let sink = CatalogSink(
      store: store, runID: run, detectorSetHash: CatalogFixtures.detectors.hash,
      batchSize: batchSize)
    let collected = CollectingSink()
    var options = ScanOptions()
    options.chunkSize = 256
    ScanPipeline(
      detectors: CatalogFixtures.detectors, fingerprinter: CatalogFixtures.fingerprinter,
      options: options
    )
    .run(inputs: [a.path, b.path], sink: MultiSink([sink, collected])) { file in
      sink.digestingConsumer(for: file)
    }
    let totals = try sink.finish()
    #expect(totals.filesScanned == 2)
    #expect(totals.findings == collected.findings.count)
    #expect(collected.findings.count == 14 + 10)

    let table = try CatalogQuery(run: run).findings(in: store)
    let stored = zip(
      zip(table.column("path"), table.column("offset")),
      zip(table.column("line"), table.column("fingerprint"))
    )
    .map { "\($0.0.0) \($0.0.1) \($0.1.0) \($0.1.1)" }
    let expected = collected.findings.map {
      "\($0.source) \($0.offset) \($0.line) \($0.fingerprint)"
    }
    #expect(stored == expected)
    #expect(table.column("field").contains(.text("/contact/email")))

    let files = try CatalogFixtures.rows(store, "SELECT * FROM files ORDER BY id")
    #expect(files.map { $0["status"] } == ["scanned", "scanned"])
    #expect(files[0]["records"] == "40")
    #expect(files[1]["format"] == "jsonl")
    let rawA = try Data(contentsOf: a)
    #expect(files[0]["sha256"] == sha256Hex(rawA))
    #expect(files[0]["decompressed_sha256"] == sha256Hex(rawA))
    #expect(files[0]["size"] == "\(rawA.count)")
  }

  /// No raw value reaches the database file or its WAL.
  @Test func catalogNeverContainsRawValues() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("a.log")
    try CatalogFixtures.write(
      "mail zed.quux.4711@example.org\ncc: yolanda.vexx.0815@example.net\n", to: input)
    let path = dir.appendingPathComponent("c.db").path
    let store = try CatalogStore(path: path)
    let (result, events) = try CatalogFixtures.sweep(
      [dir.appendingPathComponent("a.log").path], store: store)
    #expect(result.totals.findings == 2)
    #expect(events.findings.count == 2)
    try store.pool.close()
    let values = ["zed.quux.4711@example.org", "yolanda.vexx.0815@example.net"]
    for suffix in ["", "-wal"] {
      let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path + suffix))) ?? Data()
      for value in values {
        #expect(bytes.range(of: Data(value.utf8)) == nil, "a raw value in the catalog\(suffix)")
      }
    }
  }

  /// Gzip input: the raw digest is the .gz file's, the decompressed digest the plain stream's.
  @Test func compressedFileRecordsBothDigests() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let plain = dir.appendingPathComponent("src/app.log")
    try CatalogFixtures.write(CatalogFixtures.logLines(0..<30), to: plain)
    let gz = dir.appendingPathComponent("in/app.log.gz")
    try FileManager.default.createDirectory(
      at: gz.deletingLastPathComponent(), withIntermediateDirectories: true)
    try CatalogFixtures.gzip(plain, to: gz)
    let store = try CatalogStore(path: dir.appendingPathComponent("c.db").path)
    try CatalogFixtures.sweep([gz.path], store: store)
    let row = try #require(try store.lastState(path: gz.path))
    #expect(row.compression == "gzip")
    #expect(row.sha256 == sha256Hex(try Data(contentsOf: gz)))
    #expect(row.decompressedSHA256 == sha256Hex(try Data(contentsOf: plain)))
  }
}

extension CatalogSinkTests {
  /// A file whose stat facts differ after the read from those taken before it is recorded as
  /// partial/changed with the pre-read facts, so the next sweep rescans it.
  @Test func fileThatChangedDuringTheScanIsReportedAndKeptForRescan() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("a.log")
    try CatalogFixtures.write(CatalogFixtures.logLines(0..<9), to: input)
    let now = try #require(FileFacts.of(input.path))
    var before = now
    before.size -= 5  // as if the file grew while it was read
    let store = try CatalogStore(path: dir.appendingPathComponent("c.db").path)
    let run = try store.beginRun(
      RunRecord(
        command: "sweep", arguments: [], detectors: CatalogFixtures.detectors, keyID: "k",
        toolVersion: "test"))
    let sink = CatalogSink(
      store: store, runID: run, detectorSetHash: CatalogFixtures.detectors.hash, facts: [0: before])
    ScanPipeline(detectors: CatalogFixtures.detectors, fingerprinter: CatalogFixtures.fingerprinter)
      .run(files: [InputFile(path: input.path, index: 0)], sink: sink)
    let totals = try sink.finish()
    #expect(totals.changedPaths == [input.path])
    let row = try #require(try store.lastState(path: input.path))
    #expect(row.status == "partial")
    #expect(row.reason == "changed")
    #expect(row.size == before.size)
    #expect(!row.isComplete)
  }
}

/// Lower-case hex SHA-256 through the sha256sum CLI (an independent implementation).
func sha256Hex(_ data: Data) -> String {
  let r = try? Fixtures.run("sha256sum", [], input: data)
  return String(String(decoding: r?.stdout ?? Data(), as: UTF8.self).prefix(64))
}
