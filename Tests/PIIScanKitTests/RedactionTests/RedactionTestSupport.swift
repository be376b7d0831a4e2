import Foundation
import TestSupport

@testable import PIIScanKit

/// Runs redaction of `inputs` into `outDir` through the real pipeline and returns what the
/// scan sink saw.
@discardableResult
func redact(
  _ inputs: [String], into outDir: URL, policy: RedactionPolicy = RedactionPolicy(),
  options: ScanOptions = ScanOptions(), key: [UInt8] = Array("redaction-test-key-0123456789".utf8),
  detectors: DetectorSet = RedactionFixtures.detectors, compression: Compression? = nil,
  allowPartial: Bool = false, verify: Bool = false
) throws -> CollectingSink {
  let plan = try OutputPlan(
    inputs: inputs, mode: .directory(outDir.path), compression: compression,
    allowPartial: allowPartial)
  let fingerprinter = Fingerprinter(key: key)
  let redactor = Redactor(policy: policy)
  let verifier =
    verify
    ? RedactionVerifier(
      detectors: detectors, fingerprinter: fingerprinter, options: options, policy: policy)
    : nil
  let sink = CollectingSink()
  ScanPipeline(detectors: detectors, fingerprinter: fingerprinter, options: options)
    .run(inputs: inputs, sink: sink) { file in
      switch plan.target(for: file) {
      case .success(let target):
        return RedactingWriter(
          target: target, redactor: redactor, verifier: verifier, compressionWorkers: 2)
      case .failure(let error):
        return RedactingWriter(
          target: RedactionTarget(path: file.path), redactor: redactor, planError: error)
      }
    }
  return sink
}

enum RedactionFixtures {
  static let detectors: DetectorSet = try! PatternLoader.load()
  /// Every corpus file, in every encoding the corpora have.
  static let corpusFiles = [
    "logs/app.log", "logs/app.log.1.gz", "datasets/train.jsonl", "datasets/customers.csv",
    "datasets/chat.jsonl.zst",
  ]

  static func name(_ corpusFile: String) -> String {
    String(corpusFile.split(separator: "/").last!)
  }

  /// The decompressed bytes of a file, read the way piiscan reads inputs.
  static func decompressed(_ path: String) throws -> [UInt8] {
    var opened = try openInput(path)
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = try buffer.withUnsafeMutableBytes { try opened.source.read(into: $0) }
      if n == 0 { break }
      out += buffer[0..<n]
    }
    return out
  }

  static func bytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  static func write(_ text: String, to url: URL) throws {
    try Data(text.utf8).write(to: url)
  }
}
