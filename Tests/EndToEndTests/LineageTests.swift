import Foundation
import TestSupport
import Testing

/// `piiscan scan --manifest/--openlineage/--sign-key` and `piiscan lineage keygen|verify`, run
/// as a user would, on copies of the corpus.
@Suite(.serialized) struct LineageEndToEndTests {
  static let binary: String = Fixtures.root.appendingPathComponent(".build/debug/piiscan").path

  func piiscan(_ args: [String], cwd: URL) throws -> (status: Int32, stdout: String, stderr: String)
  {
    #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "build the executable first")
    let r = try Fixtures.run(Self.binary, args, cwd: cwd)
    return (
      r.status, String(decoding: r.stdout, as: UTF8.self), String(decoding: r.stderr, as: UTF8.self)
    )
  }

  /// A directory with copies of three corpus files under `data/` and the test key.
  func workspace() throws -> URL {
    let dir = Fixtures.temporaryDirectory()
    let data = dir.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    for file in ["logs/app.log", "logs/app.log.1.gz", "datasets/customers.csv"] {
      let name = (file as NSString).lastPathComponent
      try FileManager.default.copyItem(
        atPath: Fixtures.corpus(file), toPath: data.appendingPathComponent(name).path)
    }
    try FileManager.default.copyItem(
      atPath: Fixtures.corpus("test.key"), toPath: dir.appendingPathComponent("test.key").path)
    return dir
  }

