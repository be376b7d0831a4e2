/// NHS numbers of England, Wales and the Isle of Man (NHS Data Dictionary, "NHS Number").
///
/// Ten digits; the tenth is a modulus-11 check digit over the first nine with weights 10 down
/// to 2: `check = 11 − (sum mod 11)`, where 11 becomes 0 and 10 means the nine digits are never
/// issued (so no tenth digit makes them valid).
public enum NHSNumber {
  /// `.confirmed` for ten digits with a valid check digit, else `.rejected`.
  public static func verdict(_ digits: [UInt8]) -> Verdict {
    guard digits.count == 10, ASCII.isAllDigits(digits) else { return .rejected }
    var sum = 0
    for index in 0..<9 { sum += (10 - index) * Int(digits[index] &- 0x30) }
    let check = 11 - sum % 11
    guard check != 10 else { return .rejected }
    return check % 11 == Int(digits[9] &- 0x30) ? .confirmed : .rejected
  }
}
