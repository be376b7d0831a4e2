/// ABA routing transit numbers of US banks: the American Bankers Association check digit.
///
/// Nine digits; `3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9)` must be a multiple of 10 (ABA Key to
/// Routing Numbers; the weights 3, 7, 1 repeat). The first two digits must be a Federal Reserve
/// routing symbol: 00–12 (banks), 21–32 (thrifts), 61–72 (electronic), 80 (traveler's checks).
/// All zeros passes the sum but is a placeholder and is `.rejected`.
public enum ABARoutingNumber {
  /// `.confirmed` for a routing number with a valid prefix and check digit, else `.rejected`.
  public static func verdict(_ digits: [UInt8]) -> Verdict {
    guard digits.count == 9, ASCII.isAllDigits(digits),
      let prefix = ASCII.number(digits, at: 0, count: 2)
    else { return .rejected }
    switch prefix {
    case 0...12, 21...32, 61...72, 80: break
    default: return .rejected
    }
    var sum = 0
    var nonZero = false
    for index in 0..<9 {
      let d = Int(digits[index] &- 0x30)
      nonZero = nonZero || d != 0
      let weight = index % 3 == 0 ? 3 : (index % 3 == 1 ? 7 : 1)
      sum += weight * d
    }
    return nonZero && sum % 10 == 0 ? .confirmed : .rejected
  }
}
