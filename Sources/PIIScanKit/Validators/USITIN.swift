/// US Individual Taxpayer Identification Number: 9 digits, `9XX-GG-XXXX`.
///
/// An ITIN starts with 9 and its group (4th–5th digits) lies in 50–65, 70–88, 90–92 or 94–99
/// (IRS, "Individual Taxpayer Identification Number (ITIN)", and IRS Publication 1915). There is
/// no check digit, so a value with this structure is `.confirmed`.
public enum USITIN {
  /// `.confirmed` when the structure holds, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 9, let digits = ASCIIByte.digits(value), digits[0] == 9 else {
      return .rejected
    }
    let group = digits[3] * 10 + digits[4]
    switch group {
    case 50...65, 70...88, 90...92, 94...99: return .confirmed
    default: return .rejected
    }
  }
}
