/// German tax identification numbers, the *steuerliche Identifikationsnummer* (§ 139b AO;
/// Bundeszentralamt für Steuern, "Aufbau der IdNr").
///
/// Eleven digits, the first not 0. Among the first ten digits exactly one digit occurs twice or
/// three times and every other digit at most once; a digit occurring three times must not fill
/// three adjacent positions (the rule for numbers issued since 2016). The eleventh digit is the
/// ISO/IEC 7064 MOD 11,10 check digit of the first ten. `.confirmed` when all of this holds.
public enum GermanTaxID {
  /// `.confirmed` for a valid IdNr, else `.rejected`.
  public static func verdict(_ digits: [UInt8]) -> Verdict {
    guard digits.count == 11, ASCII.isAllDigits(digits), digits[0] != UInt8(ascii: "0") else {
      return .rejected
    }
    // Bit sets of the digits seen at least once, twice and three times.
    var once: UInt16 = 0
    var twice: UInt16 = 0
    var thrice: UInt16 = 0
    var product = 10
    for index in 0..<10 {
      let d = Int(digits[index] &- 0x30)
      let bit = UInt16(1) << UInt16(d)
      if thrice & bit != 0 {
        return .rejected  // a fourth occurrence
      } else if twice & bit != 0 {
        // The third occurrence: it must not complete a run of three adjacent digits.
        guard digits[index - 1] != digits[index] || digits[index - 2] != digits[index] else {
          return .rejected
        }
        thrice |= bit
      } else if once & bit != 0 {
        guard twice == 0 else { return .rejected }  // a second repeated digit
        twice |= bit
      } else {
        once |= bit
      }
      // ISO/IEC 7064 MOD 11,10, one step per digit.
      var sum = (d + product) % 10
      if sum == 0 { sum = 10 }
      product = (sum * 2) % 11
    }
    guard twice != 0 else { return .rejected }  // no repeated digit at all
    let check = (11 - product) % 10
    return check == Int(digits[10] &- 0x30) ? .confirmed : .rejected
  }
}
