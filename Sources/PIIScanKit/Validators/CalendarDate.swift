/// Proleptic Gregorian calendar checks for the birth dates embedded in national identifiers.
///
/// Validators never consult the clock: a date in the future is still a well-formed date, so
/// results are reproducible (STYLE.md §1). Where an identifier stores only two year digits and
/// the century cannot be recovered, callers pass `year: nil` and February 29 is accepted only
/// for two-digit years divisible by four.
enum CalendarDate {
  /// True for a Gregorian leap year.
  static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The number of days in `month` (1–12) of `year`, or 0 for a month outside 1–12.
  static func daysInMonth(_ month: Int, year: Int) -> Int {
    switch month {
    case 1, 3, 5, 7, 8, 10, 12: return 31
    case 4, 6, 9, 11: return 30
    case 2: return isLeapYear(year) ? 29 : 28
    default: return 0
    }
  }

  /// True when `day`.`month`.`year` exists.
  static func isValid(year: Int, month: Int, day: Int) -> Bool {
    day >= 1 && day <= daysInMonth(month, year: year)
  }

  /// True when `day`.`month` exists in some year ending in the two digits `yearOfCentury`.
  ///
  /// Used when the century is unknown: February 29 needs `yearOfCentury % 4 == 0`.
  static func isValid(yearOfCentury: Int, month: Int, day: Int) -> Bool {
    // 2000 is a leap year, so `00` may be one; any other multiple of four always is.
    isValid(year: 2000 + yearOfCentury, month: month, day: day)
  }
}
