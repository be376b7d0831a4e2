/// IPv4 addresses in dotted-quad text form (RFC 791 addresses, written as in RFC 6943 §3.1.1).
///
/// Takes the raw matched value, dots included: this validator is used with an empty
/// `normalize`. Exactly four decimal octets 0–255, separated by `.`, with no leading zeros
/// (`01` is `.rejected`: some parsers read it as octal, so it is not a canonical address and is
/// more often a version or date fragment).
public enum IPv4Address {
  /// `.confirmed` for a canonical dotted quad, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    isDottedQuad(value, 0..<value.count) ? .confirmed : .rejected
  }

  /// True when `value[range]` is a canonical dotted quad. Also used for the IPv4 tail of an
  /// IPv6 address.
  static func isDottedQuad(_ value: [UInt8], _ range: Range<Int>) -> Bool {
    guard range.count >= 7 && range.count <= 15 else { return false }
    var octets = 0
    var index = range.lowerBound
    while index < range.upperBound {
      let start = index
      var octet = 0
      while index < range.upperBound, let d = ASCII.digit(value[index]) {
        octet = octet * 10 + d
        index += 1
      }
      let length = index - start
      guard length >= 1 && length <= 3, octet <= 255 else { return false }
      guard length == 1 || value[start] != UInt8(ascii: "0") else { return false }
      octets += 1
      if index == range.upperBound { break }
      guard value[index] == UInt8(ascii: "."), octets < 4 else { return false }
      index += 1
      guard index < range.upperBound else { return false }  // a trailing dot
    }
    return octets == 4
  }
}
