/// ISO/IEC 7812-1 Annex B, the Luhn mod-10 check digit.
public enum Luhn {
  /// True when `digits` (ASCII `0`–`9` only) has a valid Luhn check digit as its last digit.
  public static func isValid(_ digits: [UInt8]) -> Bool {
    isValid(digits, digits.startIndex..<digits.endIndex)
  }

  /// True when `digits[range]` (ASCII `0`–`9` only) has a valid Luhn check digit as its last
  /// digit; lets callers check part of a value without copying it.
  static func isValid(_ digits: [UInt8], _ range: Range<Int>) -> Bool {
    guard range.count >= 2 else { return false }
    var sum = 0
    var double = false
    for byte in digits[range].reversed() {
      guard byte >= 0x30 && byte <= 0x39 else { return false }
      var d = Int(byte &- 0x30)
      if double {
        d &*= 2
        if d > 9 { d &-= 9 }
      }
      sum &+= d
      double.toggle()
    }
    return sum % 10 == 0
  }

  /// `.confirmed` for a valid Luhn string, else `.rejected`.
  public static func verdict(_ digits: [UInt8]) -> Verdict {
    isValid(digits) ? .confirmed : .rejected
  }
}
