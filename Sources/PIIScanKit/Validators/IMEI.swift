/// International Mobile Equipment Identity (3GPP TS 23.003 §6.2): 14 digits (TAC + serial) and
/// a Luhn check digit, 15 in all.
///
/// The check digit is never transmitted (TS 23.003 §6.2.1), so a 14-digit IMEI or a 16-digit
/// IMEISV (software version instead of check digit) is `.unverifiable`.
public enum IMEI {
  /// `.confirmed`/`.rejected` on Luhn for 15 digits; `.unverifiable` for 14 or 16 digits.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.allSatisfy(ASCIIByte.isDigit) else { return .rejected }
    switch value.count {
    case 15: return Luhn.verdict(value)
    case 14, 16: return .unverifiable
    default: return .rejected
    }
  }
}
