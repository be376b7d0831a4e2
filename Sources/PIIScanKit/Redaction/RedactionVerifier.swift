/// `--verify`: re-reads a finished redacted copy (decompressing it as any input) and scans it
/// with the same detectors and field scope, before the copy is renamed into place.
///
/// The check is run on the written file, not on the chunks as they were redacted, because a
/// replacement next to untouched bytes could form a new match across its boundary. Findings of
/// entities whose operator is `keep` are expected and ignored; any other finding fails the
/// check.
public struct RedactionVerifier: Sendable {
  let detectors: DetectorSet
  let fingerprinter: Fingerprinter
  let options: ScanOptions
  let policy: RedactionPolicy

  /// A verifier scanning with `detectors` and `options` (its format is replaced by the input's
  /// format for each copy) against `policy`.
  public init(
    detectors: DetectorSet, fingerprinter: Fingerprinter, options: ScanOptions,
    policy: RedactionPolicy
  ) {
    self.detectors = detectors
    self.fingerprinter = fingerprinter
    self.options = options
    self.policy = policy
  }

  /// Redactable findings left in the copy at `path`, read as `format` (nil: detected).
  /// Throws when the copy cannot be read back.
  public func remainingFindings(in path: String, format: InputFormat?) throws -> [Finding] {
    var options = self.options
    options.format = format ?? options.format
    options.scanBinary = true
    let reader = ChunkReader(file: InputFile(path: path, index: 0), options: options)
    let scanner = ChunkScanner(detectors: detectors, fingerprinter: fingerprinter, options: options)
    var remaining: [Finding] = []
    var end = 0
    let outcome = reader.read { chunk in
      for f in scanner.scan(chunk).findings
      where f.offset >= end && policy.operator(for: f.entity) != .keep {
        remaining.append(f)
        end = f.offset + f.length
      }
    }
    if let error = outcome.error { throw error }
    return remaining
  }

  /// Throws ``ScanError`` `.writeFailed` naming the entities (never the values) when the copy
  /// at `copy` still holds redactable findings; `displayPath` names the copy in the message.
  public func verify(copy: String, format: InputFormat?, displayPath: String) throws {
    let remaining: [Finding]
    do {
      remaining = try remainingFindings(in: copy, format: format)
    } catch let error as ScanError {
      throw ScanError(
        .writeFailed, "--verify could not read the redacted copy back: \(error.message)",
        path: displayPath, cause: error.cause)
    }
    guard let first = remaining.first else { return }
    let entities = Set(remaining.map(\.entity)).sorted().joined(separator: ", ")
    throw ScanError(
      .writeFailed,
      "--verify found \(remaining.count) redactable value(s) left in the copy (\(entities)); the copy was not written",
      path: displayPath, offset: first.offset)
  }
}
