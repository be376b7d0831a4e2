/// A JSON Lines record that is not one valid JSON value (RFC 8259).
///
/// Carries the byte offset within the record and a fixed reason; never any input bytes, since a
/// record may hold PII (STYLE.md §6). The pipeline scans such a record as plain text instead.
public struct JSONLinesError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Why the record was rejected. Raw values are short fixed phrases, safe to log.
  public enum Reason: String, Sendable, Hashable {
    case unexpectedEnd = "unexpected end of record"
    case unexpectedByte = "unexpected byte"
    case invalidLiteral = "invalid literal (expected true, false or null)"
    case invalidNumber = "invalid number"
    case invalidEscape = "invalid escape sequence in string"
    case controlCharacterInString = "unescaped control character in string"
    case unterminatedString = "unterminated string"
    case nestingTooDeep = "nesting deeper than 512 levels"
    case trailingContent = "content after the JSON value"
    case recordTooLarge = "record larger than 2 GiB"
  }

  /// Byte offset within the record where parsing failed.
  public let offset: Int
  /// What was wrong there.
  public let reason: Reason

  /// Creates an error at `offset` (relative to the record start).
  public init(offset: Int, reason: Reason) {
    self.offset = offset
    self.reason = reason
  }

  /// `invalid JSON at byte <offset>: <reason>`.
  public var description: String { "invalid JSON at byte \(offset): \(reason.rawValue)" }
}
