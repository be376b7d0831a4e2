/// UK National Insurance numbers (HMRC National Insurance Manual NIM39110).
///
/// Nine characters `LLNNNNNNS`, letters in either case: two prefix letters, six digits and a
/// suffix `A`–`D`. The first letter is not D, F, I, Q, U or V; the second is not D, F, I, O, Q,
/// U or V; and the prefixes BG, GB, KN, NK, NT, TN and ZZ are never allocated. There is no check
/// digit, so these rules are the validation: `.confirmed` when they hold, else `.rejected`.
/// (HMRC's own sample `QQ123456C` is deliberately invalid and is `.rejected`.) A number written
/// without its suffix is `.rejected` too: eight characters are too weak a signal.
public enum NationalInsuranceNumber {
  /// `.confirmed` for a number obeying HMRC's allocation rules, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 9, ASCII.isAllDigits(value, 2..<8),
      let suffix = ASCII.letterIndex(value[8]), suffix <= 3
    else { return .rejected }
    let first = ASCII.uppercased(value[0])
    let second = ASCII.uppercased(value[1])
    guard ASCII.letterIndex(first) != nil, ASCII.letterIndex(second) != nil else {
      return .rejected
    }
    switch first {
    case UInt8(ascii: "D"), UInt8(ascii: "F"), UInt8(ascii: "I"), UInt8(ascii: "Q"),
      UInt8(ascii: "U"), UInt8(ascii: "V"):
      return .rejected
    default: break
    }
    switch second {
    case UInt8(ascii: "D"), UInt8(ascii: "F"), UInt8(ascii: "I"), UInt8(ascii: "O"),
      UInt8(ascii: "Q"), UInt8(ascii: "U"), UInt8(ascii: "V"):
      return .rejected
    default: break
    }
    switch (first, second) {
    case (UInt8(ascii: "B"), UInt8(ascii: "G")), (UInt8(ascii: "G"), UInt8(ascii: "B")),
      (UInt8(ascii: "K"), UInt8(ascii: "N")), (UInt8(ascii: "N"), UInt8(ascii: "K")),
      (UInt8(ascii: "N"), UInt8(ascii: "T")), (UInt8(ascii: "T"), UInt8(ascii: "N")),
      (UInt8(ascii: "Z"), UInt8(ascii: "Z")):
      return .rejected
    default:
      return .confirmed
    }
  }
}
