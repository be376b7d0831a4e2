/// South African identity number: `YYMMDD SSSS C A Z`, 13 digits.
///
/// Birth date YYMMDD, 4-digit sequence (0000–4999 female, 5000–9999 male), citizenship
/// (0 citizen, 1 permanent resident, 2 refugee), a formerly racial digit, and a Luhn check digit
/// over all 13 (Department of Home Affairs; Identification Act 68 of 1997). The century is not
/// encoded, so 29 February is accepted whenever YY is a multiple of 4 (2000 was a leap year).
public enum SouthAfricaID {
  /// `.confirmed` when date, citizenship and Luhn hold, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 13, let digits = ASCIIByte.digits(value) else { return .rejected }
    let yy = digits[0] * 10 + digits[1]
    // 2000 + yy has the same leap status as 1900 + yy for yy ≠ 0, and 2000 is a leap year.
    guard
      CivilDate.isValid(
        year: 2000 + yy, month: digits[2] * 10 + digits[3],
        day: digits[4] * 10 + digits[5])
    else { return .rejected }
    guard digits[10] <= 2 else { return .rejected }
    return Luhn.verdict(value)
  }
}
