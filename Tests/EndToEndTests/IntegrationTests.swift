import Foundation
import PIIScanKit
import TestSupport
import Testing

/// `redact` and `sweep` joined with the catalog and lineage (issues #3 and #4): runs recorded in
/// the catalog, copies recorded in manifests that `lineage verify` checks, `sweep --out-dir`
/// writing the same copies as `redact`, and manifests next to the catalog by default.
@Suite(.serialized) struct IntegrationTests {
  static let binary: String = Fixtures.root.appendingPathComponent(".build/debug/piiscan").path

  func piiscan(_ args: [String], cwd: URL) throws -> (
    status: Int32, stdout: Data, stderr: String
  ) {
    #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "build the executable first")
    let r = try Fixtures.run(Self.binary, args, cwd: cwd)
    return (r.status, r.stdout, String(decoding: r.stderr, as: UTF8.self))
  }

  /// A directory with copies of corpus files under `data/` (one in a subdirectory, to show the
  /// tree is mirrored) and the test key.
  func workspace() throws -> URL {
    let dir = Fixtures.temporaryDirectory()
    let data = dir.appendingPathComponent("data")
    let nested = data.appendingPathComponent("nested")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    for (file, to) in [
      ("logs/app.log", data), ("logs/app.log.1.gz", data), ("datasets/customers.csv", nested),
      ("datasets/chat.jsonl.zst", nested),
    ] {
      try FileManager.default.copyItem(
        atPath: Fixtures.corpus(file),
        toPath: to.appendingPathComponent((file as NSString).lastPathComponent).path)
    }
    try FileManager.default.copyItem(
      atPath: Fixtures.corpus("test.key"), toPath: dir.appendingPathComponent("test.key").path)
    return dir
  }

