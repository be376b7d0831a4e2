/// The core's one error type: what failed, where, and what to do about it.
///
/// `message` never contains matched bytes: only paths, offsets, detector ids and advice
/// (STYLE.md §6).
public struct ScanError: Error, Sendable, CustomStringConvertible {
  /// What kind of failure this is; stable, used in catalogs and manifests.
  public enum Code: String, Sendable {
    case unreadable
    case truncated
    case corrupt
    case binary
    case badPatternFile = "bad_pattern_file"
    case badPolicy = "bad_policy"
    case badUsage = "bad_usage"
    case matchLimit = "match_limit"
    case recordTooLarge = "record_too_large"
    case writeFailed = "write_failed"
  }

  public var code: Code
  /// One line: what failed and how to fix it.
  public var message: String
  /// The input path as given, when the error concerns an input.
  public var path: String?
  /// Decompressed byte offset, when known.
  public var offset: Int?
  /// 1-based line, when known.
  public var line: Int?
  /// A lower-level error's description (never containing input bytes).
  public var cause: String?

  public init(
    _ code: Code, _ message: String, path: String? = nil, offset: Int? = nil, line: Int? = nil,
    cause: String? = nil
  ) {
    self.code = code
    self.message = message
    self.path = path
    self.offset = offset
    self.line = line
    self.cause = cause
  }

  public var description: String {
    var out = ""
    if let path { out += path }
    if let line { out += (out.isEmpty ? "" : ":") + "line \(line)" }
    if let offset { out += (out.isEmpty ? "" : ":") + "offset \(offset)" }
    if !out.isEmpty { out += ": " }
    out += message
    if let cause { out += " (\(cause))" }
    return out
  }
}
