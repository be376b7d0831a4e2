import GRDB

/// Writes one catalog run's findings as SARIF 2.1.0 (OASIS Static Analysis Results Interchange
/// Format, docs.oasis-open.org/sarif/sarif/v2.1.0), for code-scanning and security UIs.
///
/// The log (§3.13) has `$schema`, `version: "2.1.0"` and one run (§3.14) whose
/// `tool.driver` (§3.18, §3.19) has `name: "piiscan"`, `version`, and `rules` (§3.49): one
/// `reportingDescriptor` per detector of the run, in id order, with `id`, `name` (the entity),
/// `shortDescription.text` and `defaultConfiguration.level`. `automationDetails.id` is
/// `piiscan/run-<id>`. Each finding is a `result` (§3.27) with `ruleId`, `ruleIndex`, `level`
/// (severity `critical`/`high` → `error`, `medium` → `warning`, `low` → `note`, §3.27.10),
/// `message.text` (entity, field and masked preview — never the value), one location
/// (§3.28) with `physicalLocation.artifactLocation.uri` (a relative path as a relative URI
/// reference, an absolute one as a `file://` URI; bytes outside RFC 3986 unreserved
/// characters and `/` percent-encoded) and `region` (§3.30)
/// `{startLine, byteOffset, byteLength}`, and `partialFingerprints` (§3.27.17)
/// `{"piiscanValueHmac/v1": fingerprint}`. For compressed inputs the offsets and lines are in
/// the decompressed stream (a `properties.compression` says which).
public enum SARIFWriter {
  /// The schema URI written in `$schema`.
  public static let schemaURI =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

  /// The SARIF document for `run` in `store`, filtered further by `query` (entity, path).
  public static func document(
    store: CatalogStore, run: Int64, query: CatalogQuery = CatalogQuery(), toolVersion: String
  ) throws -> [UInt8] {
    try store.read { db in
      guard
        try Bool.fetchOne(
          db, sql: "SELECT EXISTS(SELECT 1 FROM runs WHERE id = ?)", arguments: [run]) == true
      else {
        throw ScanError(
          .badUsage, "no run \(run) in this catalog; `piiscan catalog runs` lists them",
          path: store.path)
      }
      let rules = try Row.fetchAll(
        db,
        sql:
          "SELECT detector, entity, severity, description FROM run_detectors WHERE run_id = ? ORDER BY detector",
        arguments: [run])
      var ruleIndex: [String: Int] = [:]
      var out: [UInt8] = []
      out += Array("{\"$schema\":".utf8)
      json(schemaURI, &out)
      out += Array(
        ",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"piiscan\",\"version\":"
          .utf8)
      json(toolVersion, &out)
      out += Array(",\"rules\":[".utf8)
      for (i, rule) in rules.enumerated() {
        let id: String = rule["detector"]
        ruleIndex[id] = i
        if i > 0 { out.append(0x2C) }
        out += Array("{\"id\":".utf8)
        json(id, &out)
        out += Array(",\"name\":".utf8)
        json(rule["entity"] as String, &out)
        out += Array(",\"shortDescription\":{\"text\":".utf8)
        let description: String = rule["description"]
        json(description.isEmpty ? id : description, &out)
        out += Array("},\"defaultConfiguration\":{\"level\":\"\(level(rule["severity"]))\"}}".utf8)
      }
      out += Array("]}},\"automationDetails\":{\"id\":\"piiscan/run-\(run)\"},\"results\":[".utf8)

      var clauses = ["g.run_id = ?"]
      var args: [(any DatabaseValueConvertible)?] = [run]
      if let entity = query.entity {
        clauses.append("g.entity = ?")
        args.append(entity)
      }
      if let glob = query.pathGlob {
        clauses.append("f.path GLOB ?")
        args.append(glob)
      }
      let cursor = try Row.fetchCursor(
        db,
        sql: """
          SELECT f.path, f.compression, g.offset, g.length, g.line, g.field, g.entity, g.detector,
            g.confidence, g.validated, g.preview, g.fingerprint, d.severity
          FROM findings g JOIN files f ON f.id = g.file_id
          LEFT JOIN run_detectors d ON d.run_id = g.run_id AND d.detector = g.detector
          WHERE \(clauses.joined(separator: " AND ")) ORDER BY g.file_id, g.offset
          """, arguments: StatementArguments(args))
      var first = true
      while let row = try cursor.next() {
        if !first { out.append(0x2C) }
        first = false
        let detector: String = row["detector"]
        let entity: String = row["entity"]
        let field: String? = row["field"]
        let preview: String = row["preview"]
        out += Array("{\"ruleId\":".utf8)
        json(detector, &out)
        if let index = ruleIndex[detector] { out += Array(",\"ruleIndex\":\(index)".utf8) }
        out += Array(
          ",\"level\":\"\(level(row["severity"] ?? "medium"))\",\"message\":{\"text\":".utf8)
        var text = "\(entity) found"
        if let field { text += " in field \(field)" }
        text += ": \(preview)"
        json(text, &out)
        out += Array("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":".utf8)
        json(uriReference(row["path"]), &out)
        let line: Int = row["line"]
        let offset: Int = row["offset"]
        let length: Int = row["length"]
        out += Array(
          "},\"region\":{\"startLine\":\(max(1, line)),\"byteOffset\":\(offset),\"byteLength\":\(length)}}}],\"partialFingerprints\":{\"piiscanValueHmac/v1\":"
            .utf8)
        json(row["fingerprint"] as String, &out)
        let validated: Bool = row["validated"]
        let confidence: Double = row["confidence"]
        out += Array(
          "},\"properties\":{\"entity\":".utf8)
        json(entity, &out)
        out += Array(
          ",\"confidence\":\(FindingJSON.formatConfidence(confidence)),\"validated\":\(validated)"
            .utf8)
        if let compression: String = row["compression"], compression != "none" {
          out += Array(",\"compression\":".utf8)
          json(compression, &out)
        }
        out += Array("}}".utf8)
      }
      out += Array("]}]}\n".utf8)
      return out
    }
  }

  /// SARIF `level` (§3.27.10) for a detector severity.
  static func level(_ severity: String) -> String {
    switch severity {
    case "critical", "high": "error"
    case "low": "note"
    default: "warning"
    }
  }

  /// `path` as a URI reference (RFC 3986): a relative reference (§4.2) for a relative path, a
  /// `file://` URI (RFC 8089) for an absolute one; unreserved bytes and `/` kept, every other
  /// byte percent-encoded.
  static func uriReference(_ path: String) -> String {
    path.hasPrefix("/") ? "file://" + percentEncoded(path) : percentEncoded(path)
  }

  private static func percentEncoded(_ path: String) -> String {
    let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    for b in path.utf8 {
      switch b {
      case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E, 0x2F: out.append(b)
      default: out += [0x25, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func json(_ text: String, _ out: inout [UInt8]) {
    FindingJSON.appendString(Array(text.utf8), to: &out)
  }
}
