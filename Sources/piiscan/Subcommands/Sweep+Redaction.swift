import PIIScanKit

extension PIIScanCommand.Sweep {
  /// The per-file consumer of `sweep --out-dir`: each scanned file's redacted copy, mirrored
  /// under `outDir` the way `redact --out-dir` mirrors its inputs (``OutputPlan``), with every
  /// committed copy recorded in `recorder`. A file whose copy cannot be planned fails with the
  /// reason, like in `redact`. Throws when `outDir` cannot be used at all.
  static func redactingConsumer(
    roots: [String], outDir: String, redaction: RedactionOptions, policy: RedactionPolicy,
    workers: Int, recorder: LineageRecorder
  ) throws(ScanError) -> @Sendable (InputFile) -> ChunkConsumer? {
    let plan = try OutputPlan(
      inputs: roots, mode: .directory(outDir), compression: redaction.compression,
      level: redaction.level)
    let redactor = Redactor(policy: policy)
    let policyText = policy.canonicalText
    let onCommit: @Sendable (String, String, String) -> Void = { input, output, sha256 in
      recorder.recordOutput(input: input, path: output, sha256: sha256, policy: policyText)
    }
    return { file in
      switch plan.target(for: file) {
      case .success(let target):
        return RedactingWriter(
          target: target, redactor: redactor, compressionWorkers: workers, onCommit: onCommit)
      case .failure(let error):
        return RedactingWriter(
          target: RedactionTarget(path: file.path), redactor: redactor, planError: error)
      }
    }
  }
}
