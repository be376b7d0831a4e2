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

  public init(name: String, summary: String, check: @escaping @Sendable ([UInt8]) -> Verdict) {
    self.name = name
    self.summary = summary
    self.check = check
  }
}
