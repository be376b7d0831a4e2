import Foundation
import GRDB
import TestSupport
import Testing

@testable import PIIScanKit

@Suite struct CatalogStoreTests {
  @Test func freshCatalogHasEveryMigrationAndUsesWAL() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try CatalogStore(path: dir.appendingPathComponent("c.db").path)
    #expect(try store.appliedMigrations() == ["v1", "v2"])
    let mode = try store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    #expect(mode == "wal")
  }

  /// An old (v1) catalog with data opens, upgrades to v2 and keeps its rows.
  @Test func oldCatalogOpensAndUpgrades() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("old.db").path
    do {
      let pool = try DatabasePool(path: path)
      try CatalogStore.migrator(upTo: "v1").migrate(pool)
      try pool.write { db in
        try db.execute(
          sql: """
            INSERT INTO runs (started_at, status, command, arguments, tool_version, detector_set_hash, key_id)
            VALUES ('2026-01-01T00:00:00Z', 'finished', 'scan', '[]', '0.0.1', 'abc', 'k1');
            INSERT INTO files (run_id, path, size, status, detector_set_hash, sha256)
            VALUES (1, 'old/app.log', 10, 'scanned', 'abc', 'ff');
            INSERT INTO findings (run_id, file_id, offset, length, line, entity, detector, confidence,
              validated, preview, fingerprint)
            VALUES (1, 1, 3, 5, 1, 'email', 'email', 0.9, 1, 'a***@x', 'fp');
            """)
      }
      let columns = try pool.read { db in try db.columns(in: "files").map(\.name) }
      #expect(!columns.contains("decompressed_sha256"))
      try pool.close()
    }
    let store = try CatalogStore(path: path)
    #expect(try store.appliedMigrations() == ["v1", "v2"])
    let columns = try store.pool.read { db in try db.columns(in: "files").map(\.name) }
    #expect(columns.contains("decompressed_sha256"))
    #expect(columns.contains("seen_file_id"))
    let old = try #require(try store.lastState(path: "old/app.log"))
    #expect(old.sha256 == "ff")
    #expect(old.decompressedSHA256 == nil)
    let findings = try CatalogQuery(entity: "email").findings(in: store)
    #expect(findings.rows.count == 1)
    #expect(findings.column("path") == [.text("old/app.log")])
  }

  /// WAL: a second connection reads a consistent snapshot while a write transaction is open.
  @Test func readersWorkWhileAWriterHoldsATransaction() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("c.db").path
    let writer = try CatalogStore(path: path)
    let run = try writer.beginRun(
      RunRecord(
        command: "sweep", arguments: [], detectors: CatalogFixtures.detectors, keyID: "k",
        toolVersion: "test"))
    let reader = try CatalogStore(path: path)
    let seen: Int = try writer.pool.write { db in
      try db.execute(sql: "UPDATE runs SET findings = 42 WHERE id = ?", arguments: [run])
      // Inside the open write transaction: another connection still reads the committed state.
      let table = try CatalogQuery(run: run).runs(in: reader)
      return Int(table.column("findings").first?.integer ?? -1)
    }
    #expect(seen == 0)
    #expect(try CatalogQuery(run: run).runs(in: reader).column("findings") == [.integer(42)])
  }

  @Test func runRecordsDetectorsAndKeyIDButNeverTheKey() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("c.db").path
    let store = try CatalogStore(path: path)
    let key = Array("catalog-secret-key-material-xyz".utf8)
    let fp = Fingerprinter(key: key)
    let run = try store.beginRun(
      RunRecord(
        command: "scan", arguments: ["logs", "--key-file", "k"],
        detectors: CatalogFixtures.detectors,
        keyID: fp.keyID, toolVersion: "9.9"))
    try store.finishRun(run, totals: RunTotals())
    let rows = try CatalogFixtures.rows(store, "SELECT * FROM runs")
    #expect(rows.count == 1)
    #expect(rows[0]["key_id"] == fp.keyID)
    #expect(rows[0]["detector_set_hash"] == CatalogFixtures.detectors.hash)
    #expect(rows[0]["arguments"] == #"["logs","--key-file","k"]"#)
    #expect(rows[0]["status"] == "finished")
    let detectors = try CatalogQueryProbe.count(store, "SELECT COUNT(*) FROM run_detectors")
    #expect(detectors == CatalogFixtures.detectors.detectors.count)
    let hashes = try CatalogFixtures.rows(store, "SELECT detector, hash FROM run_detectors")
    let expected = Dictionary(
      uniqueKeysWithValues: CatalogFixtures.detectors.detectors.map { ($0.id, $0.hash) })
    for row in hashes { #expect(expected[row["detector"]!] == row["hash"]) }
    try store.pool.close()
    for suffix in ["", "-wal"] {
      let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path + suffix))) ?? Data()
      #expect(bytes.range(of: Data(key)) == nil)
    }
  }
}
