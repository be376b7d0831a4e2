/// Chinese Resident Identity Card number (GB 11643-1999): 18 characters.
///
/// Six-digit administrative division code (GB/T 2260; its first two digits a province-level
/// code), birth date YYYYMMDD, 3-digit sequence, and an ISO 7064 MOD 11-2 check character
/// (`X` for 10). Only the province is checked, not the full county table. Birth years outside
/// 1800–2099 are rejected. Lower-case `x` is accepted.
public enum ChinaResidentID {
  /// Province-level codes of GB/T 2260: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71 (Taiwan),
  /// 81 (Hong Kong), 82 (Macau).
  static func isProvince(_ code: Int) -> Bool {
    switch code {
    case 11...15, 21...23, 31...37, 41...46, 50...54, 61...65, 71, 81, 82: return true
    default: return false
    }
  }

  /// `.confirmed` when province, date and check character hold, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 18, let digits = ASCIIByte.digits(Array(value[0..<17])) else {
      return .rejected
    }
    let last = ASCIIByte.upper(value[17])
    let check: Int
    if last == UInt8(ascii: "X") {
      check = 10
    } else if let digit = ASCIIByte.digit(last) {
      check = digit
    } else {
      return .rejected
    }
    guard isProvince(digits[0] * 10 + digits[1]) else { return .rejected }
    let year = ASCIIByte.number(digits, 6..<10)
    guard year >= 1800 && year <= 2099,
      CivilDate.isValid(
        year: year, month: ASCIIByte.number(digits, 10..<12), day: ASCIIByte.number(digits, 12..<14)
      )
    else { return .rejected }
    // ISO 7064 MOD 11-2: weight of position i (0-based, 17 data digits) is 2^(17 − i) mod 11;
    // the check value c makes Σ + c ≡ 1 (mod 11).
    var sum = 0
    var weight = 1
    for index in stride(from: 16, through: 0, by: -1) {
      weight = weight * 2 % 11
      sum += digits[index] * weight
    }
    return (12 - sum % 11) % 11 == check ? .confirmed : .rejected
  }
}
