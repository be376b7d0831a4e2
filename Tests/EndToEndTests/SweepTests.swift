import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `piiscan sweep` and `piiscan catalog` through the executable: exit codes, the lock, a killed
/// sweep resumed, JSON/CSV/SARIF output.
@Suite(.serialized) struct SweepTests {
  static let binary: String = Fixtures.root.appendingPathComponent(".build/debug/piiscan").path

  func piiscan(_ args: [String], environment: [String: String]? = nil) throws -> (
    status: Int32, stdout: String, stderr: String
  ) {
    #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "build the executable first")
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment ?? [:] { env[k] = v }
    let r = try Fixtures.run(Self.binary, args, environment: env)
    return (
      r.status, String(decoding: r.stdout, as: UTF8.self), String(decoding: r.stderr, as: UTF8.self)
    )
  }

  /// `count` files of 40 lines; every fourth line has a synthetic email.
  func makeTree(_ count: Int) throws -> (dir: URL, root: String, catalog: String) {
    let dir = Fixtures.temporaryDirectory()
    let root = dir.appendingPathComponent("logs")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for f in 0..<count {
      let text = (0..<40).map { i in
        i % 4 == 0 ? "f\(f) line \(i) user\(f)x\(i)@example.org\n" : "f\(f) line \(i) ok\n"
      }.joined()
      try Data(text.utf8).write(to: root.appendingPathComponent("part-\(f).log"))
    }
    return (dir, root.path, dir.appendingPathComponent("pii.db").path)
  }

  func object(_ json: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  /// `catalog files --json` rows.
  func fileRows(_ catalog: String) throws -> [[String: Any]] {
    let r = try piiscan(["catalog", "files", "--catalog", catalog, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    return try r.stdout.split(separator: "\n").map { try object(String($0)) }
  }

  @Test func sweepReportsJSONAndExitCodesThenSkipsUnchangedFiles() throws {
    let t = try makeTree(3)
    defer { try? FileManager.default.removeItem(at: t.dir) }
    let sarifPath = t.dir.appendingPathComponent("sweep.sarif")
    let first = try piiscan([
      "sweep", t.root, "--catalog", t.catalog, "--json", "--sarif", sarifPath.path,
    ])
    #expect(first.status == 1, "findings exit 1: \(first.stderr)")
    let sarif = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: sarifPath)) as? [String: Any])
    #expect(((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [Any])?.count == 30)
    let a = try object(first.stdout)
    #expect(a["files_scanned"] as? Int == 3)
    #expect(a["files_skipped"] as? Int == 0)
    #expect(a["files_failed"] as? Int == 0)
    #expect(a["findings"] as? Int == 30)
    #expect(a["run_id"] as? Int == 1)

    let second = try piiscan(["sweep", t.root, "--catalog", t.catalog, "--json"])
    #expect(second.status == 0, "no new findings exit 0: \(second.stderr)")
    let b = try object(second.stdout)
    #expect(b["files_scanned"] as? Int == 0)
    #expect(b["files_skipped"] as? Int == 3)
    #expect(b["findings"] as? Int == 0)
    #expect(b["run_id"] as? Int == 2)

    let quiet = try piiscan(["sweep", t.root, "--catalog", t.catalog, "--quiet"])
    #expect(quiet.status == 0)
    #expect(
      quiet.stdout.isEmpty && quiet.stderr.isEmpty,
      "--quiet prints nothing without findings or errors")

