/// Turns a finding into its replacement under a ``RedactionPolicy``. Pure: the same finding,
/// policy and key (through the finding's fingerprint) always give the same bytes.
///
/// Replacements are computed from the finding's decoded value (``Finding/value``) and are
/// returned unescaped; ``RedactingWriter`` escapes them for the place they go (a JSON string, a
/// quoted CSV field).
///
/// - `tag`: `[` + the entity id in upper case + `]`.
/// - `mask`: each ASCII letter or digit becomes `*`, and so does each non-ASCII character (one
///   `*` per UTF-8 sequence, so the length in characters is kept); every other ASCII byte
///   (spaces, `-`, `.`, `@`, `(`, line breaks in a PEM key) stays, so the shape survives.
/// - `partial`: for entities whose id contains `card`, `iban`, `account`, `phone`, `ssn` or
///   `routing`, like `mask` but the last 4 letters or digits stay (only when the value has at
///   least 8, else all are masked); for `email`, the local part
///   is masked and `@domain` stays; for any other entity, exactly `mask`.
///   `url_credentials` is masked whole (see ``mask(_:entity:)``).
/// - `hash`: `ENTITY_` + the first 12 hex digits of ``Finding/fingerprint`` (48 bits of
///   HMAC-SHA256 of the normalized value under the run's key).
/// - `remove`: empty; `keep`: nil (the original bytes stay).
public struct Redactor: Sendable {
  /// The policy applied.
  public let policy: RedactionPolicy

  /// A redactor for `policy`.
  public init(policy: RedactionPolicy) {
    self.policy = policy
  }

  /// The unescaped replacement for `finding`, or nil when its operator is `keep`.
  public func replacement(for finding: Finding) -> [UInt8]? {
    switch policy.operator(for: finding.entity) {
    case .tag: return Self.tag(finding.entity)
    case .mask: return Self.mask(finding.value, entity: finding.entity)
    case .partial: return Self.partial(finding.value, entity: finding.entity)
    case .hash: return Self.pseudonym(finding.entity, fingerprint: finding.fingerprint)
    case .remove: return []
    case .keep: return nil
    }
  }

  /// `[EMAIL]` for `email`.
  public static func tag(_ entity: String) -> [UInt8] {
    [UInt8(ascii: "[")] + upper(entity) + [UInt8(ascii: "]")]
  }

  /// `EMAIL_3f9a1c2b7d10` for `email` and a fingerprint starting `3f9a1c2b7d10`.
  public static func pseudonym(_ entity: String, fingerprint: Fingerprint) -> [UInt8] {
    // Twelve digits written straight from the bytes: `hex` would build all 64 per redaction.
    var out = upper(entity)
    out.append(UInt8(ascii: "_"))
    fingerprint.appendHex(digits: 12, to: &out)
    return out
  }

  /// `value` with letters, digits and non-ASCII characters masked (see the type's rules).
  ///
  /// For `url_credentials` every byte is masked, the `:` between user and password included:
  /// `***:***` in a URL's authority would still read as credentials to the detector, and a
  /// redacted copy must leave nothing detectable.
  public static func mask(_ value: [UInt8], entity: String = "") -> [UInt8] {
    if entity == "url_credentials" {
      return [UInt8](repeating: UInt8(ascii: "*"), count: characterCount(value))
    }
    return mask(value, keepingFrom: value.count)
  }

  /// UTF-8 characters in `value` (bytes that are not continuation bytes).
  private static func characterCount(_ value: [UInt8]) -> Int {
    value.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }

  /// The `partial` operator for `entity`.
  public static func partial(_ value: [UInt8], entity: String) -> [UInt8] {
    if entity == "email" || entity.hasSuffix("_email") {
      guard let at = value.lastIndex(of: UInt8(ascii: "@")) else {
        return mask(value, entity: entity)
      }
      return mask(Array(value[..<at])) + value[at...]
    }
    let keepsLastFour = ["card", "iban", "account", "phone", "ssn", "routing"].contains {
      entity.contains($0)
    }
    // Keeping 4 of fewer than 8 letters and digits would show too much of the value.
    guard keepsLastFour, value.reduce(0, { $0 + (isAlphanumeric($1) ? 1 : 0) }) >= 8 else {
      return mask(value, entity: entity)
    }
    // The index of the 4th letter or digit from the end.
    var kept = 0
    var start = value.count
    while start > 0 && kept < 4 {
      start -= 1
      if isAlphanumeric(value[start]) { kept += 1 }
    }
    return mask(value, keepingFrom: start)
  }

  /// Masks `value[..<keepFrom]` and copies the rest.
  private static func mask(_ value: [UInt8], keepingFrom keepFrom: Int) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(value.count)
    var previous: UInt8 = 0
    for (i, byte) in value.enumerated() {
      defer { previous = byte }
      if i >= keepFrom {
        out.append(byte)
      } else if byte < 0x80 {
        out.append(isAlphanumeric(byte) ? UInt8(ascii: "*") : byte)
      } else if byte >= 0xC0 || previous < 0x80 {
        // A UTF-8 lead byte (or a stray continuation byte): one `*` per character.
        out.append(UInt8(ascii: "*"))
      }
      // Continuation bytes of a sequence already masked are dropped.
    }
    return out
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
      || (byte >= 0x61 && byte <= 0x7A)
  }

  private static func upper(_ entity: String) -> [UInt8] {
    entity.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
  }
}
