import PIIScanKit

extension PIIScanCommand.Sweep {
  /// The copies of `sweep --out-dir`, mirrored under `outDir` the way `redact --out-dir`
  /// mirrors its inputs. Throws when `outDir` cannot be used at all.
  static func outputPlan(roots: [String], outDir: String, redaction: RedactionOptions)
    throws(ScanError) -> OutputPlan
  {
    try OutputPlan(
      inputs: roots, mode: .directory(outDir), compression: redaction.compression,
      level: redaction.level)
  }

  /// True when `path`'s copy under `plan` is missing: an unchanged file is then read again, so
  /// a deleted copy (or one never made, by sweeps before `--out-dir`) comes back.
  static func copyIsMissing(_ path: String, plan: OutputPlan) -> Bool {
    guard case .success(let target) = plan.target(for: InputFile(path: path, index: 0)) else {
      return false
    }
    return FileSystem.status(target.path).kind == .missing
  }

  /// The per-file consumer of `sweep --out-dir`: each scanned file's redacted copy as planned
  /// in `plan`, with every committed copy recorded in `recorder`. A file whose copy cannot be
  /// planned fails with the reason, like in `redact`.
  static func redactingConsumer(
    plan: OutputPlan, policy: RedactionPolicy, workers: Int, recorder: LineageRecorder
  ) -> @Sendable (InputFile) -> ChunkConsumer? {
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
