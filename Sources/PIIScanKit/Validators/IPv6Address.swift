/// IPv6 addresses in the text forms of RFC 4291 §2.2 (as recommended by RFC 5952).
///
/// Takes the raw matched value, colons included: this validator is used with an empty
/// `normalize`. Groups are 1–4 hex digits (either case), at most eight; `::` stands for one or
/// more zero groups and appears at most once; the last 32 bits may be written as a dotted quad
/// (`::ffff:192.0.2.1`), which must itself be canonical (see ``IPv4Address``).
///
/// `.rejected` besides malformed text: a bare `::` (the unspecified address, which is noise in
/// logs rather than an address of anyone), zone identifiers (`%eth0`), and short colon runs such
/// as the timestamp `12:34:56`, which has three groups and no `::`.
public enum IPv6Address {
  /// `.confirmed` for a well-formed IPv6 address, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    isValid(value) ? .confirmed : .rejected
  }

  private static func isValid(_ value: [UInt8]) -> Bool {
    let colon = UInt8(ascii: ":")
    let count = value.count
    // The longest text form is 45 bytes: six full groups and a 15-byte dotted quad.
    guard count >= 3 && count <= 45 else { return false }
    var groups = 0
    var compressed = false
    var index = 0
    if value[0] == colon {
      guard value[1] == colon else { return false }  // a lone leading colon
      compressed = true
      index = 2
    }
    while index < count {
      let start = index
      while index < count, ASCII.hexValue(value[index]) != nil { index += 1 }
      if index < count && value[index] == UInt8(ascii: ".") {
        // The embedded IPv4 tail: it runs to the end and takes the place of two groups.
        guard IPv4Address.isDottedQuad(value, start..<count) else { return false }
        groups += 2
        index = count
        break
      }
      let length = index - start
      guard length >= 1 && length <= 4 else { return false }
      groups += 1
      if index == count { break }
      guard value[index] == colon else { return false }
      index += 1
      guard index < count else { return false }  // a lone trailing colon
      if value[index] == colon {
        guard !compressed else { return false }  // `::` twice
        compressed = true
        index += 1
      }
    }
    guard groups >= 1 else { return false }  // the bare `::`
    return compressed ? groups <= 7 : groups == 8
  }
}
