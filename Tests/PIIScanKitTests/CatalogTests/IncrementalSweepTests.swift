import Foundation
import TestSupport
import Testing

@testable import PIIScanKit

/// Incremental sweeps against one catalog: what is skipped, resumed, seen or rescanned.
@Suite struct IncrementalSweepTests {
  struct Tree {
    let dir: URL
    let store: CatalogStore
    var root: String { dir.appendingPathComponent("logs").path }
    func url(_ name: String) -> URL { dir.appendingPathComponent("logs/" + name) }
    func path(_ name: String) -> String { url(name).path }

    init() throws {
      dir = Fixtures.temporaryDirectory()
      store = try CatalogStore(path: dir.appendingPathComponent("catalog.db").path)
    }

    func reasons(run: Int64) throws -> [String: String] {
      let rows = try CatalogFixtures.rows(
        store, "SELECT path, status, reason FROM files WHERE run_id = \(run)")
      var out: [String: String] = [:]
      for r in rows {
        let name = String(r["path"]!.split(separator: "/").last!)
        out[name] = r["status"] == "skipped" ? r["reason"]! : r["status"]!
      }
      return out
    }

    func scannedRows(_ name: String) throws -> Int {
      try CatalogQueryProbe.count(
        store, "SELECT COUNT(*) FROM files WHERE status = 'scanned' AND path = '\(path(name))'")
    }
  }

