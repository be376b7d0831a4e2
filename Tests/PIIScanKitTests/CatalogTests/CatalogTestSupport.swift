import Foundation
import TestSupport

@testable import PIIScanKit

/// Synthetic files and helpers shared by the catalog and sweep tests.
enum CatalogFixtures {
  static let detectors: DetectorSet = try! PatternLoader.load()
  static let fingerprinter = Fingerprinter(key: Array("catalog-test-key-0123456789".utf8))

  /// `count` log lines; every third carries a synthetic email (example.org, fixed numbering).
  static func logLines(_ range: Range<Int>, tag: String = "app") -> String {
    range.map { i in
      i % 3 == 0
        ? "2026-01-01T00:00:\(i % 60) \(tag) login user\(i)@example.org ok\n"
        : "2026-01-01T00:00:\(i % 60) \(tag) heartbeat \(i)\n"
    }.joined()
  }

  static func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  static func append(_ text: String, to url: URL) throws {
    let handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
    try handle.close()
  }

  /// Sets a file's mtime (to make "touched" deterministic without sleeping).
  static func setModification(_ url: URL, seconds: Int) throws {
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: TimeInterval(seconds))],
      ofItemAtPath: url.path)
  }

  /// Compresses `url` with the gzip CLI into `to` (the source is kept).
  static func gzip(_ url: URL, to: URL) throws {
    let r = try Fixtures.run("sh", ["-c", "gzip -n -c \"$0\" > \"$1\"", url.path, to.path])
    precondition(r.status == 0, "gzip failed")
  }

  /// One sweep of `roots` into `store` with `detectors`.
  @discardableResult
  static func sweep(
    _ roots: [String], store: CatalogStore, detectors: DetectorSet = detectors, full: Bool = false,
    include: [String] = [], exclude: [String] = []
  ) throws -> (result: SweepRunner.Result, events: CollectingSink) {
    var planner = SweepPlanner(roots: roots, detectorSetHash: detectors.hash)
    planner.full = full
    planner.include = include
    planner.exclude = exclude
    var options = ScanOptions()
    options.threads = 2
    options.chunkSize = 4096
    let pipeline = ScanPipeline(
      detectors: detectors, fingerprinter: fingerprinter, options: options)
    let runner = SweepRunner(
      store: store, planner: planner, pipeline: pipeline,
      run: RunRecord(
        command: "sweep", arguments: roots, detectors: detectors, keyID: fingerprinter.keyID,
        toolVersion: "test"))
    let events = CollectingSink()
    let result = try runner.execute(sink: events)
    return (result, events)
  }

  /// Rows of `sql` as dictionaries of text (tests read the catalog through SQL directly).
  static func rows(_ store: CatalogStore, _ sql: String) throws -> [[String: String]] {
    try CatalogQueryProbe.rows(store, sql)
  }
}