    // --disable changes the detector-set hash: everything is rescanned.
    let changed = try piiscan([
      "sweep", t.root, "--catalog", t.catalog, "--json", "--disable", "phone",
    ])
    #expect(try object(changed.stdout)["files_scanned"] as? Int == 3)
  }

  @Test func secondSweepExitsThreeWhileTheLockIsHeld() throws {
    let t = try makeTree(1)
    defer { try? FileManager.default.removeItem(at: t.dir) }
    let fd = open(t.catalog + ".lock", O_RDWR | O_CREAT, 0o600)
    #expect(fd >= 0)
    #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
    let blocked = try piiscan(["sweep", t.root, "--catalog", t.catalog])
    #expect(blocked.status == 3)
    #expect(blocked.stderr.contains("another run is using"))
    #expect(!FileManager.default.fileExists(atPath: t.catalog), "nothing was written")
    flock(fd, LOCK_UN)
    close(fd)
    let free = try piiscan(["sweep", t.root, "--catalog", t.catalog, "--quiet"])
    #expect(free.status == 1)
  }

  /// Two sweeps started together: one waits for nothing and exits 3, or they ran one after the
  /// other; either way every file is scanned exactly once.
  @Test func concurrentSweepsNeverScanAFileTwice() throws {
    let t = try makeTree(12)
    defer { try? FileManager.default.removeItem(at: t.dir) }
    let statuses = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 2)
    defer { statuses.deallocate() }
    let sendable = StatusBox(statuses)
    DispatchQueue.concurrentPerform(iterations: 2) { i in
      let r = try? Fixtures.run(
        Self.binary, ["sweep", t.root, "--catalog", t.catalog, "--quiet", "--threads", "1"])
      sendable.set(i, r?.status ?? -1)
    }
    let outcome = [statuses[0], statuses[1]].sorted()
    #expect(outcome == [1, 3] || outcome == [0, 1], "statuses \(outcome)")
    let rows = try fileRows(t.catalog).filter { $0["status"] as? String == "scanned" }
    #expect(rows.count == 12)
    #expect(Set(rows.compactMap { $0["path"] as? String }).count == 12)
  }

  /// A sweep killed after two files, then run again: every file scanned exactly once, and the
  /// findings are those of one uninterrupted scan.
  @Test func killedSweepResumesWithEveryFileScannedOnce() throws {
    let t = try makeTree(6)
    defer { try? FileManager.default.removeItem(at: t.dir) }
    let killed = try piiscan(
      ["sweep", t.root, "--catalog", t.catalog, "--quiet", "--threads", "2"],
      environment: ["PIISCAN_TEST_EXIT_AFTER_FILES": "2"])
    #expect(killed.status == 99, "the test hook ends the process abruptly: \(killed.stderr)")
    let runs = try piiscan(["catalog", "runs", "--catalog", t.catalog, "--json"])
    #expect(try object(runs.stdout)["status"] as? String == "running")

    let resumed = try piiscan(["sweep", t.root, "--catalog", t.catalog, "--json"])
    #expect(resumed.status == 1, "\(resumed.stderr)")
    let s = try object(resumed.stdout)
    #expect(s["files_scanned"] as? Int == 4)
    #expect(s["files_skipped"] as? Int == 2)
    #expect(s["recovered_runs"] as? Int == 1)

    let scanned = try fileRows(t.catalog).filter { $0["status"] as? String == "scanned" }
    let perPath = Dictionary(grouping: scanned, by: { $0["path"] as! String }).mapValues(\.count)
    #expect(perPath.count == 6)
    #expect(perPath.values.allSatisfy { $0 == 1 })

    let all = try piiscan(["catalog", "findings", "--catalog", t.catalog, "--csv"])
    let lines = all.stdout.split(separator: "\r\n")
    #expect(
      lines.first
        == "run,path,offset,length,line,field,entity,detector,confidence,validated,preview,fingerprint"
    )
    #expect(lines.count - 1 == 60)
    let plain = try piiscan(["scan", t.root, "--findings", "-", "--quiet"])
    #expect(plain.stdout.split(separator: "\n").count == 60)
    let runsAfter = try piiscan(["catalog", "runs", "--catalog", t.catalog, "--json"])
    #expect(runsAfter.stdout.contains(#""status":"interrupted""#))
  }

  @Test func catalogCommandsAnswerSummaryAndExportSARIF() throws {
    let t = try makeTree(2)
    defer { try? FileManager.default.removeItem(at: t.dir) }
    let scan = try piiscan([
      "scan", t.root, "--catalog", t.catalog, "--findings",
      t.dir.appendingPathComponent("f.jsonl").path, "--quiet",
    ])
    #expect(scan.status == 1, "\(scan.stderr)")
    let runs = try object(
      try piiscan(["catalog", "runs", "--catalog", t.catalog, "--json"]).stdout)
    #expect(runs["command"] as? String == "scan")
    #expect(runs["files_scanned"] as? Int == 2)
    #expect(runs["findings"] as? Int == 20)

    let summary = try piiscan(["catalog", "summary", "--catalog", t.catalog, "--json"])
    let row = try object(summary.stdout.trimmingCharacters(in: .newlines))
    #expect(row["entity"] as? String == "email")
    #expect(row["findings"] as? Int == 20)
    #expect(row["files"] as? Int == 2)
    #expect(row["records"] as? Int == 20)

    let sarifPath = t.dir.appendingPathComponent("run.sarif").path
    let sarif = try piiscan([
      "catalog", "findings", "--catalog", t.catalog, "--run", "1", "--sarif", sarifPath,
    ])
    #expect(sarif.status == 0, "\(sarif.stderr)")
    let doc = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sarifPath)))
        as? [String: Any])
    let results = (doc["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]
    #expect(results?.count == 20)

    let missing = try piiscan([
      "catalog", "findings", "--catalog", t.catalog, "--run", "9", "--sarif", "-",
    ])
    #expect(missing.status == 2)
  }
}

/// Lets two concurrent iterations write their own slot.
final class StatusBox: @unchecked Sendable {
  // SAFETY: each iteration writes a different index; read after concurrentPerform returns.
  let buffer: UnsafeMutableBufferPointer<Int32>
  init(_ buffer: UnsafeMutableBufferPointer<Int32>) { self.buffer = buffer }
  func set(_ i: Int, _ v: Int32) { buffer[i] = v }
}