  func json(_ url: URL) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
  }

  static let scanArgs = [
    "scan", "data", "--findings", "findings.jsonl", "--key-file", "test.key", "--quiet",
    "--exit-zero",
    "--manifest", "run.manifest.json", "--openlineage", "run.openlineage.json",
  ]

  @Test func manifestsOfTwoRunsDifferOnlyInRunIDAndTimes() throws {
    let dir = try workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    var texts: [String] = []
    var ids: [String] = []
    for threads in ["1", "2"] {
      let r = try piiscan(Self.scanArgs + ["--threads", threads], cwd: dir)
      #expect(r.status == 0, "\(r.stderr)")
      let text = try String(
        contentsOf: dir.appendingPathComponent("run.manifest.json"), encoding: .utf8)
      let object = try json(dir.appendingPathComponent("run.manifest.json"))
      ids.append(object["run_id"] as! String)
      // Blank the three members that may differ; the thread count is an argument, so align it too.
      var normalized = text
      for key in ["run_id", "started_at", "ended_at"] {
        normalized = normalized.replacingOccurrences(
          of: "\"\(key)\": \"[^\"]*\"", with: "\"\(key)\": \"\"", options: .regularExpression)
      }
      texts.append(
        normalized.replacingOccurrences(
          of: "\"--threads\",\n    \"\(threads)\"", with: "\"--threads\",\n    \"N\""))
    }
    #expect(ids[0] != ids[1])
    #expect(texts[0] == texts[1])
    let manifest = try json(dir.appendingPathComponent("run.manifest.json"))
    #expect(manifest["schema"] as? String == "piiscan.lineage/1")
    let inputs = manifest["inputs"] as! [[String: Any]]
    #expect(
      inputs.map { $0["path"] as! String } == [
        "data/app.log", "data/app.log.1.gz", "data/customers.csv",
      ])
    let outputs = manifest["outputs"] as! [[String: Any]]
    #expect(outputs.map { $0["path"] as! String } == ["findings.jsonl"])
    #expect((manifest["edges"] as! [[String: Any]]).count == 3)
    #expect((manifest["key"] as! [String: Any])["id"] is String)
    #expect((manifest["arguments"] as! [String]).first == "scan")
  }

  @Test func signedManifestVerifiesAndVerifyCatchesChangesMissingFilesAndBadSignatures() throws {
    let dir = try workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let keygen = try piiscan(["lineage", "keygen", "--out", "keys"], cwd: dir)
    #expect(keygen.status == 0, "\(keygen.stderr)")
    let mode = { (name: String) throws -> Int in
      (try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(name).path)[
        .posixPermissions] as! NSNumber).intValue
    }
    #expect(try mode("keys.key") == 0o600)
    #expect(try mode("keys.pub") == 0o644)
    #expect(
      try piiscan(["lineage", "keygen", "--out", "keys"], cwd: dir).status == 2,
      "keeps existing keys")

    let scan = try piiscan(Self.scanArgs + ["--sign-key", "keys.key"], cwd: dir)
    #expect(scan.status == 0, "\(scan.stderr)")
    let clean = try piiscan(
      ["lineage", "verify", "run.manifest.json", "--public-key", "keys.pub"], cwd: dir)
    #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
    #expect(clean.stdout.contains("matched    input  data/app.log"))
    #expect(clean.stdout.contains("matched    output findings.jsonl"))
    #expect(clean.stdout.contains("signature: valid"))

    // A different key's public half: bad signature.
    #expect(try piiscan(["lineage", "keygen", "--out", "other"], cwd: dir).status == 0)
    let wrongKey = try piiscan(
      ["lineage", "verify", "run.manifest.json", "--public-key", "other.pub"], cwd: dir)
    #expect(wrongKey.status == 1)
    #expect(wrongKey.stdout.contains("signature: BAD"))

    // A changed output.
    let findings = dir.appendingPathComponent("findings.jsonl")
    let original = try Data(contentsOf: findings)
    try (original + Data("{}\n".utf8)).write(to: findings)
    let changed = try piiscan(
      ["lineage", "verify", "run.manifest.json", "--public-key", "keys.pub"], cwd: dir)
    #expect(changed.status == 1)
    #expect(changed.stdout.contains("changed    output findings.jsonl"))
    try original.write(to: findings)

    // A missing input.
    let moved = dir.appendingPathComponent("app.log.moved")
    try FileManager.default.moveItem(at: dir.appendingPathComponent("data/app.log"), to: moved)
    let missing = try piiscan(["lineage", "verify", "run.manifest.json"], cwd: dir)
    #expect(missing.status == 1)
    #expect(missing.stdout.contains("missing    input  data/app.log"))
    try FileManager.default.moveItem(at: moved, to: dir.appendingPathComponent("data/app.log"))
    #expect(
      try piiscan(["lineage", "verify", "run.manifest.json", "--public-key", "keys.pub"], cwd: dir)
        .status == 0)

    // One byte of the manifest changed: a record count now lies.
    let manifestURL = dir.appendingPathComponent("run.manifest.json")
    var text = try String(contentsOf: manifestURL, encoding: .utf8)
    let range = try #require(text.range(of: "\"records\": "))
    let digit = text.index(range.upperBound, offsetBy: 0)
    let replacement: Character = text[digit] == "9" ? "8" : "9"
    text.replaceSubrange(digit...digit, with: String(replacement))
    try text.write(to: manifestURL, atomically: true, encoding: .utf8)
    let tampered = try piiscan(
      ["lineage", "verify", "run.manifest.json", "--public-key", "keys.pub"], cwd: dir)
    #expect(tampered.status == 1)
    #expect(tampered.stdout.contains("signature: BAD"))
    #expect(tampered.stdout.contains("changed after signing"))

    // Not a manifest at all: exit 2.
    try Data("[]\n".utf8).write(to: manifestURL)
    #expect(try piiscan(["lineage", "verify", "run.manifest.json"], cwd: dir).status == 2)
  }

  @Test func openLineageEventFromTheCLIValidatesAgainstTheSchema() throws {
    let dir = try workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    // One input does not exist, so the run fails: a FAIL event with an errorMessage facet.
    for (extra, eventType) in [([String](), "COMPLETE"), (["absent.log"], "FAIL")] {
      let r = try piiscan(Self.scanArgs + extra, cwd: dir)
      #expect(r.status == (extra.isEmpty ? 0 : 2), "\(r.stderr)")
      let file = dir.appendingPathComponent("run.openlineage.json")
      let event = try json(file)
      #expect(event["eventType"] as? String == eventType)
      let manifest = try json(dir.appendingPathComponent("run.manifest.json"))
      #expect((event["run"] as! [String: Any])["runId"] as? String == manifest["run_id"] as? String)
      #expect(manifest["status"] as? String == (extra.isEmpty ? "complete" : "failed"))
      guard let result = try OpenLineageSchema.validate(file: file.path) else {
        if OpenLineageSchema.isCI {
          Issue.record(
            "OpenLineage schema validation cannot run: \(OpenLineageSchema.unavailableReason)")
        } else {
          print(
            "note: skipping OpenLineage schema validation: \(OpenLineageSchema.unavailableReason)")
        }
        continue
      }
      #expect(result.status == 0, "\(result.report)")
    }
  }

  @Test func signKeyWithoutManifestIsAUsageError() throws {
    let dir = try workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try piiscan(["scan", "data", "--sign-key", "keys.key", "--quiet"], cwd: dir)
    #expect(r.status != 0 && r.status != 1)
    #expect(r.stderr.contains("--manifest"))
  }
}
