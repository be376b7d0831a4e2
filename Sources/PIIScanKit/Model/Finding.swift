/// One piece of PII found in one input: where it is, what it is, and how to show it safely.
///
/// `offset` and `length` are in the *decompressed* stream of the input, in raw bytes: for a JSON
/// string value with escapes they cover the escape sequences, so replacing that span keeps the
/// record valid. `value` holds the matched value (decoded) for redaction and `--include-values`;
/// writers must not emit it unless asked to.
public struct Finding: Sendable, Equatable, Hashable {
  /// The input path as given on the command line (`-` for standard input).
  public var source: String
  /// Byte offset of the value in the decompressed stream.
  public var offset: Int
  /// Length of the value in raw bytes.
  public var length: Int
  /// 1-based line of `offset` (counts `\n` bytes before it).
  public var line: Int
  /// Canonical entity id (`email`, `credit_card`, ...).
  public var entity: String
  /// Detector id that produced it.
  public var detector: String
  /// 0 to 1; see README "How confidence is formed".
  public var confidence: Double
  /// True when a checksum or structure validator confirmed the value.
  public var validated: Bool
  /// JSON Pointer (JSON Lines) or column name (CSV); nil for plain text.
  public var field: String?
  /// The masked value, safe to show (`4111 **** **** 1111`).
  public var preview: String
  /// HMAC-SHA256 of the normalized value under the run's key (written as 64 hex digits).
  public var fingerprint: Fingerprint
  /// The value as matched (decoded from JSON/CSV escaping). Never written unless requested.
  public var value: [UInt8]

  public init(
    source: String, offset: Int, length: Int, line: Int, entity: String, detector: String,
    confidence: Double, validated: Bool, field: String?, preview: String, fingerprint: Fingerprint,
    value: [UInt8]
  ) {
    self.source = source
    self.offset = offset
    self.length = length
    self.line = line
    self.entity = entity
    self.detector = detector
    self.confidence = confidence
    self.validated = validated
    self.field = field
    self.preview = preview
    self.fingerprint = fingerprint
    self.value = value
  }
}
