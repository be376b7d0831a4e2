import ArgumentParser
import PIIScanKit

/// How copies are redacted, shared by `redact` and `sweep --out-dir`: the operator policy
/// (`--policy`, `--operator`), `--ephemeral-key` and the copies' compression (docs/redact.md).
struct RedactionOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A YAML redaction policy (version: 1, default, entities).", valueName: "file"))
  var policy: String?

  @Option(
    name: .customLong("operator"),
    help: ArgumentHelp("OP (default operator) or ENTITY=OP; repeatable.", valueName: "op"))
  var operators: [String] = []

  @Flag(
    name: .customLong("ephemeral-key"),
    help: "Allow hash with a random per-run key (tokens unlinkable across runs).")
  var ephemeralKey = false

  @Option(
    help: ArgumentHelp(
      "Compression of the copies: zstd, gzip or none (default: the input's).", valueName: "kind"))
  var compress: String?

  @Option(
    help: ArgumentHelp(
      "Compression level (zstd 1-19, default 1; gzip 1-9, default 6).", valueName: "n"))
  var level: Int?

  func validate() throws {
    if let compress, Compression(rawValue: compress) == nil {
      throw ValidationError("unknown --compress '\(compress)'; use zstd, gzip or none")
    }
  }

  /// The copies' compression (nil: each input's own).
  var compression: Compression? { compress.flatMap(Compression.init(rawValue:)) }

  /// The policy file with the `--operator` choices on top, checked against the entities the
  /// detectors know (a typo would otherwise silently fall back to the default operator).
  func loadPolicy(detection: DetectionOptions) throws -> RedactionPolicy {
    var redaction = RedactionPolicy()
    if let policy { redaction = try RedactionPolicy.load(path: policy) }
    redaction = try redaction.applying(operators)
    let known = Set(
      try PatternLoader.load(directories: detection.patternDirectories).detectors.map(\.entity))
    for entity in redaction.operators.keys.sorted() where !known.contains(entity) {
      throw ScanError(
        .badPolicy,
        "unknown entity '\(entity)' in the redaction policy; `piiscan detectors` lists them",
        path: policy)
    }
    return redaction
  }

  /// The fingerprinter for `redaction`: the configured key; a random one only when no operator
  /// needs stable tokens or `--ephemeral-key` allows it.
  func fingerprinter(for redaction: RedactionPolicy, detection: DetectionOptions) throws
    -> Fingerprinter
  {
    if let key = try KeyResolver.configuredKey(keyFile: detection.keyFile) {
      return Fingerprinter(key: key)
    }
    if redaction.uses(.hash) && !ephemeralKey {
      throw ScanError(
        .badUsage,
        "the hash operator needs a key (--key-file or PIISCAN_KEY) so tokens are stable; pass --ephemeral-key for one-off unlinkable tokens"
      )
    }
    return .ephemeral()
  }
}
