/// npm access token: `npm_` followed by 36 base62 characters.
///
/// npm tokens use GitHub's token format ("Announcing npm's new access token format", GitHub
/// blog, 2021-09-23; "Behind GitHub's new authentication token formats", 2021-04-05): 30 random
/// base62 characters, then the CRC-32 of those 30 characters written in base62
/// (`0-9A-Za-z`, most significant first) left-padded with `0` to 6 characters. Case matters.
public enum NPMToken {
  private static let prefix: [UInt8] = Array("npm_".utf8)

  /// `.confirmed` when the embedded CRC-32 matches, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 40, value[0..<4].elementsEqual(prefix) else { return .rejected }
    var encoded: UInt64 = 0
    for index in 4..<40 {
      guard let digit = base62(value[index]) else { return .rejected }
      if index >= 34 { encoded = encoded * 62 + UInt64(digit) }
    }
    let crc = CRC32.checksum(value, 4..<34)
    return encoded == UInt64(crc) ? .confirmed : .rejected
  }

  /// The value of a base62 digit in GitHub's alphabet `0-9A-Za-z`.
  private static func base62(_ byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A")) + 10
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a")) + 36
    default: return nil
    }
  }
}
