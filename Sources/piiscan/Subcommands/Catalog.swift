import ArgumentParser
import PIIScanKit

extension PIIScanCommand {
  /// `piiscan catalog`: questions to a catalog written by scan, redact or sweep.
  struct Catalog: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Query a catalog: runs, files, findings, and the per-entity summary.",
      discussion: """
        Output is a table on a terminal, else JSON Lines (one object per row); --json or --csv
        force a format. Filters combine: --run ID, --entity ID, --path GLOB (SQLite GLOB:
        * crosses /), --since DATE (runs started at or after, UTC, e.g. 2026-11-21).

        EXAMPLES
          piiscan catalog summary --catalog pii.db
          piiscan catalog findings --catalog pii.db --entity email --path 'logs/*' --csv
          piiscan catalog findings --catalog pii.db --run 7 --sarif run7.sarif
        """,
      subcommands: [Runs.self, Files.self, Findings.self, Summary.self])

    struct Runs: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "List runs.")
      @OptionGroup var query: CatalogQueryOptions
      func run() throws { try query.print { try $0.runs(in: $1) } }
    }

    struct Files: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "List recorded files and their status.")
      @OptionGroup var query: CatalogQueryOptions
      func run() throws { try query.print { try $0.files(in: $1) } }
    }

    struct Findings: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "List findings (never values), or export a run as SARIF 2.1.0.")
      @OptionGroup var query: CatalogQueryOptions

      @Option(
        help: ArgumentHelp(
          "Write the run's findings (--run, default the latest) as SARIF 2.1.0 to this file (- for stdout).",
          valueName: "file"))
      var sarif: String?

      func run() throws {
        guard let sarif else { return try query.print { try $0.findings(in: $1) } }
        let store = try query.open()
        do {
          let latest = try CatalogQuery().runs(in: store).column("id").last?.integer
          guard let run = query.run ?? latest else {
            throw ScanError(.badUsage, "the catalog has no runs", path: query.catalog)
          }
          let document = try SARIFWriter.document(
            store: store, run: run, query: query.makeQuery(), toolVersion: PIIScanCommand.version)
          var sink = try OutputFile.open(sarif)
          try document.withUnsafeBytes { try sink.write($0) }
          try sink.finish()
        } catch let error as ScanError {
          Console.error(error)
          throw Exit.error
        }
      }
    }

    struct Summary: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Per entity and field: findings, files, records and validated counts.")
      @OptionGroup var query: CatalogQueryOptions
      func run() throws { try query.print { try $0.summary(in: $1) } }
    }
  }
}

/// The catalog file, filters and output format shared by the `catalog` subcommands.
struct CatalogQueryOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The catalog to read.", valueName: "file"))
  var catalog: String

  @Option(help: ArgumentHelp("Only this run.", valueName: "id"))
  var run: Int64?

  @Option(help: ArgumentHelp("Only this entity.", valueName: "id"))
  var entity: String?

  @Option(help: ArgumentHelp("Only paths matching this glob.", valueName: "glob"))
  var path: String?

  @Option(
    help: ArgumentHelp(
      "Only runs started at or after this UTC time (2026-11-21 or 2026-11-21T08:00).",
      valueName: "time"))
  var since: String?

  @Flag(help: "JSON Lines, one object per row.")
  var json = false

  @Flag(help: "CSV with a header row (RFC 4180).")
  var csv = false

  func validate() throws {
    if json && csv { throw ValidationError("choose one of --json and --csv") }
  }

  func makeQuery() -> CatalogQuery {
    CatalogQuery(run: run, entity: entity, pathGlob: path, since: since)
  }

  func open() throws -> CatalogStore {
    guard FileSystem.status(catalog).kind == .file else {
      Console.stderr("piiscan: error: \(catalog): no such catalog")
      throw Exit.error
    }
    do { return try CatalogStore(path: catalog) } catch let error as ScanError {
      Console.error(error)
      throw Exit.error
    }
  }

  func print(_ body: (CatalogQuery, CatalogStore) throws -> CatalogTable) throws {
    let store = try open()
    let table: CatalogTable
    do { table = try body(makeQuery(), store) } catch let error as ScanError {
      Console.error(error)
      throw Exit.error
    }
    let bytes: [UInt8]
    if csv {
      bytes = TableFormatter.csv(table)
    } else if json || !Console.stdoutIsTTY {
      bytes = TableFormatter.jsonLines(table)
    } else {
      bytes = TableFormatter.text(table)
    }
    let out = StandardOutputSink()
    _ = try? bytes.withUnsafeBytes { try out.write($0) }
  }
}

/// Renders a ``CatalogTable`` as an aligned table, JSON Lines or CSV.
enum TableFormatter {
  static func text(_ table: CatalogTable) -> [UInt8] {
    let cells = table.rows.map { $0.map { String($0.description.prefix(64)) } }
    var widths = table.columns.map(\.count)
    for row in cells {
      for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) }
    }
    func line(_ values: [String]) -> String {
      values.enumerated().map { i, v in i == values.count - 1 ? v : v.padding(widths[i]) }
        .joined(separator: " ") + "\n"
    }
    var out = line(table.columns.map { $0.uppercased() })
    for row in cells { out += line(row) }
    if table.rows.isEmpty { out += "(no rows)\n" }
    return Array(out.utf8)
  }

  static func jsonLines(_ table: CatalogTable) -> [UInt8] {
    var out: [UInt8] = []
    for row in table.rows {
      out.append(0x7B)
      for (i, value) in row.enumerated() {
        if i > 0 { out.append(0x2C) }
        FindingJSON.appendString(Array(table.columns[i].utf8), to: &out)
        out.append(0x3A)
        switch value {
        case .null: out += Array("null".utf8)
        case .integer(let v): out += Array("\(v)".utf8)
        case .real: out += Array(value.description.utf8)
        case .text(let v): FindingJSON.appendString(Array(v.utf8), to: &out)
        }
      }
      out += Array("}\n".utf8)
    }
    return out
  }

  static func csv(_ table: CatalogTable) -> [UInt8] {
    func field(_ text: String) -> String {
      if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
        return "\"" + text.replacingQuotes() + "\""
      }
      return text
    }
    var out = table.columns.map(field).joined(separator: ",") + "\r\n"
    for row in table.rows {
      out += row.map { field($0.description) }.joined(separator: ",") + "\r\n"
    }
    return Array(out.utf8)
  }
}

extension String {
  /// Doubles every `"` (RFC 4180 §2.7).
  fileprivate func replacingQuotes() -> String {
    var out = ""
    for ch in self {
      if ch == "\"" { out += "\"\"" } else { out.append(ch) }
    }
    return out
  }
}
