/// Polish national identification numbers, PESEL (Ustawa o ewidencji ludności, 2010; Ministry
/// of Digital Affairs, "Numer PESEL").
///
/// Eleven digits `YYMMDDZZZXQ`. The month carries the century: 01–12 for 1900–1999, 21–32 for
/// 2000–2099, 41–52 for 2100–2199, 61–72 for 2200–2299 and 81–92 for 1800–1899, and the date
/// must exist in that century. The last digit is `(10 − (Σ wᵢ·dᵢ mod 10)) mod 10` with weights
/// 1, 3, 7, 9, 1, 3, 7, 9, 1, 3. `.confirmed` when both hold.
public enum PolishPESEL {
  /// The century of each month block of 20: months 01–12, 21–32, 41–52, 61–72, 81–92.
  private static let centuries = [1900, 2000, 2100, 2200, 1800]
  private static let weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]

  /// `.confirmed` for a PESEL with a valid date and check digit, else `.rejected`.
  public static func verdict(_ digits: [UInt8]) -> Verdict {
    guard digits.count == 11, ASCII.isAllDigits(digits),
      let year = ASCII.number(digits, at: 0, count: 2),
      let codedMonth = ASCII.number(digits, at: 2, count: 2),
      let day = ASCII.number(digits, at: 4, count: 2)
    else { return .rejected }
    let month = codedMonth % 20
    guard codedMonth / 20 < centuries.count,
      CalendarDate.isValid(year: centuries[codedMonth / 20] + year, month: month, day: day)
    else { return .rejected }
    var sum = 0
    for index in 0..<10 { sum += weights[index] * Int(digits[index] &- 0x30) }
    return (10 - sum % 10) % 10 == Int(digits[10] &- 0x30) ? .confirmed : .rejected
  }
}
