/// Italian fiscal codes of natural persons, the *codice fiscale* (Decreto Ministeriale
/// 23 dicembre 1976, "Sistemi di codificazione dei soggetti da iscrivere all'anagrafe
/// tributaria", and its omocodia rules).
///
/// Sixteen characters, letters in either case: six surname/name letters, two year digits, a
/// month letter (`ABCDEHLMPRST` for January–December), two day digits (plus 40 for women), a
/// letter and three digits for the place of birth, and a check letter. To resolve clashes
/// (*omocodia*) any of the seven digits may be replaced by the letter at the same index of
/// `LMNPQRSTUV`.
///
/// The check letter is `A + (sum mod 26)`, where the 15 characters at odd positions (1st, 3rd,
/// …) take the DM's "dispari" values and those at even positions their "pari" values (digit or
/// alphabet index). The date must exist: day 1–31 or 41–71 fitting the month; February 29 needs
/// a year divisible by four (the century is not stored). `.confirmed` when all holds.
public enum ItalianFiscalCode {
  /// The "dispari" values for `0`–`9`, then for `A`–`Z`.
  private static let oddDigitValues: [Int] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21]
  private static let oddLetterValues: [Int] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
  ]
  /// Month letters, January first.
  private static let months: [UInt8] = Array("ABCDEHLMPRST".utf8)
  /// Omocodia substitutes for the digits 0–9.
  private static let omocodia: [UInt8] = Array("LMNPQRSTUV".utf8)
  /// Bit `i` is set when position `i` holds a (possibly substituted) digit: 6, 7, 9, 10, 12,
  /// 13 and 14.
  private static let digitPositions: UInt16 = 0b0111_0110_1100_0000

  /// `.confirmed` for a well-formed code with a valid date and check letter, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 16 else { return .rejected }
    var sum = 0
    for index in 0..<15 {
      let byte = ASCII.uppercased(value[index])
      if digitPositions & (1 << UInt16(index)) != 0 {
        guard ASCII.isDigit(byte) || omocodia.contains(byte) else { return .rejected }
      } else if ASCII.letterIndex(byte) == nil {
        return .rejected
      }
      let isOddPosition = index % 2 == 0  // 1st, 3rd, … character
      if let d = ASCII.digit(byte) {
        sum += isOddPosition ? oddDigitValues[d] : d
      } else if let letter = ASCII.letterIndex(byte) {
        sum += isOddPosition ? oddLetterValues[letter] : letter
      }
    }
    guard ASCII.letterIndex(value[15]) == sum % 26 else { return .rejected }

    guard let month = months.firstIndex(of: ASCII.uppercased(value[8])) else { return .rejected }
    let year = decodedDigit(value[6]) * 10 + decodedDigit(value[7])
    var day = decodedDigit(value[9]) * 10 + decodedDigit(value[10])
    if day > 40 { day -= 40 }
    guard day <= 31,
      CalendarDate.isValid(yearOfCentury: year, month: month + 1, day: day)
    else { return .rejected }
    return .confirmed
  }

  /// The digit a date character stands for, undoing omocodia (checked above to be one or the
  /// other).
  private static func decodedDigit(_ byte: UInt8) -> Int {
    let upper = ASCII.uppercased(byte)
    return ASCII.digit(upper) ?? omocodia.firstIndex(of: upper) ?? 0
  }
}
