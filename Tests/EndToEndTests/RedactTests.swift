import Foundation
import TestSupport
import Testing

/// `piiscan redact` end to end: the executable over the bundled corpora.
@Suite(.serialized) struct RedactTests {
  static let binary: String = Fixtures.root.appendingPathComponent(".build/debug/piiscan").path
  static let corpusFiles = [
    "logs/app.log", "logs/app.log.1.gz", "datasets/train.jsonl", "datasets/customers.csv",
    "datasets/chat.jsonl.zst",
  ]

  func piiscan(_ args: [String], input: Data? = nil, environment: [String: String]? = nil) throws
    -> (status: Int32, stdout: Data, stderr: Data)
  {
    #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "build the executable first")
    var env = environment ?? ProcessInfo.processInfo.environment
    if environment == nil { env["PIISCAN_KEY"] = nil }
    return try Fixtures.run(Self.binary, args, input: input, cwd: Fixtures.root, environment: env)
  }

  func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }
  func name(_ file: String) -> String { String(file.split(separator: "/").last!) }

  /// Redacts both corpus directories into a fresh directory and returns it.
  func redactCorpora(_ extra: [String] = []) throws -> URL {
    let out = Fixtures.temporaryDirectory()
    let r = try piiscan(
      [
        "redact", "corpora/logs", "corpora/datasets", "--out-dir", out.path, "--key-file",
        "corpora/test.key", "--quiet",
      ]
        + extra)
    #expect(r.status == 1, "findings redacted exit 1: \(text(r.stderr))")
    return out
  }

  @Test func copiesParseDecompressAndKeepColumns() throws {
    let out = try redactCorpora([
      "--operator", "mask", "--operator", "email=partial", "--findings", "-",
    ])
    // Stock tools read the compressed copies.
    if Fixtures.has("zstd") {
      #expect(
        try Fixtures.run("zstd", ["-q", "-t", out.appendingPathComponent("chat.jsonl.zst").path])
          .status == 0)
    }
    if Fixtures.has("gzip") {
      #expect(
        try Fixtures.run("gzip", ["-t", out.appendingPathComponent("app.log.1.gz").path]).status
          == 0)
    }
    let jsonl = try String(contentsOf: out.appendingPathComponent("train.jsonl"), encoding: .utf8)
    for line in jsonl.split(separator: "\n") {
      #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
    }
    let chat = try Fixtures.run(
      "zstd", ["-q", "-dc", out.appendingPathComponent("chat.jsonl.zst").path])
    for line in text(chat.stdout).split(separator: "\n") {
      #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
    }
    let csv = try String(contentsOf: out.appendingPathComponent("customers.csv"), encoding: .utf8)
    let original = try String(
      contentsOfFile: Fixtures.corpus("datasets/customers.csv"), encoding: .utf8)
    let counts = columnCounts(csv)
    #expect(Set(counts).count == 1)
    #expect(counts == columnCounts(original))
    // Lines are kept in text (mask keeps the line breaks of PEM keys).
    let log = try String(contentsOf: out.appendingPathComponent("app.log"), encoding: .utf8)
    let originalLog = try String(contentsOfFile: Fixtures.corpus("logs/app.log"), encoding: .utf8)
    #expect(
      log.split(separator: "\n", omittingEmptySubsequences: false).count
        == originalLog.split(separator: "\n", omittingEmptySubsequences: false).count)
  }

  @Test(arguments: ["tag", "mask", "partial", "hash", "remove"])
  func scanOfCopiesFindsNothing(_ op: String) throws {
    let out = try redactCorpora(["--operator", op])
    let r = try piiscan(["scan", out.path, "--quiet", "--findings", "-"])
    #expect(r.status == 0, "residue: \(text(r.stdout).prefix(400))")
    #expect(r.stdout.isEmpty)
  }

  @Test(arguments: ["tag", "mask", "hash"])
  func redactingCopiesAgainChangesNothing(_ op: String) throws {
    let once = try redactCorpora(["--operator", op])
    let twice = Fixtures.temporaryDirectory()
    let r = try piiscan([
      "redact", once.path, "--out-dir", twice.path, "--key-file", "corpora/test.key", "--operator",
      op, "--quiet",
    ])
    #expect(r.status == 0, "nothing left to redact: \(text(r.stderr))")
    for file in Self.corpusFiles {
      let a = try Data(contentsOf: once.appendingPathComponent(name(file)))
      let b = try Data(contentsOf: twice.appendingPathComponent(name(file)))
      #expect(a == b, "\(file)")
    }
  }

  @Test func reproducibleAcrossRunsThreadsAndChunkSizes() throws {
    let a = try redactCorpora(["--operator", "hash", "--threads", "1", "--chunk-size", "8K"])
    let b = try redactCorpora(["--operator", "hash", "--threads", "2", "--chunk-size", "1M"])
    let c = try redactCorpora(["--operator", "hash"])
    for file in Self.corpusFiles {
      let x = try Data(contentsOf: a.appendingPathComponent(name(file)))
      #expect(x == (try Data(contentsOf: b.appendingPathComponent(name(file)))), "\(file)")
      #expect(x == (try Data(contentsOf: c.appendingPathComponent(name(file)))), "\(file)")
    }
  }

  @Test func worksInAPipe() throws {
    let input = try Data(contentsOf: URL(fileURLWithPath: Fixtures.corpus("logs/app.log")))
    let piped = try piiscan(
      ["redact", "-", "-o", "-", "--key-file", "corpora/test.key", "--quiet"], input: input)
    #expect(piped.status == 1, "\(text(piped.stderr))")
    let out = Fixtures.temporaryDirectory().appendingPathComponent("app.log")
    let file = try piiscan([
      "redact", "corpora/logs/app.log", "-o", out.path, "--key-file", "corpora/test.key", "--quiet",
    ])
    #expect(file.status == 1)
    #expect(piped.stdout == (try Data(contentsOf: out)))
    #expect(!text(piped.stdout).contains("BEGIN RSA PRIVATE KEY"))

    // Compressed in, compressed out through a pipe.
    let zst = try Data(contentsOf: URL(fileURLWithPath: Fixtures.corpus("datasets/chat.jsonl.zst")))
    let z = try piiscan(["redact", "-", "-o", "-", "--format", "jsonl", "--quiet"], input: zst)
    #expect(z.status == 1)
    #expect(z.stdout.prefix(4) == Data([0x28, 0xB5, 0x2F, 0xFD]))
  }

  @Test func hashNeedsAKey() throws {
    let out = Fixtures.temporaryDirectory().appendingPathComponent("a.log").path
    let refused = try piiscan(["redact", "corpora/logs/app.log", "-o", out, "--operator", "hash"])
    #expect(refused.status == 2)
    #expect(text(refused.stderr).contains("--ephemeral-key"))
    #expect(!FileManager.default.fileExists(atPath: out))
    let ephemeral = try piiscan([
      "redact", "corpora/logs/app.log", "-o", out, "--operator", "hash", "--ephemeral-key",
      "--quiet",
    ])
    #expect(ephemeral.status == 1)
    let key = try String(contentsOfFile: Fixtures.corpus("test.key"), encoding: .utf8)
    #expect(
      !(try String(contentsOfFile: out, encoding: .utf8)).contains(
        key.trimmingCharacters(in: .newlines)))
  }

  @Test func policyFileErrorsNameFileAndField() throws {
    let dir = Fixtures.temporaryDirectory()
    let policy = dir.appendingPathComponent("policy.yaml")
    try Data("version: 1\nentities:\n  email: blur\n".utf8).write(to: policy)
    let r = try piiscan([
      "redact", "corpora/logs/app.log", "-o", dir.appendingPathComponent("o").path, "--policy",
      policy.path,
    ])
    #expect(r.status == 2)
    #expect(text(r.stderr).contains("policy.yaml"))
    #expect(text(r.stderr).contains("entities.email: unknown operator 'blur'"))

    try Data("version: 1\ndefault: keep\nentities:\n  email: tag\n".utf8).write(to: policy)
    let ok = try piiscan([
      "redact", "corpora/logs/app.log", "-o", dir.appendingPathComponent("o").path, "--policy",
      policy.path, "--quiet",
    ])
    #expect(ok.status == 1)
    let copy = try String(contentsOf: dir.appendingPathComponent("o"), encoding: .utf8)
    #expect(
      copy.contains("[EMAIL]") && !copy.contains("[CREDIT_CARD]")
        && copy.contains("BEGIN RSA PRIVATE KEY"))
  }

  @Test func refusesToOverwriteTheInputUnlessInPlace() throws {
    let dir = Fixtures.temporaryDirectory()
    let path = dir.appendingPathComponent("app.log").path
    try FileManager.default.copyItem(atPath: Fixtures.corpus("logs/app.log"), toPath: path)
    chmod(path, 0o640)
    let original = try Data(contentsOf: URL(fileURLWithPath: path))
    let refused = try piiscan(["redact", path, "-o", path, "--quiet"])
    #expect(refused.status == 2)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
    let inPlace = try piiscan(["redact", path, "--in-place", "--quiet", "--verify"])
    #expect(inPlace.status == 1, "\(text(inPlace.stderr))")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) != original)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o007 } == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["app.log"])
    // -o naming the input itself is allowed with --in-place (nothing is left to redact now).
    let again = try piiscan(["redact", path, "-o", path, "--in-place", "--quiet"])
    #expect(again.status == 0, "\(text(again.stderr))")
  }

  @Test func corruptInputGetsNoCopyAndOthersGoOn() throws {
    let dir = Fixtures.temporaryDirectory()
    let whole = try Data(contentsOf: URL(fileURLWithPath: Fixtures.corpus("logs/app.log.1.gz")))
    try whole.prefix(whole.count / 2).write(to: dir.appendingPathComponent("cut.log.gz"))
    try FileManager.default.copyItem(
      atPath: Fixtures.corpus("datasets/customers.csv"),
      toPath: dir.appendingPathComponent("customers.csv").path)
    let out = Fixtures.temporaryDirectory()
    let r = try piiscan(["redact", dir.path, "--out-dir", out.path, "--quiet"])
    #expect(r.status == 2)
    #expect(text(r.stderr).contains("cut.log.gz"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["customers.csv"])

    let partial = Fixtures.temporaryDirectory()
    let p = try piiscan([
      "redact", dir.path, "--out-dir", partial.path, "--quiet", "--allow-partial",
    ])
    #expect(p.status == 2)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: partial.path).sorted() == [
        "customers.csv", "cut.log.gz.partial",
      ])
    if Fixtures.has("gzip") {
      #expect(
        try Fixtures.run("gzip", ["-t", partial.appendingPathComponent("cut.log.gz.partial").path])
          .status == 0)
    }
  }

  @Test func verifyFailsTheRunWhenSomethingRedactableRemains() throws {
    let patterns = Fixtures.temporaryDirectory()
    try Data(
      """
      version: 1
      family: test
      detectors:
        - id: bracket_email_tag
          entity: bracket_email_tag
          description: the email tag itself, to prove --verify re-scans the copy
          regex: '\\[EMAIL\\]'
          keywords: ["[EMAIL]"]
          confidence: 0.9
          severity: low
          examples:
            match:
              - {text: "x [EMAIL] y", value: "[EMAIL]", reason: the tag}
            no_match:
              - {text: "x EMAIL y", reason: no brackets}
      """.utf8
    ).write(to: patterns.appendingPathComponent("tag.yaml"))
    let out = Fixtures.temporaryDirectory().appendingPathComponent("app.log").path
    let r = try piiscan([
      "redact", "corpora/logs/app.log", "-o", out, "--patterns", patterns.path, "--verify",
      "--quiet",
    ])
    #expect(r.status == 2)
    #expect(text(r.stderr).contains("--verify found"))
    #expect(!FileManager.default.fileExists(atPath: out))
    let ok = try piiscan(["redact", "corpora/logs/app.log", "-o", out, "--verify", "--quiet"])
    #expect(ok.status == 1, "\(text(ok.stderr))")
    #expect(FileManager.default.fileExists(atPath: out))
  }

  @Test func findingsMatchScan() throws {
    let dir = Fixtures.temporaryDirectory()
    let scan = dir.appendingPathComponent("scan.jsonl").path
    let red = dir.appendingPathComponent("redact.jsonl").path
    _ = try piiscan([
      "scan", "corpora/logs", "corpora/datasets", "--findings", scan, "--key-file",
      "corpora/test.key", "--quiet",
    ])
    _ = try redactCorpora(["--findings", red])
    let a = try String(contentsOfFile: scan, encoding: .utf8)
    let b = try String(contentsOfFile: red, encoding: .utf8)
    #expect(!a.isEmpty)
    #expect(a == b)
  }

  @Test func columnsAndFieldsRestrictRedaction() throws {
    let dir = Fixtures.temporaryDirectory()
    let out = dir.appendingPathComponent("c.csv").path
    let header = try String(
      contentsOfFile: Fixtures.corpus("datasets/customers.csv"), encoding: .utf8
    )
    .split(separator: "\r\n")[0].split(separator: ",").map(String.init)  // the corpus uses CRLF
    let r = try piiscan(
      ["redact", "corpora/datasets/customers.csv", "-o", out, "--quiet"]
        + header.flatMap { ["--skip-columns", $0] })
    #expect(header.count == 6)
    #expect(r.status == 0, "\(text(r.stderr))")
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: out))
        == (try Data(contentsOf: URL(fileURLWithPath: Fixtures.corpus("datasets/customers.csv")))))

    // Only the notes column: SSNs there are redacted, emails elsewhere are not.
    let notes = dir.appendingPathComponent("n.csv").path
    let n = try piiscan([
      "redact", "corpora/datasets/customers.csv", "-o", notes, "--columns", "notes", "--quiet",
    ])
    #expect(n.status == 1)
    let copy = try String(contentsOfFile: notes, encoding: .utf8)
    #expect(
      copy.contains("[US_SSN]") && !copy.contains("[EMAIL]") && copy.contains("@mail.example"))
  }
}

/// Column counts per CSV record (RFC 4180 quoting), independent of piiscan's parser.
private func columnCounts(_ text: String) -> [Int] {
  var counts: [Int] = []
  var columns = 1
  var inQuotes = false
  var sawAny = false
  for ch in text.unicodeScalars {
    sawAny = true
    if inQuotes {
      if ch == "\"" { inQuotes = false }
    } else if ch == "\"" {
      inQuotes = true
    } else if ch == "," {
      columns += 1
    } else if ch == "\n" {
      counts.append(columns)
      columns = 1
      sawAny = false
    }
  }
  if sawAny { counts.append(columns) }
  return counts
}
