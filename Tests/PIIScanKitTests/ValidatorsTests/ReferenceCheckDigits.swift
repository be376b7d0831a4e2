import TestSupport

/// Check-digit computations restated from each specification, independently of the code under
/// test, to build valid candidates for the differential tests. Values are ASCII bytes.
enum ReferenceCheckDigits {
  static func value(_ byte: UInt8) -> Int { Int(byte) - 0x30 }

  /// ISO/IEC 7812-1 Luhn: the digit that makes `body` + digit valid.
  static func luhn(_ body: [UInt8]) -> UInt8 {
    var sum = 0
    for (offset, byte) in body.reversed().enumerated() {
      let d = value(byte)
      sum += offset % 2 == 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d
    }
    return UInt8(0x30 + (10 - sum % 10) % 10)
  }

  /// ISO 7064 MOD 97-10 over `digitsAndLetters` (letters A–Z as 10–35, either case).
  static func mod97(_ text: [UInt8]) -> Int {
    var remainder = 0
    for byte in text {
      switch byte {
      case 0x30...0x39: remainder = (remainder * 10 + value(byte)) % 97
      case 0x41...0x5A: remainder = (remainder * 100 + Int(byte) - 0x41 + 10) % 97
      default: remainder = (remainder * 100 + Int(byte) - 0x61 + 10) % 97
      }
    }
    return remainder
  }

  /// The decimal number spelled by `value[range]` (ASCII digits).
  static func number(_ value: [UInt8], _ range: Range<Int>) -> Int {
    value[range].reduce(0) { $0 * 10 + self.value($1) }
  }

  /// Σ weights[i] · digit[i] over the leading digits.
  static func weightedSum(_ digits: [UInt8], _ weights: [Int]) -> Int {
    zip(digits, weights).reduce(0) { $0 + value($1.0) * $1.1 }
  }

  /// ISO/IEC 7064 MOD 11,10 check digit.
  static func iso7064Mod11And10(_ digits: [UInt8]) -> UInt8 {
    var product = 10
    for byte in digits {
      var sum = (value(byte) + product) % 10
      if sum == 0 { sum = 10 }
      product = (2 * sum) % 11
    }
    return UInt8(0x30 + (11 - product) % 10)
  }

  /// `n` as `width` zero-padded ASCII digits.
  static func padded(_ n: Int, width: Int) -> [UInt8] {
    var digits: [UInt8] = []
    var rest = n
    for _ in 0..<width {
      digits.insert(UInt8(0x30 + rest % 10), at: 0)
      rest /= 10
    }
    return digits
  }

  /// Days in a Gregorian month.
  static func daysIn(month: Int, year: Int) -> Int {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  }

  /// A random existing date in `years`.
  static func date(in years: ClosedRange<Int>, using rng: inout SeededRandom) -> (
    year: Int, month: Int, day: Int
  ) {
    let year = rng.int(in: years)
    let month = rng.int(in: 1...12)
    return (year, month, rng.int(in: 1...daysIn(month: month, year: year)))
  }

  /// Lower-cases ASCII letters with probability 1/4 per value (case-insensitive formats).
  static func maybeLowercased(_ value: [UInt8], using rng: inout SeededRandom) -> [UInt8] {
    guard rng.chance(1, in: 4) else { return value }
    return value.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
  }
}
