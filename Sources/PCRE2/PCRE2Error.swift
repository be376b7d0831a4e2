internal import CPCRE2

/// A failure reported by PCRE2: what was being done, the raw code, PCRE2's own message and, for
/// compilation, the offset in the pattern.
public struct PCRE2Error: Error, Sendable, CustomStringConvertible {
  public enum Kind: Sendable { case compile, jit, match, allocation }

  public let kind: Kind
  /// The raw PCRE2 error code (negative for match errors).
  public let code: Int32
  /// PCRE2's message for `code` (`pcre2_get_error_message_8`).
  public let message: String
  /// For `.compile`: the byte offset in the pattern where PCRE2 stopped.
  public let patternOffset: Int?

  init(_ kind: Kind, code: Int32, patternOffset: Int? = nil) {
    self.kind = kind
    self.code = code
    self.patternOffset = patternOffset
    self.message = PCRE2Error.text(for: code)
  }

  /// True when the match stopped on a resource limit (match, depth or heap limit, JIT stack)
  /// rather than on a definite answer.
  public var isLimit: Bool {
    code == PCRE2_ERROR_MATCHLIMIT || code == PCRE2_ERROR_DEPTHLIMIT
      || code == PCRE2_ERROR_HEAPLIMIT || code == PCRE2_ERROR_JIT_STACKLIMIT
  }

  static func text(for code: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 256)
    let n = pcre2_get_error_message_8(code, &buffer, buffer.count)
    guard n > 0 else { return "PCRE2 error \(code)" }
    return String(decoding: buffer[0..<Int(n)], as: UTF8.self)
  }

  public var description: String {
    if let patternOffset { return "\(message) at pattern offset \(patternOffset)" }
    return message
  }
}
