import GRDB

/// Read-only questions to a catalog, each answered as a ``CatalogTable``: runs, files,
/// findings, and the governance summary.
///
/// Filters combine with AND: `run` (a run id), `entity`, `pathGlob` (SQLite `GLOB`: `*`, `?`,
/// `[...]`, case-sensitive, `*` crosses `/`) and `since` (runs started at or after this UTC
/// time, any prefix of `YYYY-MM-DDTHH:MM:SSZ`, e.g. `2026-11-21`).
public struct CatalogQuery: Sendable {
  /// Only this run.
  public var run: Int64?
  /// Only findings of this entity (files: files with such findings).
  public var entity: String?
  /// Only paths matching this SQLite `GLOB`.
  public var pathGlob: String?
  /// Only runs started at or after this UTC time prefix.
  public var since: String?

  /// A query with the given filters (nil: no filter).
  public init(
    run: Int64? = nil, entity: String? = nil, pathGlob: String? = nil, since: String? = nil
  ) {
    self.run = run
    self.entity = entity
    self.pathGlob = pathGlob
    self.since = since
  }

  /// Runs, newest last.
  public func runs(in store: CatalogStore) throws -> CatalogTable {
    var clauses: [String] = []
    var args: [(any DatabaseValueConvertible)?] = []
    if let run {
      clauses.append("id = ?")
      args.append(run)
    }
    if let since {
      clauses.append("started_at >= ?")
      args.append(since)
    }
    return try table(
      store,
      sql: """
        SELECT id, started_at, finished_at, status, command, tool_version, detector_set_hash,
          key_id, policy, files_scanned, files_skipped, files_failed, findings, arguments
        FROM runs \(whereClause(clauses)) ORDER BY id
        """, args)
  }

  /// File rows, in run then input order.
  public func files(in store: CatalogStore) throws -> CatalogTable {
    var (clauses, args) = runAndPathFilters(file: "f")
    if let entity {
      clauses.append("EXISTS (SELECT 1 FROM findings g WHERE g.file_id = f.id AND g.entity = ?)")
      args.append(entity)
    }
    return try table(
      store,
      sql: """
        SELECT f.run_id AS run, f.path, f.status, f.reason, f.size, f.mtime_ns, f.inode, f.sha256,
          f.decompressed_sha256, f.format, f.compression, f.records, f.bytes, f.scan_offset,
          (SELECT COUNT(*) FROM findings g WHERE g.file_id = f.id) AS findings, f.error
        FROM files f JOIN runs r ON r.id = f.run_id \(whereClause(clauses)) ORDER BY f.id
        """, args)
  }

  /// Findings (never values), in run, file and offset order.
  public func findings(in store: CatalogStore) throws -> CatalogTable {
    let (clauses, args) = findingFilters()
    return try table(
      store,
      sql: """
        SELECT g.run_id AS run, f.path, g.offset, g.length, g.line, g.field, g.entity, g.detector,
          g.confidence, g.validated, g.preview, g.fingerprint
        FROM findings g JOIN files f ON f.id = g.file_id JOIN runs r ON r.id = g.run_id
        \(whereClause(clauses)) ORDER BY g.run_id, g.file_id, g.offset
        """, args)
  }

  /// The governance answer: per entity and field, how many findings in how many files and
  /// records.
  ///
  /// A finding is counted once per (path, offset, detector) across the selected runs, so a
  /// file rescanned by several sweeps is not counted twice; a record is a (path, line). Files
  /// recorded as `seen` (identical content elsewhere) count under the path that was scanned.
  public func summary(in store: CatalogStore) throws -> CatalogTable {
    let (clauses, args) = findingFilters()
    return try table(
      store,
      sql: """
        SELECT entity, field, COUNT(*) AS findings, COUNT(DISTINCT path) AS files,
          COUNT(DISTINCT path || char(10) || line) AS records, SUM(validated) AS validated
        FROM (SELECT DISTINCT f.path, g.offset, g.detector, g.entity, g.field, g.line, g.validated
              FROM findings g JOIN files f ON f.id = g.file_id JOIN runs r ON r.id = g.run_id
              \(whereClause(clauses)))
        GROUP BY entity, field ORDER BY entity, field IS NOT NULL, field
        """, args)
  }

  private func runAndPathFilters(file: String) -> ([String], [(any DatabaseValueConvertible)?]) {
    var clauses: [String] = []
    var args: [(any DatabaseValueConvertible)?] = []
    if let run {
      clauses.append("\(file).run_id = ?")
      args.append(run)
    }
    if let pathGlob {
      clauses.append("\(file).path GLOB ?")
      args.append(pathGlob)
    }
    if let since {
      clauses.append("r.started_at >= ?")
      args.append(since)
    }
    return (clauses, args)
  }

  private func findingFilters() -> ([String], [(any DatabaseValueConvertible)?]) {
    var (clauses, args) = runAndPathFilters(file: "f")
    if let entity {
      clauses.append("g.entity = ?")
      args.append(entity)
    }
    return (clauses, args)
  }

  private func whereClause(_ clauses: [String]) -> String {
    clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
  }

  private func table(
    _ store: CatalogStore, sql: String, _ args: [(any DatabaseValueConvertible)?]
  ) throws -> CatalogTable {
    try store.read { db in
      let statement = try db.makeStatement(sql: sql)
      let columns = statement.columnNames
      let rows = try Row.fetchAll(statement, arguments: StatementArguments(args))
      return CatalogTable(
        columns: columns,
        rows: rows.map { row in
          (0..<columns.count).map { i in CatalogValue(row[i] as DatabaseValue) }
        })
    }
  }
}

/// A query's answer: column names and rows of plain values.
public struct CatalogTable: Sendable, Equatable {
  /// Column names, in order.
  public var columns: [String]
  /// Rows, each with one value per column.
  public var rows: [[CatalogValue]]

  /// The values of one column by name.
  public func column(_ name: String) -> [CatalogValue] {
    guard let i = columns.firstIndex(of: name) else { return [] }
    return rows.map { $0[i] }
  }
}

/// One cell of a ``CatalogTable``.
public enum CatalogValue: Sendable, Equatable, CustomStringConvertible {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)

  init(_ value: DatabaseValue) {
    switch value.storage {
    case .null: self = .null
    case .int64(let v): self = .integer(v)
    case .double(let v): self = .real(v)
    case .string(let v): self = .text(v)
    case .blob: self = .text("(blob)")
    }
  }

  /// The value as shown in a table or CSV cell (empty for null).
  public var description: String {
    switch self {
    case .null: ""
    case .integer(let v): "\(v)"
    case .real(let v): FindingJSON.formatConfidence(v)
    case .text(let v): v
    }
  }

  /// The integer, if this is one.
  public var integer: Int64? {
    if case .integer(let v) = self { return v }
    return nil
  }
}
