/// Irish Personal Public Service Numbers (Department of Social Protection; Revenue, "PPSN
/// format" and the check-character algorithm shared with Irish VAT numbers).
///
/// Seven digits, a check letter and an optional second letter, in either case. The check letter
/// is `WABCDEFGHIJKLMNOPQRSTUV[(Σ (8 − i)·dᵢ + 9·v) mod 23]`, where `v` is the second letter's
/// value: `A`–`I` count 1–9 (the 2013 format, e.g. `A` for individuals, `H` for non-personal
/// numbers); `W` (the old format for married women), `T` and `X`, or no letter, count 0.
/// `.confirmed` when the check letter matches, else `.rejected`.
public enum IrishPPSN {
  private static let alphabet: [UInt8] = Array("WABCDEFGHIJKLMNOPQRSTUV".utf8)

  /// `.confirmed` for a PPSN with a valid check letter, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 8 || value.count == 9, ASCII.isAllDigits(value, 0..<7) else {
      return .rejected
    }
    var sum = 0
    for index in 0..<7 { sum += (8 - index) * Int(value[index] &- 0x30) }
    if value.count == 9 {
      let second = ASCII.uppercased(value[8])
      switch second {
      case UInt8(ascii: "A")...UInt8(ascii: "I"): sum += 9 * Int(second - UInt8(ascii: "A") + 1)
      case UInt8(ascii: "W"), UInt8(ascii: "T"), UInt8(ascii: "X"): break
      default: return .rejected
      }
    }
    return ASCII.uppercased(value[7]) == alphabet[sum % 23] ? .confirmed : .rejected
  }
}
