/// JSON Web Tokens in JWS compact serialization (RFC 7519 §3, RFC 7515 §7.1).
///
/// Takes the raw matched value: this validator is used with an empty `normalize`, since `.` and
/// `-` are part of the token. `.confirmed` when the value is three unpadded base64url segments
/// (`header.payload.signature`), the header decodes to a JSON object (first non-blank byte `{`)
/// that names an `"alg"` member, the payload decodes to something starting with `{`, and the
/// signature is empty exactly when the algorithm is `"none"` (RFC 7518 §3.6: an unsecured JWS
/// has an empty signature; any other algorithm produces a non-empty one). Else `.rejected`.
///
/// The JSON is not parsed: looking for `{` and the `"alg"` key is enough to tell a token from
/// three dot-joined random strings, and it keeps the check allocation-light.
public enum JSONWebToken {
  /// `.confirmed` for a structurally valid JWS compact token, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    var firstDot = -1
    var secondDot = -1
    for (index, byte) in value.enumerated() where byte == UInt8(ascii: ".") {
      if firstDot < 0 {
        firstDot = index
      } else if secondDot < 0 {
        secondDot = index
      } else {
        return .rejected  // a JWE has five parts; this validator is for JWS
      }
    }
    guard secondDot > 0 else { return .rejected }
    let header = 0..<firstDot
    let payload = (firstDot + 1)..<secondDot
    let signature = (secondDot + 1)..<value.count
    guard !header.isEmpty, !payload.isEmpty,
      Base64URL.isWellFormed(value, header), Base64URL.isWellFormed(value, payload),
      Base64URL.isWellFormed(value, signature)
    else { return .rejected }

    let decodedHeader = Base64URL.decode(value, header)
    guard firstNonBlank(decodedHeader) == UInt8(ascii: "{"),
      let algorithm = algorithmValue(decodedHeader)
    else { return .rejected }
    // 64 characters decode to 48 bytes, plenty to get past leading blanks to the `{`.
    guard firstNonBlank(Base64URL.decode(value, payload, limit: 64)) == UInt8(ascii: "{") else {
      return .rejected
    }
    let isUnsecured = isNone(decodedHeader, at: algorithm)
    return isUnsecured == signature.isEmpty ? .confirmed : .rejected
  }

  private static let algKey: [UInt8] = Array(#""alg""#.utf8)
  private static let noneValue: [UInt8] = Array(#""none""#.utf8)

  /// The first byte that is not JSON whitespace (RFC 8259 §2), or nil.
  private static func firstNonBlank(_ bytes: [UInt8]) -> UInt8? {
    bytes.first { !isBlank($0) }
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// The index just after `"alg"` and the following `:` (and blanks), or nil when the header has
  /// no `"alg"` key.
  private static func algorithmValue(_ header: [UInt8]) -> Int? {
    let key = algKey
    guard header.count >= key.count else { return nil }
    search: for start in 0...(header.count - key.count) {
      for offset in 0..<key.count where header[start + offset] != key[offset] {
        continue search
      }
      var index = start + key.count
      while index < header.count && isBlank(header[index]) { index += 1 }
      guard index < header.count, header[index] == UInt8(ascii: ":") else { continue search }
      index += 1
      while index < header.count && isBlank(header[index]) { index += 1 }
      return index
    }
    return nil
  }

  /// True when the JSON value at `index` is the string `"none"`.
  private static func isNone(_ header: [UInt8], at index: Int) -> Bool {
    let none = noneValue
    guard index + none.count <= header.count else { return false }
    for offset in 0..<none.count where header[index + offset] != none[offset] { return false }
    return true
  }
}
