import PCRE2

/// The outcome of a checksum or structure validator (Presidio's three-way `validate_result`).
public enum Verdict: Sendable, Equatable {
  /// The value passes every check the format defines: report it as validated.
  case confirmed
  /// The value fails a check: it is not this entity, never report it as validated.
  case rejected
  /// The format carries no check that could be applied (or only part of it applies).
  case unverifiable
}

/// A named, pure validator: normalized ASCII bytes in, ``Verdict`` out.
///
/// Validators take the value after the detector's `normalize` step (separators stripped), so
/// they see `4111111111111111`, never `4111 1111 1111 1111`. They allocate nothing they keep,
/// touch no global state and never throw.
public struct Validator: Sendable {
  /// The stable name pattern files cite in `validator:`.
  public let name: String
  /// The algorithm or rule set, with its reference (shown by `piiscan detectors`).
  public let summary: String
  /// The check itself.
  public let check: @Sendable ([UInt8]) -> Verdict
  /// The same check for validators that run regexes of their own (phone numbering plans),
  /// with the caller's PCRE2 scratch: a scan passes one per worker instead of each value
  /// paying for a fresh one (match data, match context and a 1 MiB JIT stack, mapped and
  /// unmapped). nil for the others.
  let checkWithScratch: (@Sendable ([UInt8], MatchScratch) -> Verdict)?

  public init(name: String, summary: String, check: @escaping @Sendable ([UInt8]) -> Verdict) {
    self.name = name
    self.summary = summary
    self.check = check
    checkWithScratch = nil
  }

  /// A validator whose check matches regexes through `scratch`; `check` gets a fresh one.
  init(
    name: String, summary: String,
    checkWithScratch: @escaping @Sendable ([UInt8], MatchScratch) -> Verdict
  ) {
    self.name = name
    self.summary = summary
    self.check = { checkWithScratch($0, MatchScratch()) }
    self.checkWithScratch = checkWithScratch
  }

  /// The verdict on `value`, through `scratch` when the check runs regexes (the same verdict
  /// as `check`).
  public func check(_ value: [UInt8], scratch: MatchScratch) -> Verdict {
    if let checkWithScratch { return checkWithScratch(value, scratch) }
    return check(value)
  }
}
