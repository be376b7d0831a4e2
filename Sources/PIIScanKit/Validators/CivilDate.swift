/// Proleptic Gregorian calendar checks for the birth dates embedded in national ID numbers.
enum CivilDate {
  /// True when `year` is a Gregorian leap year.
  static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// True when `year`-`month`-`day` exists in the Gregorian calendar.
  static func isValid(year: Int, month: Int, day: Int) -> Bool {
    guard month >= 1 && month <= 12 && day >= 1 else { return false }
    let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    let length = month == 2 && isLeapYear(year) ? 29 : lengths[month - 1]
    return day <= length
  }
}
