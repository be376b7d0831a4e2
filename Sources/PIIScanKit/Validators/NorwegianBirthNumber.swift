/// Norwegian national identity numbers, *fødselsnummer*, and D-numbers (Skatteetaten,
/// "Fødselsnummer"; Folkeregisterforskriften §2-2-1).
///
/// Eleven digits `DDMMYYIIIKK`. Two modulus-11 check digits: `k1` with weights 3, 7, 6, 1, 8, 9,
/// 4, 5, 2 over the first nine digits and `k2` with weights 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 over the
/// first ten, each `11 − (sum mod 11)` with 11 → 0 and 10 never issued. The date must exist:
/// D-numbers add 40 to the day, H-numbers (health service) 40 to the month. The century comes
/// from the individual number: 000–499 → 1900s; 500–749 with year ≥ 54 → 1800s; 500–999 with
/// year < 40 → 2000s; 900–999 with year ≥ 40 → 1900s; other combinations are never issued.
/// `.confirmed` when all holds, else `.rejected` (FH-numbers, day ≥ 80, carry no date and are
/// `.rejected` too).
public enum NorwegianBirthNumber {
  private static let firstWeights = [3, 7, 6, 1, 8, 9, 4, 5, 2]
  private static let secondWeights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

  /// `.confirmed` for a fødselsnummer or D-number with valid check digits and date.
  public static func verdict(_ digits: [UInt8]) -> Verdict {
    guard digits.count == 11, ASCII.isAllDigits(digits),
      checkDigit(digits, weights: firstWeights) == Int(digits[9] &- 0x30),
      checkDigit(digits, weights: secondWeights) == Int(digits[10] &- 0x30),
      var day = ASCII.number(digits, at: 0, count: 2),
      var month = ASCII.number(digits, at: 2, count: 2),
      let year = ASCII.number(digits, at: 4, count: 2),
      let individual = ASCII.number(digits, at: 6, count: 3)
    else { return .rejected }
    guard day < 80 else { return .rejected }  // FH-number: no date
    if day > 40 { day -= 40 }  // D-number
    if month > 40 { month -= 40 }  // H-number
    let century: Int
    switch individual {
    case 0..<500: century = 1900
    case 500..<750 where year >= 54: century = 1800
    case 500..<1000 where year < 40: century = 2000
    case 900..<1000 where year >= 40: century = 1900
    default: return .rejected
    }
    return CalendarDate.isValid(year: century + year, month: month, day: day)
      ? .confirmed : .rejected
  }

  /// The modulus-11 check digit for `weights.count` leading digits, or -1 when it would be 10.
  private static func checkDigit(_ digits: [UInt8], weights: [Int]) -> Int {
    var sum = 0
    for (index, weight) in weights.enumerated() { sum += weight * Int(digits[index] &- 0x30) }
    let check = (11 - sum % 11) % 11
    return check == 10 ? -1 : check
  }
}
