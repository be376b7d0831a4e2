#if canImport(Glibc)
  import Glibc
#endif

/// Writes one input's redacted copy as the pipeline delivers its chunks: every byte outside a
/// finding is copied unchanged, every finding's raw span is replaced by ``Redactor``'s
/// replacement, escaped so the record stays valid (``RedactionEncoder``).
///
/// The copy goes through ``RedactedOutput`` (compressor, then a temporary file) and appears
/// under its final name only in ``finish(_:)``, and only when the input was read whole and
/// (with a ``RedactionVerifier``) the copy holds nothing redactable. Otherwise the temporary
/// file is removed, or with ``RedactionTarget/partialPath`` committed under that name; the
/// file's report then says why. Standard output and devices are written as the chunks come
/// and cannot be taken back.
///
/// Not `Sendable`: the pipeline calls one writer from its file's serial collector.
public final class RedactingWriter: ChunkConsumer {
  /// Where the copy goes.
  public let target: RedactionTarget
  private let redactor: Redactor
  private let verifier: RedactionVerifier?
  private let workers: Int
  private var planError: ScanError?
  private var output: RedactedOutput?
  /// Stream offset up to which input bytes were already replaced (a finding may run past the
  /// end of the chunk that reported it, e.g. a PEM key in a text chunk's lookahead).
  private var replacedUpTo = 0
  private var lastContext = ChunkContext(format: .text, compression: .none)
  /// Findings replaced so far (not counting `keep`).
  public private(set) var replacedCount = 0
  /// Called after a complete copy was committed under ``RedactionTarget/path`` (or fully
  /// written to standard output), with the input's path, the copy's path and the SHA-256 of
  /// the copy's stored (compressed) bytes. Not called for failed inputs or partial copies.
  private let onCommit: (@Sendable (_ input: String, _ output: String, _ sha256: String) -> Void)?

  /// A writer for `target`. `compressionWorkers` feeds zstd's `ZSTD_c_nbWorkers` (at least 1
  /// is used). `planError`, when given, fails the file at once (e.g. an output path that would
  /// escape the output directory), so the failure is reported in the file's place. `onCommit`,
  /// when given, has the copy hashed as it is written and learns of each committed copy (for
  /// lineage: ``LineageRecorder/recordOutput(input:path:sha256:policy:)``).
  public init(
    target: RedactionTarget, redactor: Redactor, verifier: RedactionVerifier? = nil,
    compressionWorkers: Int = 1, planError: ScanError? = nil,
    onCommit: (@Sendable (_ input: String, _ output: String, _ sha256: String) -> Void)? = nil
  ) {
    self.onCommit = onCommit
    self.target = target
    self.redactor = redactor
    self.verifier = verifier
    self.workers = compressionWorkers
    self.planError = planError
  }

  /// Writes a chunk whose context is unknown (treated as text, input not compressed).
  public func consume(_ bytes: UnsafeRawBufferPointer, streamOffset: Int, findings: [Finding])
    throws
  {
    try consume(bytes, streamOffset: streamOffset, context: lastContext, findings: findings)
  }

  /// Writes `bytes` (the chunk's owned bytes at `streamOffset`) with `findings` replaced.
  public func consume(
    _ bytes: UnsafeRawBufferPointer, streamOffset: Int, context: ChunkContext, findings: [Finding]
  ) throws {
    if let planError { throw planError }
    lastContext = context
    let out = try openIfNeeded(context.compression)
    var encoder = RedactionEncoder(chunk: bytes, format: context.format)
    var cursor = min(bytes.count, max(0, replacedUpTo - streamOffset))
    for finding in findings {
      let start = finding.offset - streamOffset
      precondition(start >= cursor, "findings must be sorted and must not overlap")
      guard let replacement = redactor.replacement(for: finding) else { continue }
      try out.write(UnsafeRawBufferPointer(rebasing: bytes[cursor..<start]))
      try out.write(
        encoder.encode(replacement, at: start..<(start + finding.length), finding: finding))
      replacedCount += 1
      cursor = min(bytes.count, start + finding.length)
      replacedUpTo = finding.offset + finding.length
    }
    try out.write(UnsafeRawBufferPointer(rebasing: bytes[cursor..<bytes.count]))
  }

  /// Commits, verifies or discards the copy according to `report`, and records the outcome in
  /// it: a copy that cannot be committed turns the report into `.failed` with the error.
  public func finish(_ report: inout FileReport) {
    if let planError {
      report.status = .failed
      report.error = report.error ?? planError
      return
    }
    switch report.status {
    case .skipped:
      output?.abort()
      report.note = (report.note.map { $0 + "; " } ?? "") + "no redacted copy written"
    case .failed, .partial:
      // Only a copy that received bytes, in a file that can be renamed, is worth keeping.
      guard let partialPath = target.partialPath, output?.file != nil else {
        output?.abort()
        report.note = (report.note.map { $0 + "; " } ?? "") + "no redacted copy written"
        return
      }
      do {
        let out = try openIfNeeded(report.compression ?? lastContext.compression)
        try out.commit(as: partialPath)
        report.note =
          (report.note.map { $0 + "; " } ?? "") + "incomplete redacted copy kept as \(partialPath)"
      } catch {
        output?.abort()
        report.note = (report.note.map { $0 + "; " } ?? "") + "no redacted copy written"
      }
    case .scanned:
      do {
        let out = try openIfNeeded(report.compression ?? lastContext.compression)
        try out.close()
        if let verifier {
          guard let file = out.file else {
            throw ScanError(
              .badUsage, "--verify needs a regular output file (it re-reads the copy)",
              path: target.path)
          }
          try verifier.verify(
            copy: file.temporaryPath, format: report.format, displayPath: target.path)
        }
        try out.commit()
        if let onCommit, let digest = out.sha256Hex {
          onCommit(report.file.path, target.path, digest)
        }
      } catch {
        output?.abort()
        report.status = .failed
        report.error =
          (error as? ScanError) ?? ScanError(.writeFailed, "\(error)", path: target.path)
        if report.error?.path == nil { report.error?.path = target.path }
        report.note = (report.note.map { $0 + "; " } ?? "") + "no redacted copy written"
      }
    }
  }

  private func openIfNeeded(_ compression: Compression) throws -> RedactedOutput {
    if let output { return output }
    let opened = try RedactedOutput(
      target: target, inputCompression: compression, workers: workers, digests: onCommit != nil)
    output = opened
    return opened
  }
}
