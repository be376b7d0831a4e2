/// What a redacted copy puts in place of one finding.
///
/// | operator  | `jane.doe@example.com` | `4111 1111 1111 1111` |
/// |-----------|------------------------|-----------------------|
/// | `tag`     | `[EMAIL]`              | `[CREDIT_CARD]`       |
/// | `mask`    | `****.***@*******.***` | `**** **** **** ****` |
/// | `partial` | `****.***@example.com` | `**** **** **** 1111` |
/// | `hash`    | `EMAIL_3f9a1c2b7d10`   | `CREDIT_CARD_0c81d9e4a2f7` |
/// | `remove`  | (nothing)              | (nothing)             |
/// | `keep`    | unchanged, reported    | unchanged, reported   |
///
/// See ``Redactor`` for the exact rules.
public enum RedactionOperator: String, Sendable, CaseIterable, Hashable {
  /// `[ENTITY]`: the entity id in upper case between brackets (the default).
  case tag
  /// Every letter and digit becomes `*`; separators and punctuation stay, so the shape and the
  /// length (in characters) are kept.
  case mask
  /// Like `mask`, but keeps what redaction policies usually allow: the last 4 letters or digits
  /// of cards, IBANs, account numbers, phone numbers and SSNs, the `@domain` of an email.
  case partial
  /// A keyed pseudonym `ENTITY_` + 12 hex digits of the finding's fingerprint (HMAC-SHA256 of
  /// the normalized value under the run's key): the same value gives the same token under one
  /// key, so joins still work; different keys give unlinkable tokens.
  case hash
  /// The value is deleted.
  case remove
  /// The value stays; the finding is only reported.
  case keep

  /// The operator names, for messages: `tag, mask, partial, hash, remove, keep`.
  public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
