import Foundation
import TestSupport
import Testing

/// Runs the `piiscan` executable over `corpora/` and checks it against the generator's labels.
@Suite(.serialized) struct CorpusTests {
  static let binary: String = Fixtures.root.appendingPathComponent(".build/debug/piiscan").path

  struct Label: Hashable, Decodable, CustomStringConvertible {
    let source: String
    let offset: Int
    let length: Int
    let entity: String
    var description: String { "\(source)@\(offset)+\(length) \(entity)" }
  }

  func piiscan(_ args: [String], input: Data? = nil) throws -> (status: Int32, stdout: Data, stderr: Data) {
    #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "build the executable first")
    return try Fixtures.run(Self.binary, args, input: input, cwd: Fixtures.root)
  }

  func labels() throws -> [Label] {
    let text = try String(contentsOfFile: Fixtures.corpus("expected/labels.jsonl"), encoding: .utf8)
    return try text.split(separator: "\n").map { try JSONDecoder().decode(Label.self, from: Data($0.utf8)) }
  }

  func findings(_ data: Data) throws -> [[String: Any]] {
    try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
  }

  @Test func precisionAndRecallAreOneOnTheCorpora() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("f.jsonl").path
    let r = try piiscan(["scan", "corpora/logs", "corpora/datasets", "--findings", out, "--key-file", "corpora/test.key", "--quiet"])
    #expect(r.status == 1, "findings exit 1: \(String(decoding: r.stderr, as: UTF8.self))")
    let found = try findings(Data(contentsOf: URL(fileURLWithPath: out))).map {
      Label(source: $0["source"] as! String, offset: $0["offset"] as! Int, length: $0["length"] as! Int, entity: $0["entity"] as! String)
    }
    let expected = try labels()
    let falsePositives = Set(found).subtracting(expected)
    let missed = Set(expected).subtracting(found)
    #expect(falsePositives.isEmpty, "false positives: \(falsePositives.sorted { $0.description < $1.description }.prefix(20))")
    #expect(missed.isEmpty, "missed: \(missed.sorted { $0.description < $1.description }.prefix(20))")
    #expect(found.count == expected.count)
  }

  @Test func findingsMatchTheGoldenFileByteForByte() throws {
    let r = try piiscan(["scan", "corpora/logs", "corpora/datasets", "--findings", "-", "--key-file", "corpora/test.key", "--quiet", "--threads", "2"])
    let golden = try Data(contentsOf: URL(fileURLWithPath: Fixtures.corpus("expected/findings.jsonl")))
    #expect(r.stdout == golden, "run `make golden` after an intended change")
  }

  @Test func findingsFileHasExactlyTheDocumentedFieldsAndNoRawValues() throws {
    let r = try piiscan(["scan", "corpora/datasets/customers.csv", "corpora/logs/app.log", "--findings", "-", "--quiet"])
    #expect(r.status == 1)
    let rows = try findings(r.stdout)
    #expect(!rows.isEmpty)
    let required = ["source", "offset", "length", "line", "entity", "detector", "confidence", "validated", "preview", "fingerprint"]
    for row in rows {
      #expect(Set(row.keys).subtracting(["field"]) == Set(required))
    }
    // No raw value of a labelled finding appears anywhere in the output.
    let output = r.stdout
    for source in ["datasets/customers.csv", "logs/app.log"] {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: Fixtures.corpus(source)))
      for l in try labels() where l.source == "corpora/" + source {
        let value = bytes[l.offset..<(l.offset + l.length)]
        #expect(output.range(of: value) == nil, "raw \(l.entity) value leaked at \(l.offset)")
      }
    }
  }

  @Test func includeValuesWritesThem() throws {
    let r = try piiscan(["scan", "corpora/datasets/customers.csv", "--findings", "-", "--quiet", "--include-values", "--enable", "email"])
    let rows = try findings(r.stdout)
    #expect(!rows.isEmpty)
    for row in rows { #expect((row["value"] as? String)?.contains("@") == true) }
  }

  @Test func exitCodes() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let clean = dir.appendingPathComponent("clean.log")
    try Data("nothing to see here\n".utf8).write(to: clean)
    #expect(try piiscan(["scan", clean.path, "--quiet"]).status == 0)
    #expect(try piiscan(["scan", "corpora/logs/app.log", "--quiet", "--findings", "/dev/null"]).status == 1)
    #expect(try piiscan(["scan", "corpora/logs/app.log", "--quiet", "--exit-zero", "--findings", "/dev/null"]).status == 0)
    let missing = try piiscan(["scan", dir.appendingPathComponent("nope.log").path, clean.path, "--quiet"])
    #expect(missing.status == 2)
    #expect(String(decoding: missing.stderr, as: UTF8.self).contains("nope.log"))
    #expect(try piiscan(["scan", clean.path, "--format", "xml"]).status != 0)
    #expect(try piiscan(["scan", clean.path, "--enable", "no_such_detector"]).status == 2)
  }

  @Test func standardInputWorks() throws {
    let r = try piiscan(["scan", "-", "--findings", "-", "--quiet"], input: Data("mail jane@example.com\n".utf8))
    #expect(r.status == 1)
    let rows = try findings(r.stdout)
    #expect(rows.count == 1)
    #expect(rows.first?["source"] as? String == "-")
    #expect(rows.first?["preview"] as? String == "j***@example.com")
  }

  @Test func badPatternFileIsAClearError() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("""
      version: 1
      family: broken
      detectors:
        - id: broken_one
          entity: broken_one
          description: unbalanced
          regex: 'abc('
          confidence: 0.5
          severity: low
      """.utf8).write(to: dir.appendingPathComponent("broken.yaml"))
    let r = try piiscan(["scan", "corpora/logs/app.log", "--patterns", dir.path, "--quiet"])
    #expect(r.status == 2)
    let message = String(decoding: r.stderr, as: UTF8.self)
    #expect(message.contains("broken.yaml"))
    #expect(message.contains("broken_one"))
    #expect(message.contains("regex"))
    #expect(message.contains("offset"))
  }

  @Test func detectorsListsEveryDetector() throws {
    let r = try piiscan(["detectors", "--json"])
    #expect(r.status == 0)
    let rows = try findings(r.stdout)
    let entities = Set(rows.compactMap { $0["entity"] as? String })
    for e in ["email", "phone", "credit_card", "iban", "us_ssn", "ipv4", "ipv6", "mac_address", "us_routing_number", "jwt", "aws_access_key", "github_token", "slack_token", "private_key", "url_credentials"] {
      #expect(entities.contains(e), "\(e) missing")
    }
  }
}
