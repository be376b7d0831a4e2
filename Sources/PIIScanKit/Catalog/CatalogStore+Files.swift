import GRDB

/// The last known state of a path in the catalog: what a sweep compares a file against.
public struct CatalogFileState: Sendable, Equatable {
  /// The `files.id` of the row.
  public var fileID: Int64
  /// The run that wrote the row.
  public var runID: Int64
  /// The path as recorded.
  public var path: String
  /// Size in bytes from `stat` before reading (nil for deleted rows).
  public var size: Int?
  /// mtime in nanoseconds since the epoch.
  public var modificationNanoseconds: Int?
  /// Inode number.
  public var inode: UInt64?
  /// SHA-256 (hex) of the raw bytes, when the file was read whole.
  public var sha256: String?
  /// SHA-256 (hex) of the decompressed stream.
  public var decompressedSHA256: String?
  /// `text`, `jsonl` or `csv`.
  public var format: String?
  /// `none`, `gzip` or `zstd`.
  public var compression: String?
  /// Lines in the decompressed stream.
  public var records: Int
  /// Decompressed bytes.
  public var bytes: Int
  /// `scanned`, `failed`, `skipped` or `partial`.
  public var status: String
  /// Why a `skipped` or `partial` row is so (`unchanged`, `seen`, `deleted`, `binary`, `changed`).
  public var reason: String?
  /// The detector-set hash of the run that wrote the row.
  public var detectorSetHash: String
  /// For content recorded as seen: the row whose scan covered it.
  public var seenFileID: Int64?

  init(row: Row) {
    fileID = row["id"]
    runID = row["run_id"]
    path = row["path"]
    size = row["size"]
    modificationNanoseconds = row["mtime_ns"]
    inode = (row["inode"] as Int64?).map { UInt64(bitPattern: $0) }
    sha256 = row["sha256"]
    decompressedSHA256 = row["decompressed_sha256"]
    format = row["format"]
    compression = row["compression"]
    records = row["records"]
    bytes = row["bytes"]
    status = row["status"]
    reason = row["reason"]
    detectorSetHash = row["detector_set_hash"]
    seenFileID = row["seen_file_id"]
  }

  /// True when the content this row describes was fully searched: scanned, or skipped because
  /// it was unchanged or already seen (which inherit an earlier full scan).
  public var isComplete: Bool {
    status == "scanned" || (status == "skipped" && (reason == "unchanged" || reason == "seen"))
  }
}

extension CatalogStore {
  /// The newest finished row for `path` (any status but `running`), or nil.
  public func lastState(path: String) throws -> CatalogFileState? {
    try read { db in
      try Row.fetchOne(
        db,
        sql: "SELECT * FROM files WHERE path = ? AND status != 'running' ORDER BY id DESC LIMIT 1",
        arguments: [path]
      ).map(CatalogFileState.init(row:))
    }
  }

  /// A row whose decompressed content has this digest and was fully scanned under this detector
  /// set, or nil.
  public func scannedContent(decompressedSHA256: String, detectorSetHash: String) throws
    -> CatalogFileState?
  {
    try read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT * FROM files WHERE decompressed_sha256 = ? AND detector_set_hash = ?
            AND status = 'scanned' ORDER BY id LIMIT 1
          """,
        arguments: [decompressedSHA256, detectorSetHash]
      ).map(CatalogFileState.init(row:))
    }
  }

  /// Whether any content was fully scanned under this detector set (optionally: with exactly
  /// `bytes` decompressed bytes). Lets a sweep skip hashing when no match is possible.
  public func hasScannedContent(detectorSetHash: String, bytes: Int? = nil) throws -> Bool {
    try read { db in
      if let bytes {
        return try Bool.fetchOne(
          db,
          sql: """
            SELECT EXISTS(SELECT 1 FROM files WHERE detector_set_hash = ? AND status = 'scanned'
              AND bytes = ? AND decompressed_sha256 IS NOT NULL)
            """, arguments: [detectorSetHash, bytes]) ?? false
      }
      return try Bool.fetchOne(
        db,
        sql: """
          SELECT EXISTS(SELECT 1 FROM files WHERE detector_set_hash = ? AND status = 'scanned'
            AND decompressed_sha256 IS NOT NULL)
          """, arguments: [detectorSetHash]) ?? false
    }
  }

  /// The newest row of every path that starts with one of `prefixes` and whose newest row is
  /// not `deleted`: what a sweep of those roots saw before.
  public func knownPaths(under prefixes: [String]) throws -> [CatalogFileState] {
    try read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT f.* FROM files f JOIN (SELECT path, MAX(id) AS id FROM files
            WHERE status != 'running' GROUP BY path) last ON f.id = last.id
          WHERE NOT (f.status = 'skipped' AND f.reason = 'deleted') ORDER BY f.path
          """)
      return rows.map(CatalogFileState.init(row:)).filter { state in
        prefixes.contains { root in
          state.path == root || state.path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }
      }
    }
  }
}
