/// Swedish personal identity numbers, *personnummer* (Folkbokföringslag 1991:481 §18;
/// Skatteverket SKV 704), and coordination numbers, *samordningsnummer* (SKV 707).
///
/// Ten digits `YYMMDDNNNC` or twelve `CCYYMMDDNNNC`, after the `-`/`+` separator was stripped.
/// The date must exist; coordination numbers add 60 to the day (61–91). With twelve digits the
/// century must be 18, 19 or 20 and decides February 29; with ten it is unknown and February 29
/// needs a year divisible by four. The last digit is the Luhn check digit of the last ten
/// digits. `.confirmed` when all holds.
public enum SwedishPersonalNumber {
  /// `.confirmed` for a personnummer or samordningsnummer with a valid date and Luhn digit,
  /// else `.rejected`.
  public static func verdict(_ digits: [UInt8]) -> Verdict {
    guard digits.count == 10 || digits.count == 12, ASCII.isAllDigits(digits) else {
      return .rejected
    }
    let offset = digits.count - 10
    guard let yearOfCentury = ASCII.number(digits, at: offset, count: 2),
      let month = ASCII.number(digits, at: offset + 2, count: 2),
      var day = ASCII.number(digits, at: offset + 4, count: 2)
    else { return .rejected }
    if day > 60 { day -= 60 }  // samordningsnummer
    if offset == 2 {
      guard let century = ASCII.number(digits, at: 0, count: 2), century >= 18 && century <= 20,
        CalendarDate.isValid(year: century * 100 + yearOfCentury, month: month, day: day)
      else { return .rejected }
    } else {
      guard CalendarDate.isValid(yearOfCentury: yearOfCentury, month: month, day: day) else {
        return .rejected
      }
    }
    return Luhn.isValid(digits, offset..<digits.count) ? .confirmed : .rejected
  }
}