  @Test func unchangedFilesAreSkippedWithoutReading() throws {
    let t = try Tree()
    defer { try? FileManager.default.removeItem(at: t.dir) }
    try CatalogFixtures.write(CatalogFixtures.logLines(0..<30), to: t.url("a.log"))
    try CatalogFixtures.write(CatalogFixtures.logLines(30..<60, tag: "db"), to: t.url("b.log"))
    let first = try CatalogFixtures.sweep([t.root], store: t.store)
    #expect(first.result.totals.filesScanned == 2)
    #expect(first.result.totals.findings == 20)
    let second = try CatalogFixtures.sweep([t.root], store: t.store)
    #expect(second.result.totals.filesScanned == 0)
    #expect(second.result.totals.filesSkipped == 2)
    #expect(second.result.totals.findings == 0)
    #expect(second.events.reports.isEmpty, "nothing went through the pipeline")
    #expect(
      try t.reasons(run: second.result.runID) == ["a.log": "unchanged", "b.log": "unchanged"])
    // Skipped rows inherit the content description of the scan they stand for.
    let row = try #require(try t.store.lastState(path: t.path("a.log")))
    #expect(row.reason == "unchanged")
    #expect(row.sha256 == sha256Hex(try Data(contentsOf: t.url("a.log"))))
    #expect(row.records == 30)
    // A third sweep still skips (the chain of unchanged rows holds).
    let third = try CatalogFixtures.sweep([t.root], store: t.store)
    #expect(third.result.totals.filesScanned == 0)
  }

  @Test func touchedFileWithSameContentIsRecordedAsSeen() throws {
    let t = try Tree()
    defer { try? FileManager.default.removeItem(at: t.dir) }
    try CatalogFixtures.write(CatalogFixtures.logLines(0..<30), to: t.url("a.log"))
    try CatalogFixtures.sweep([t.root], store: t.store)
    try CatalogFixtures.setModification(t.url("a.log"), seconds: 1_700_000_000)
    let second = try CatalogFixtures.sweep([t.root], store: t.store)
    #expect(second.result.totals.filesScanned == 0)
    #expect(try t.reasons(run: second.result.runID) == ["a.log": "seen"])
    // The next sweep sees the new mtime as unchanged.
    let third = try CatalogFixtures.sweep([t.root], store: t.store)
    #expect(try t.reasons(run: third.result.runID) == ["a.log": "unchanged"])
    #expect(try t.scannedRows("a.log") == 1)
  }

  @Test func fileChangedInPlaceIsRescanned() throws {
    let t = try Tree()
    defer { try? FileManager.default.removeItem(at: t.dir) }
    try CatalogFixtures.write(CatalogFixtures.logLines(0..<30), to: t.url("a.log"))
    try CatalogFixtures.sweep([t.root], store: t.store)
    // Same size, different bytes, new mtime.
    try CatalogFixtures.write(CatalogFixtures.logLines(0..<30, tag: "xyz"), to: t.url("a.log"))
    try CatalogFixtures.setModification(t.url("a.log"), seconds: 1_700_000_100)
    let second = try CatalogFixtures.sweep([t.root], store: t.store)
    #expect(second.result.totals.filesScanned == 1)
    #expect(second.result.totals.findings == 10)
    #expect(try t.reasons(run: second.result.runID) == ["a.log": "scanned"])
  }

  /// A log that only grew is scanned from the previous end; together the two scans give
  /// exactly the findings (offsets, lines, fingerprints) of one full scan.
  @Test func grownLogIsScannedFromThePreviousEnd() throws {
    let t = try Tree()
    defer { try? FileManager.default.removeItem(at: t.dir) }
    let log = t.url("app.log")
    try CatalogFixtures.write(CatalogFixtures.logLines(0..<30), to: log)
    let oldSize = try Data(contentsOf: log).count
    let first = try CatalogFixtures.sweep([t.root], store: t.store)
    try CatalogFixtures.append(CatalogFixtures.logLines(30..<45), to: log)
    let second = try CatalogFixtures.sweep([t.root], store: t.store)
    #expect(second.result.plan.scan.map(\.startOffset) == [oldSize])
    #expect(second.result.totals.findings == 5)
    #expect(second.events.findings.allSatisfy { $0.offset >= oldSize })

    let full = runScan(
      [log.path], detectors: CatalogFixtures.detectors,
      key: Array("catalog-test-key-0123456789".utf8))
    let both = first.events.findings + second.events.findings
    #expect(
      both.map { "\($0.offset) \($0.line) \($0.fingerprint)" }
        == full.findings.map { "\($0.offset) \($0.line) \($0.fingerprint)" })
    let row = try #require(try t.store.lastState(path: log.path))
    #expect(row.records == 45)
    #expect(row.sha256 == sha256Hex(try Data(contentsOf: log)), "the digest covers the whole file")
    // And it can be resumed again.
    try CatalogFixtures.append(CatalogFixtures.logLines(45..<48), to: log)
    let third = try CatalogFixtures.sweep([t.root], store: t.store)
    #expect(
      third.result.plan.scan.first?.startOffset == (try Data(contentsOf: log).count)
        - CatalogFixtures.logLines(45..<48).utf8.count)
    #expect(third.result.totals.findings == 1)
  }

  @Test func grownFileWithAChangedPrefixIsRescannedWhole() throws {
    let t = try Tree()
    defer { try? FileManager.default.removeItem(at: t.dir) }
    let log = t.url("app.log")
    try CatalogFixtures.write(CatalogFixtures.logLines(0..<30), to: log)
    try CatalogFixtures.sweep([t.root], store: t.store)
    try CatalogFixtures.write(CatalogFixtures.logLines(0..<45, tag: "new"), to: log)
    let second = try CatalogFixtures.sweep([t.root], store: t.store)
    #expect(second.result.plan.scan.map(\.startOffset) == [0])
    #expect(second.result.totals.findings == 15)
  }

  /// logrotate: app.log → app.log.1 → app.log.2.gz, with a fresh app.log each time.
  @Test func rotatedAndCompressedFilesAreSeenNotRescanned() throws {
    let t = try Tree()
    defer { try? FileManager.default.removeItem(at: t.dir) }
    try CatalogFixtures.write(CatalogFixtures.logLines(0..<30), to: t.url("app.log"))
    try CatalogFixtures.sweep([t.root], store: t.store)

    try FileManager.default.moveItem(at: t.url("app.log"), to: t.url("app.log.1"))
    try CatalogFixtures.write(
      CatalogFixtures.logLines(100..<130, tag: "day2"), to: t.url("app.log"))
    let second = try CatalogFixtures.sweep([t.root], store: t.store)
    #expect(try t.reasons(run: second.result.runID) == ["app.log": "scanned", "app.log.1": "seen"])
    #expect(second.result.totals.findings == 10)

    try CatalogFixtures.gzip(t.url("app.log.1"), to: t.url("app.log.2.gz"))
    try FileManager.default.removeItem(at: t.url("app.log.1"))
    let third = try CatalogFixtures.sweep([t.root], store: t.store)
    #expect(
      try t.reasons(run: third.result.runID)
        == ["app.log": "unchanged", "app.log.1": "deleted", "app.log.2.gz": "seen"])
    #expect(third.result.totals.filesScanned == 0)
    #expect(third.result.plan.deleted.map(\.path) == [t.path("app.log.1")])
    // The seen row points at the scan of the original content.
    let original = try CatalogQueryProbe.count(
      t.store,
      "SELECT id FROM files WHERE path = '\(t.path("app.log"))' AND status = 'scanned' ORDER BY id LIMIT 1"
    )
    let gz = try #require(try t.store.lastState(path: t.path("app.log.2.gz")))
    #expect(gz.seenFileID == Int64(original))
    #expect(gz.compression == "gzip")
    // A deleted file is reported once.
    let fourth = try CatalogFixtures.sweep([t.root], store: t.store)
    #expect(fourth.result.plan.deleted.isEmpty)
  }

  @Test func renamedFileIsSeen() throws {
    let t = try Tree()
    defer { try? FileManager.default.removeItem(at: t.dir) }
    try CatalogFixtures.write(CatalogFixtures.logLines(0..<30), to: t.url("b.log"))
    try CatalogFixtures.sweep([t.root], store: t.store)
    try FileManager.default.moveItem(at: t.url("b.log"), to: t.url("renamed.log"))
    let second = try CatalogFixtures.sweep([t.root], store: t.store)
    #expect(try t.reasons(run: second.result.runID) == ["b.log": "deleted", "renamed.log": "seen"])
    #expect(second.result.totals.findings == 0)
  }

  @Test func changedDetectorSetRescansEverything() throws {
    let t = try Tree()
    defer { try? FileManager.default.removeItem(at: t.dir) }
    try CatalogFixtures.write(CatalogFixtures.logLines(0..<30), to: t.url("a.log"))
    try CatalogFixtures.write(CatalogFixtures.logLines(30..<60), to: t.url("b.log"))
    try CatalogFixtures.sweep([t.root], store: t.store)
    let fewer = try CatalogFixtures.detectors.filtered(
      enable: [], disable: ["phone"], countries: [])
    #expect(fewer.hash != CatalogFixtures.detectors.hash)
    let second = try CatalogFixtures.sweep([t.root], store: t.store, detectors: fewer)
    #expect(second.result.totals.filesScanned == 2)
    #expect(try t.reasons(run: second.result.runID) == ["a.log": "scanned", "b.log": "scanned"])
    let third = try CatalogFixtures.sweep([t.root], store: t.store, detectors: fewer)
    #expect(third.result.totals.filesScanned == 0)
  }

  @Test func fullRescansUnchangedFiles() throws {
    let t = try Tree()
    defer { try? FileManager.default.removeItem(at: t.dir) }
    try CatalogFixtures.write(CatalogFixtures.logLines(0..<30), to: t.url("a.log"))
    try CatalogFixtures.sweep([t.root], store: t.store)
    let second = try CatalogFixtures.sweep([t.root], store: t.store, full: true)
    #expect(second.result.totals.filesScanned == 1)
    #expect(second.result.totals.findings == 10)
  }

  @Test func includeAndExcludeGlobsSelectFiles() throws {
    let t = try Tree()
    defer { try? FileManager.default.removeItem(at: t.dir) }
    for name in ["a.log", "b.log.1", "c.txt", "sub/d.log", "sub/skip/e.log"] {
      try CatalogFixtures.write(CatalogFixtures.logLines(0..<3), to: t.url(name))
    }
    let r = try CatalogFixtures.sweep(
      [t.root], store: t.store, include: ["*.log", "*.log.[0-9]"], exclude: ["*/skip/*"])
    #expect(
      Set(r.result.plan.scan.map { String($0.path.dropFirst(t.root.count + 1)) }) == [
        "a.log", "b.log.1", "sub/d.log",
      ])
  }

  @Test func symlinkLoopsAreReportedAndSkipped() throws {
    let t = try Tree()
    defer { try? FileManager.default.removeItem(at: t.dir) }
    try CatalogFixtures.write(CatalogFixtures.logLines(0..<3), to: t.url("sub/a.log"))
    try FileManager.default.createSymbolicLink(
      atPath: t.path("sub/loop"), withDestinationPath: t.path("sub"))
    let r = try CatalogFixtures.sweep([t.root], store: t.store)
    #expect(r.result.totals.filesScanned == 1)
    #expect(r.result.plan.problems.contains { $0.message.contains("symlink loop") })
    #expect(r.events.problems.count == r.result.plan.problems.count)
  }

  /// A killed run's unfinished rows are removed and the run marked interrupted; files it
  /// finished stay and are skipped as unchanged.
  @Test func interruptedRunIsRecoveredAndItsFinishedFilesKept() throws {
    let t = try Tree()
    defer { try? FileManager.default.removeItem(at: t.dir) }
    try CatalogFixtures.write(CatalogFixtures.logLines(0..<30), to: t.url("a.log"))
    try CatalogFixtures.write(CatalogFixtures.logLines(30..<60), to: t.url("b.log"))
    let first = try CatalogFixtures.sweep([t.root], store: t.store)
    // Simulate a later run killed mid-way through a file: a running run and a running file row.
    try t.store.pool.write { db in
      try db.execute(sql: "UPDATE runs SET status = 'running' WHERE id = \(first.result.runID)")
      try db.execute(
        sql: """
          UPDATE files SET status = 'running' WHERE path = '\(t.path("b.log"))';
          """)
    }
    let second = try CatalogFixtures.sweep([t.root], store: t.store)
    #expect(second.result.recoveredRuns == 1)
    #expect(try t.reasons(run: second.result.runID) == ["a.log": "unchanged", "b.log": "scanned"])
    #expect(try t.scannedRows("b.log") == 1)
    let status = try CatalogFixtures.rows(
      t.store, "SELECT status FROM runs WHERE id = \(first.result.runID)")
    #expect(status.first?["status"] == "interrupted")
    #expect(try CatalogQueryProbe.count(t.store, "SELECT COUNT(*) FROM findings") == 20)
  }
}
