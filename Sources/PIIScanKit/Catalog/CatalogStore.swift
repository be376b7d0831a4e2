import GRDB

/// The findings catalog: one SQLite file (WAL mode) recording runs, the files each run looked at
/// and the findings in them — never a raw value.
///
/// ```swift
/// let store = try CatalogStore(path: "catalog.db")          // creates or upgrades the schema
/// let run = try store.beginRun(RunRecord(command: "sweep", arguments: args, detectors: set,
///                                        keyID: fp.keyID, toolVersion: "0.1.0"))
/// let sink = CatalogSink(store: store, runID: run)            // give it to ScanPipeline.run
/// ```
///
/// ## Format (schema version 2)
///
/// | table | columns |
/// |---|---|
/// | `runs` | `id`, `started_at`/`finished_at` (UTC, `YYYY-MM-DDTHH:MM:SSZ`), `status` (`running`, `finished`, `interrupted`), `command`, `arguments` (JSON array of strings), `tool_version`, `detector_set_hash`, `policy`, `key_id` (never the key), `files_scanned`, `files_skipped`, `files_failed`, `findings` |
/// | `run_detectors` | `run_id`, `detector`, `entity`, `severity`, `hash`, `description`: one row per detector of the run |
/// | `files` | `id`, `run_id`, `path`, `size`, `mtime_ns`, `inode`, `device`, `sha256` (raw bytes), `format`, `compression`, `records` (lines), `bytes` (decompressed), `status` (`running` while being written, then `scanned`, `failed`, `skipped` or `partial`), `reason` (for `skipped`: `unchanged`, `seen`, `deleted`, `binary`), `error`, `scan_offset` (decompressed offset the scan started at: >0 for an append-only resume), `detector_set_hash`; v2 adds `decompressed_sha256` and `seen_file_id` (the row whose identical content was scanned) |
/// | `findings` | `id`, `run_id`, `file_id`, `offset`, `length`, `line`, `field`, `entity`, `detector`, `confidence`, `validated` (0/1), `preview`, `fingerprint` |
///
/// Paths are stored as given (joined with the directory they were found under); bytes that are
/// not UTF-8 appear as U+FFFD. The schema is created and upgraded by GRDB's `DatabaseMigrator`
/// (migrations `v1`, `v2`, applied in order, each once; an old catalog opens and upgrades).
// SAFETY: `DatabasePool` is itself thread-safe (GRDB serializes writes and pools readers).
public final class CatalogStore: @unchecked Sendable {
  /// The GRDB pool; readers keep working while a writer commits (WAL).
  let pool: DatabasePool
  /// The file path.
  public let path: String

  /// Opens (creating if needed) the catalog at `path` and migrates it to the current schema.
  /// Throws ``ScanError`` `.unreadable` when SQLite cannot open or upgrade it.
  public init(path: String, readOnly: Bool = false) throws {
    self.path = path
    var configuration = Configuration()
    configuration.busyMode = .timeout(30)
    configuration.readonly = readOnly
    configuration.label = "piiscan.catalog"
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
      // Migrate only when needed, so readers never queue behind a sweep's write lock.
      let migrator = Self.migrator()
      if !readOnly, try !pool.read({ try migrator.hasCompletedMigrations($0) }) {
        try migrator.migrate(pool)
      }
    } catch let error as DatabaseError {
      throw ScanError(
        .unreadable, "cannot open catalog: \(error.message ?? "SQLite error \(error.resultCode)")",
        path: path)
    }
  }

  /// The schema migrations, in order. `upTo` stops after the named one (tests build old
  /// catalogs with it).
  static func migrator(upTo last: String? = nil) -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    var stop = false
    func register(_ name: String, _ body: @escaping @Sendable (Database) throws -> Void) {
      guard !stop else { return }
      migrator.registerMigration(name, migrate: body)
      if name == last { stop = true }
    }
    register("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL,
            command TEXT NOT NULL, arguments TEXT NOT NULL, tool_version TEXT NOT NULL,
            detector_set_hash TEXT NOT NULL, policy TEXT, key_id TEXT NOT NULL,
            files_scanned INTEGER NOT NULL DEFAULT 0, files_skipped INTEGER NOT NULL DEFAULT 0,
            files_failed INTEGER NOT NULL DEFAULT 0, findings INTEGER NOT NULL DEFAULT 0);
          CREATE TABLE run_detectors (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            detector TEXT NOT NULL, entity TEXT NOT NULL, severity TEXT NOT NULL,
            hash TEXT NOT NULL, description TEXT NOT NULL, PRIMARY KEY (run_id, detector));
          CREATE TABLE files (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            path TEXT NOT NULL, size INTEGER, mtime_ns INTEGER, inode INTEGER, device INTEGER,
            sha256 TEXT, format TEXT, compression TEXT, records INTEGER NOT NULL DEFAULT 0,
            bytes INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL, reason TEXT, error TEXT,
            scan_offset INTEGER NOT NULL DEFAULT 0, detector_set_hash TEXT NOT NULL);
          CREATE INDEX files_by_path ON files(path, id);
          CREATE TABLE findings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
            offset INTEGER NOT NULL, length INTEGER NOT NULL, line INTEGER NOT NULL, field TEXT,
            entity TEXT NOT NULL, detector TEXT NOT NULL, confidence REAL NOT NULL,
            validated INTEGER NOT NULL, preview TEXT NOT NULL, fingerprint TEXT NOT NULL);
          CREATE INDEX findings_by_run ON findings(run_id, file_id);
          CREATE INDEX findings_by_entity ON findings(entity, field);
          """)
    }
    // v2: content identity for rotated/renamed files (issue #4, "content-seen").
    register("v2") { db in
      try db.execute(
        sql: """
          ALTER TABLE files ADD COLUMN decompressed_sha256 TEXT;
          ALTER TABLE files ADD COLUMN seen_file_id INTEGER REFERENCES files(id);
          CREATE INDEX files_by_content ON files(decompressed_sha256, detector_set_hash);
          """)
    }
    return migrator
  }

  /// Names of the migrations applied to this catalog, in order.
  public func appliedMigrations() throws -> [String] {
    try read { db in try Self.migrator().appliedMigrations(db) }
  }

  /// Runs `body` in a write transaction; SQLite errors become ``ScanError`` `.writeFailed`.
  func write<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try pool.write(body)
    } catch let error as DatabaseError {
      throw ScanError(
        .writeFailed,
        "catalog write failed: \(error.message ?? "SQLite error \(error.resultCode)")",
        path: path)
    }
  }

  /// Runs `body` on a reader (a snapshot; never blocked by a writer).
  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try pool.read(body)
    } catch let error as DatabaseError {
      throw ScanError(
        .unreadable, "catalog read failed: \(error.message ?? "SQLite error \(error.resultCode)")",
        path: path)
    }
  }
}
