/// South Korean Resident Registration Number: `YYMMDD-SBBBBNC`, 13 digits.
///
/// The 7th digit gives sex and century (9, 0: 1800s; 1, 2, 5, 6: 1900s; 3, 4, 7, 8: 2000s).
/// Numbers assigned before 5 October 2020 end in a check digit
/// `(11 − Σ dᵢ·wᵢ mod 11) mod 10` with weights 2,3,4,5,6,7,8,9,2,3,4,5. Numbers assigned from
/// then on (Enforcement Rules of the Resident Registration Act, amended 2020) have random digits
/// after the 7th and no check digit, so a birth date on or after 2020-10-05 gives
/// `.unverifiable` when the date is valid.
public enum KoreaRRN {
  private static let weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]

  /// `.confirmed`/`.rejected` on the check digit; `.unverifiable` for post-2020 numbers.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 13, let digits = ASCIIByte.digits(value) else { return .rejected }
    let century: Int
    switch digits[6] {
    case 9, 0: century = 1800
    case 1, 2, 5, 6: century = 1900
    default: century = 2000
    }
    let year = century + digits[0] * 10 + digits[1]
    let month = digits[2] * 10 + digits[3]
    let day = digits[4] * 10 + digits[5]
    guard CivilDate.isValid(year: year, month: month, day: day) else { return .rejected }
    if (year, month, day) >= (2020, 10, 5) { return .unverifiable }
    var sum = 0
    for (digit, weight) in zip(digits, weights) { sum += digit * weight }
    return (11 - sum % 11) % 10 == digits[12] ? .confirmed : .rejected
  }
}
