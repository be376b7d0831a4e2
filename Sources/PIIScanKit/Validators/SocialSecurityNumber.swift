/// United States Social Security numbers: the Social Security Administration's structure rules.
///
/// An SSN has no check digit; the rules are the validation. Nine digits `AAAGGSSSS` are
/// `.confirmed` unless the area is 000, 666 or 900–999, the group is 00, the serial is 0000
/// (SSA, "Social Security Number Randomization", 2011; POMS RM 10201.035), or the number is one
/// of the advertising samples the SSA has voided: 078-05-1120 (the Woolworth wallet card) and
/// 219-09-9999 (an SSA pamphlet). Everything else is `.rejected`.
public enum SocialSecurityNumber {
  /// `.confirmed` for nine digits passing the SSA rules, else `.rejected`.
  public static func verdict(_ digits: [UInt8]) -> Verdict {
    guard digits.count == 9,
      let area = ASCII.number(digits, at: 0, count: 3),
      let group = ASCII.number(digits, at: 3, count: 2),
      let serial = ASCII.number(digits, at: 5, count: 4)
    else { return .rejected }
    guard area != 0, area != 666, area < 900, group != 0, serial != 0 else { return .rejected }
    if area == 78 && group == 5 && serial == 1120 { return .rejected }
    if area == 219 && group == 9 && serial == 9999 { return .rejected }
    return .confirmed
  }
}
