/// Danish personal identification numbers, CPR-nummer (CPR-kontoret, "Personnummeret i CPR";
/// "Modulus 11-kontrol", 2007).
///
/// Ten digits `DDMMYYSSSS`. Since 1 October 2007 numbers are issued without the old modulus-11
/// check (the office ran out of valid ones), so no checksum can be applied; the embedded birth
/// date is the rule checked here. The century comes from the seventh digit: 0–3 → 1900s; 4 and
/// 9 → 2000s for years 00–36, else 1900s; 5–8 → 2000s for years 00–57, else 1800s. `.confirmed`
/// when that date exists, else `.rejected`. (Returning `.confirmed` on a date alone is a
/// deliberate choice: it is the whole of what CPR defines today.)
public enum DanishCPR {
  /// `.confirmed` for ten digits whose birth date exists, else `.rejected`.
  public static func verdict(_ digits: [UInt8]) -> Verdict {
    guard digits.count == 10, ASCII.isAllDigits(digits),
      let day = ASCII.number(digits, at: 0, count: 2),
      let month = ASCII.number(digits, at: 2, count: 2),
      let yearOfCentury = ASCII.number(digits, at: 4, count: 2)
    else { return .rejected }
    let century: Int
    switch Int(digits[6] &- 0x30) {
    case 0...3: century = 1900
    case 4, 9: century = yearOfCentury <= 36 ? 2000 : 1900
    default: century = yearOfCentury <= 57 ? 2000 : 1800
    }
    return CalendarDate.isValid(year: century + yearOfCentury, month: month, day: day)
      ? .confirmed : .rejected
  }
}
