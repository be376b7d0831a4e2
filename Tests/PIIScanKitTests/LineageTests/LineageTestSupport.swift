import Foundation
import PIIScanKit
import TestSupport

/// Shared setup for the lineage tests: corpus copies in a temporary directory and a recorder
/// with a fixed run id and clock.
enum LineageFixture {
  static let detectors: DetectorSet = try! PatternLoader.load()
  static let fingerprinter = Fingerprinter(key: Array("lineage-test-key-0123456789abcdef".utf8))
  static let corpusFiles = [
    "logs/app.log", "logs/app.log.1.gz", "datasets/customers.csv", "datasets/chat.jsonl.zst",
  ]

  /// A fresh directory with copies of `corpusFiles` (flattened names); returns it and the paths.
  static func workspace() throws -> (directory: URL, inputs: [String]) {
    let dir = Fixtures.temporaryDirectory()
    var inputs: [String] = []
    for file in corpusFiles {
      let target = dir.appendingPathComponent(file.replacingOccurrences(of: "/", with: "_"))
      try FileManager.default.copyItem(atPath: Fixtures.corpus(file), toPath: target.path)
      inputs.append(target.path)
    }
    return (dir, inputs)
  }

  /// Scans `inputs` into a recorder whose run id comes from `seed` and whose start is `start`.
  static func record(
    _ inputs: [String], seed: UInt64 = 1, start: Int64 = 1_700_000_000, threads: Int = 2,
    policy: String? = nil
  ) -> LineageRecorder {
    var rng = SeededRandom(seed: seed)
    let recorder = LineageRecorder(
      command: "scan", arguments: ["scan"] + inputs, detectors: detectors,
      fingerprinter: fingerprinter,
      policy: policy, runID: .random(using: &rng), startedAt: LineageTime(seconds: start))
    var options = ScanOptions()
    options.threads = threads
    ScanPipeline(detectors: detectors, fingerprinter: fingerprinter, options: options)
      .run(inputs: inputs, sink: recorder)
    return recorder
  }

  static func sha256(_ path: String) throws -> String {
    try ManifestVerifier.sha256(ofFile: path)
  }

  static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
