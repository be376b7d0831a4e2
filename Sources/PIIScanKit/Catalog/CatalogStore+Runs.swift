import GRDB

#if canImport(Glibc)
  import Glibc
#endif

/// What a run records about itself when it starts: never the key, only its id.
public struct RunRecord: Sendable {
  /// `scan`, `redact` or `sweep`.
  public var command: String
  /// The command-line arguments after the subcommand (paths and flags; keys are files, so no
  /// secret is ever an argument).
  public var arguments: [String]
  /// The detectors of the run; their set hash and each one's hash are recorded.
  public var detectors: DetectorSet
  /// The redaction policy's name or hash, when the run redacts.
  public var policy: String?
  /// ``Fingerprinter/keyID`` of the run's key.
  public var keyID: String
  /// The piiscan version.
  public var toolVersion: String

  /// A run record; `arguments` should not contain secrets (keys come from files).
  public init(
    command: String, arguments: [String], detectors: DetectorSet, policy: String? = nil,
    keyID: String, toolVersion: String
  ) {
    self.command = command
    self.arguments = arguments
    self.detectors = detectors
    self.policy = policy
    self.keyID = keyID
    self.toolVersion = toolVersion
  }
}

/// Run totals written when a run ends.
public struct RunTotals: Sendable, Equatable {
  /// Files scanned (including partial and resumed).
  public var filesScanned = 0
  /// Files skipped: unchanged, seen or binary (deleted ones are not counted).
  public var filesSkipped = 0
  /// Files that could not be read or decoded.
  public var filesFailed = 0
  /// Findings recorded by the run.
  public var findings = 0
  /// Paths that changed while they were being scanned (recorded `partial`, reason `changed`,
  /// with their pre-scan facts so the next sweep rescans them). Not stored in `runs`.
  public var changedPaths: [String] = []
  /// All zero.
  public init() {}
}

extension CatalogStore {
  /// Inserts a `running` run with its detectors; returns the run id.
  public func beginRun(_ run: RunRecord) throws -> Int64 {
    var args: [UInt8] = [0x5B]
    for (i, a) in run.arguments.enumerated() {
      if i > 0 { args.append(0x2C) }
      FindingJSON.appendString(Array(a.utf8), to: &args)
    }
    args.append(0x5D)
    let arguments = String(decoding: args, as: UTF8.self)
    return try write { db in
      try db.execute(
        sql: """
          INSERT INTO runs (started_at, status, command, arguments, tool_version,
            detector_set_hash, policy, key_id) VALUES (?, 'running', ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          CatalogClock.now(), run.command, arguments, run.toolVersion, run.detectors.hash,
          run.policy, run.keyID,
        ])
      let id = db.lastInsertedRowID
      for d in run.detectors.detectors {
        try db.execute(
          sql: """
            INSERT OR REPLACE INTO run_detectors (run_id, detector, entity, severity, hash, description)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
          arguments: [id, d.id, d.entity, d.spec.severity, d.hash, d.spec.description])
      }
      return id
    }
  }

  /// Marks the run finished with its totals.
  public func finishRun(_ id: Int64, totals: RunTotals) throws {
    try write { db in
      try db.execute(
        sql: """
          UPDATE runs SET finished_at = ?, status = 'finished', files_scanned = ?,
            files_skipped = ?, files_failed = ?, findings = ? WHERE id = ?
          """,
        arguments: [
          CatalogClock.now(), totals.filesScanned, totals.filesSkipped, totals.filesFailed,
          totals.findings, id,
        ])
    }
  }

  /// Cleans up after runs that were killed: their unfinished file rows (status `running`) and
  /// those rows' findings are deleted, and the runs are marked `interrupted`. Files a killed
  /// run finished stay committed, so the next sweep skips them as unchanged.
  ///
  /// Call only while holding the catalog's ``FileLock`` (another live run's rows look the same).
  /// Returns the number of runs marked.
  @discardableResult
  public func recoverInterruptedRuns(except current: Int64? = nil) throws -> Int {
    try write { db in
      let keep = current ?? -1
      try db.execute(
        sql: """
          DELETE FROM findings WHERE file_id IN
            (SELECT id FROM files WHERE status = 'running' AND run_id != ?)
          """, arguments: [keep])
      try db.execute(
        sql: "DELETE FROM files WHERE status = 'running' AND run_id != ?", arguments: [keep])
      try db.execute(
        sql: """
          UPDATE runs SET status = 'interrupted',
            files_scanned = (SELECT COUNT(*) FROM files f WHERE f.run_id = runs.id AND f.status = 'scanned'),
            findings = (SELECT COUNT(*) FROM findings g WHERE g.run_id = runs.id)
          WHERE status = 'running' AND id != ?
          """, arguments: [keep])
      return db.changesCount
    }
  }
}

/// UTC timestamps for the catalog, without Foundation.
enum CatalogClock {
  /// Now as `YYYY-MM-DDTHH:MM:SSZ` (sorts as text).
  static func now() -> String {
    var t = time(nil)
    var parts = tm()
    gmtime_r(&t, &parts)
    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return
      "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }
}