  func json(_ url: URL) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
  }

  /// Relative paths of the regular files under `root`, sorted.
  func files(under root: URL) -> [String] {
    let walker = FileManager.default.enumerator(atPath: root.path)
    var result: [String] = []
    while let path = walker?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(
        atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        result.append(path)
      }
    }
    return result.sorted()
  }

  /// Inode and modification time: a rewritten copy (temporary file + rename) gets a new inode.
  func identity(_ path: String) throws -> [String] {
    let a = try FileManager.default.attributesOfItem(atPath: path)
    return ["\(a[.systemFileNumber] ?? "")", "\(a[.modificationDate] ?? "")"]
  }

  static let policyArgs = [
    "--key-file", "test.key", "--operator", "mask", "--operator", "email=hash",
    "--operator", "credit_card=partial",
  ]
  static let policyText = "version=1\ndefault=mask\ncredit_card=partial\nemail=hash\n"

  @Test func redactWithCatalogAndManifestRecordsTheRunAndEveryCopy() throws {
    let dir = try workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try piiscan(
      [
        "redact", "data", "--out-dir", "clean", "--catalog", "pii.db", "--manifest", "run.json",
        "--quiet",
      ] + Self.policyArgs, cwd: dir)
    #expect(r.status == 1, "findings redacted exit 1: \(r.stderr)")

    let manifest = try json(dir.appendingPathComponent("run.json"))
    #expect(manifest["command"] as? String == "redact")
    #expect(manifest["catalog_run_id"] as? Int == 1, "the catalog's run id is recorded too")
    #expect(manifest["policy"] as? String == Self.policyText)
    let outputs = try #require(manifest["outputs"] as? [[String: Any]])
    let expected = [
      "clean/app.log", "clean/app.log.1.gz", "clean/nested/chat.jsonl.zst",
      "clean/nested/customers.csv",
    ]
    #expect(outputs.map { $0["path"] as? String ?? "" } == expected)
    for output in outputs {
      let path = try #require(output["path"] as? String)
      #expect(output["policy"] as? String == Self.policyText)
      #expect(
        output["sha256"] as? String
          == (try ManifestVerifier.sha256(ofFile: dir.appendingPathComponent(path).path)),
        "the digest is over the stored (compressed) bytes of \(path)")
    }
    let edges = try #require(manifest["edges"] as? [[String: String]])
    #expect(
      edges.map { [$0["input"] ?? "", $0["output"] ?? ""] }
        == zip(
          [
            "data/app.log", "data/app.log.1.gz", "data/nested/chat.jsonl.zst",
            "data/nested/customers.csv",
          ], expected
        ).map { [$0, $1] })

    // The run is in the catalog as a redact run with the policy's hash.
    let runs = try piiscan(["catalog", "runs", "--catalog", "pii.db", "--json"], cwd: dir)
    #expect(runs.status == 0, "\(runs.stderr)")
    let row = try #require(
      try JSONSerialization.jsonObject(with: runs.stdout.split(separator: 0x0A)[0])
        as? [String: Any])
    #expect(row["command"] as? String == "redact")
    #expect(
      row["policy"] as? String
        == RedactionPolicy(
          defaultOperator: .mask, operators: ["email": .hash, "credit_card": .partial]
        ).hash)
    #expect(row["files_scanned"] as? Int == 4)

    // Recording changes nothing in the copies (the catalog's consumer passes every chunk's
    // format and compression on to the writer).
    let plain = try piiscan(
      ["redact", "data", "--out-dir", "plain", "--quiet"] + Self.policyArgs, cwd: dir)
    #expect(plain.status == 1, "\(plain.stderr)")
    for path in expected {
      let name = String(path.dropFirst("clean/".count))
      #expect(
        try Data(contentsOf: dir.appendingPathComponent(path))
          == Data(contentsOf: dir.appendingPathComponent("plain/" + name)), "\(name) differs")
    }

    #expect(try piiscan(["lineage", "verify", "run.json"], cwd: dir).status == 0)
    let copy = dir.appendingPathComponent("clean/nested/customers.csv")
    var bytes = try Data(contentsOf: copy)
    bytes[bytes.count / 2] ^= 0x01
    try bytes.write(to: copy)
    let changed = try piiscan(["lineage", "verify", "run.json"], cwd: dir)
    #expect(changed.status == 1, "a modified copy fails verification: \(changed.stderr)")
  }

  @Test func redactToStandardOutputRecordsTheDigestOfWhatWasWritten() throws {
    let dir = try workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try piiscan(
      [
        "redact", "data/app.log.1.gz", "-o", "-", "--manifest", "run.json", "--quiet",
        "--exit-zero",
      ] + Self.policyArgs, cwd: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let written = dir.appendingPathComponent("stdout.gz")
    try r.stdout.write(to: written)
    let manifest = try json(dir.appendingPathComponent("run.json"))
    let outputs = try #require(manifest["outputs"] as? [[String: Any]])
    #expect(outputs.count == 1)
    #expect(outputs.first?["path"] as? String == "-")
    #expect(
      outputs.first?["sha256"] as? String == (try ManifestVerifier.sha256(ofFile: written.path)))
    // Inputs are hashed for the manifest (a redact without lineage or catalog skips it).
    let inputs = try #require(manifest["inputs"] as? [[String: Any]])
    #expect(
      inputs.map { $0["sha256"] as? String }
        == [
          try ManifestVerifier.sha256(ofFile: dir.appendingPathComponent("data/app.log.1.gz").path)
        ])
  }

  @Test func failedInputsGetNoOutputEdge() throws {
    let dir = try workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    // A truncated zstd stream fails to decompress: no copy, no output, no edge.
    let original = try Data(contentsOf: dir.appendingPathComponent("data/nested/chat.jsonl.zst"))
    try original.prefix(original.count / 2).write(
      to: dir.appendingPathComponent("data/nested/chat.jsonl.zst"))
    let r = try piiscan(
      ["redact", "data", "--out-dir", "clean", "--manifest", "run.json", "--quiet"]
        + Self.policyArgs, cwd: dir)
    #expect(r.status == 2, "\(r.stderr)")
    let manifest = try json(dir.appendingPathComponent("run.json"))
    let outputs = try #require(manifest["outputs"] as? [[String: Any]])
    #expect(!outputs.contains { ($0["path"] as? String)?.contains("chat") == true })
    #expect(outputs.count == 3)
    let edges = try #require(manifest["edges"] as? [[String: String]])
    #expect(!edges.contains { $0["input"]?.contains("chat") == true })
  }

  @Test func sweepOutDirWritesRedactsCopiesAndLeavesUnchangedOnesAlone() throws {
    let dir = try workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let redact = try piiscan(
      ["redact", "data", "--out-dir", "by-redact", "--quiet"] + Self.policyArgs, cwd: dir)
    #expect(redact.status == 1, "\(redact.stderr)")
    let sweep = try piiscan(
      ["sweep", "data", "--catalog", "pii.db", "--out-dir", "by-sweep", "--json"]
        + Self.policyArgs, cwd: dir)
    #expect(sweep.status == 1, "\(sweep.stderr)")
    let summary = try #require(
      try JSONSerialization.jsonObject(with: sweep.stdout) as? [String: Any])
    let runID = try #require(summary["run_id"] as? Int)

    let byRedact = dir.appendingPathComponent("by-redact")
    let bySweep = dir.appendingPathComponent("by-sweep")
    let names = files(under: byRedact)
    #expect(names.count == 4)
    #expect(files(under: bySweep) == names)
    for name in names {
      #expect(
        try Data(contentsOf: bySweep.appendingPathComponent(name))
          == Data(contentsOf: byRedact.appendingPathComponent(name)), "\(name) differs")
    }

    // The default manifest sits next to the catalog, named by the catalog's run id, records
    // the copies, and verifies.
    let manifestPath = "pii.db.runs/\(runID).lineage.json"
    let manifest = try json(dir.appendingPathComponent(manifestPath))
    #expect(manifest["command"] as? String == "sweep")
    #expect(manifest["catalog_run_id"] as? Int == runID)
    #expect((manifest["outputs"] as? [[String: Any]])?.count == 4)
    #expect(try piiscan(["lineage", "verify", manifestPath], cwd: dir).status == 0)

    // Nothing changed: a second sweep rewrites no copy and records no output.
    let before = try names.map { try identity(bySweep.appendingPathComponent($0).path) }
    let again = try piiscan(
      ["sweep", "data", "--catalog", "pii.db", "--out-dir", "by-sweep", "--json"]
        + Self.policyArgs, cwd: dir)
    #expect(again.status == 0, "no new findings: \(again.stderr)")
    let after = try names.map { try identity(bySweep.appendingPathComponent($0).path) }
    #expect(after == before)
    let secondID = try #require(
      (try JSONSerialization.jsonObject(with: again.stdout) as? [String: Any])?["run_id"] as? Int)
    #expect(secondID != runID)
    let second = try json(dir.appendingPathComponent("pii.db.runs/\(secondID).lineage.json"))
    #expect((second["outputs"] as? [[String: Any]])?.isEmpty == true)

    // A deleted copy of an unchanged file comes back (the file is read again); the others are
    // left alone.
    let deleted = bySweep.appendingPathComponent("nested/customers.csv")
    try FileManager.default.removeItem(at: deleted)
    let restore = try piiscan(
      ["sweep", "data", "--catalog", "pii.db", "--out-dir", "by-sweep", "--quiet"]
        + Self.policyArgs, cwd: dir)
    #expect(restore.status == 1, "the file's findings count again: \(restore.stderr)")
    #expect(
      try Data(contentsOf: deleted)
        == Data(contentsOf: byRedact.appendingPathComponent("nested/customers.csv")))
    for (name, identityBefore) in zip(names, before) where name != "nested/customers.csv" {
      #expect(try identity(bySweep.appendingPathComponent(name).path) == identityBefore)
    }

    // A grown log is redacted whole again (not just its new tail), matching redact; the other
    // copies stay untouched.
    let log = try FileHandle(forWritingTo: dir.appendingPathComponent("data/app.log"))
    try log.seekToEnd()
    try log.write(contentsOf: Data("2026-01-01 grown line mail ada.grown@example.org\n".utf8))
    try log.close()
    #expect(
      try piiscan(
        ["redact", "data", "--out-dir", "by-redact-2", "--quiet"] + Self.policyArgs, cwd: dir
      ).status == 1)
    let third = try piiscan(
      ["sweep", "data", "--catalog", "pii.db", "--out-dir", "by-sweep", "--quiet"]
        + Self.policyArgs, cwd: dir)
    #expect(third.status == 1, "\(third.stderr)")
    #expect(
      try Data(contentsOf: bySweep.appendingPathComponent("app.log"))
        == Data(contentsOf: dir.appendingPathComponent("by-redact-2/app.log")))
    for (name, identityBefore) in zip(names, before)
    where name != "app.log" && name != "nested/customers.csv" {
      #expect(try identity(bySweep.appendingPathComponent(name).path) == identityBefore)
    }
  }

  @Test func sweepWithoutOutDirStillWritesItsManifestNextToTheCatalog() throws {
    let dir = try workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(try piiscan(["lineage", "keygen", "--out", "keys"], cwd: dir).status == 0)
    // --sign-key needs no --manifest: the default manifest is signed.
    let r = try piiscan(
      [
        "sweep", "data", "--catalog", "pii.db", "--key-file", "test.key", "--json", "--sign-key",
        "keys.key",
      ], cwd: dir)
    #expect(r.status == 1, "\(r.stderr)")
    let runID = try #require(
      (try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])?["run_id"] as? Int)
    let manifestPath = "pii.db.runs/\(runID).lineage.json"
    let verified = try piiscan(
      ["lineage", "verify", manifestPath, "--public-key", "keys.pub"], cwd: dir)
    #expect(verified.status == 0, "signed with its catalog run id: \(verified.stderr)")
    let manifest = try json(dir.appendingPathComponent(manifestPath))
    #expect(manifest["catalog_run_id"] as? Int == runID)
    #expect((manifest["inputs"] as? [[String: Any]])?.count == 4)
    #expect((manifest["outputs"] as? [[String: Any]])?.isEmpty == true)
    #expect(manifest["policy"] is NSNull)
    // Redaction flags only make sense with --out-dir.
    let misuse = try piiscan(
      ["sweep", "data", "--catalog", "pii.db", "--operator", "mask"], cwd: dir)
    #expect(misuse.status == 2, "a usage error exits 2: \(misuse.stderr)")
    #expect(misuse.stderr.contains("--out-dir"))
  }
}
