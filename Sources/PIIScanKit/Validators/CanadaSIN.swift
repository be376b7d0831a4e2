/// Canadian Social Insurance Number: 9 digits with a Luhn check digit (ISO/IEC 7812-1).
///
/// The first digit names the issuing region; 0 is never issued and 8 is unassigned
/// (Employment and Social Development Canada, "Social Insurance Number — Code of Practice";
/// python-stdnum `stdnum.ca.sin`).
public enum CanadaSIN {
  /// `.confirmed` for 9 digits, first digit not 0 or 8, valid Luhn; else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 9, value.allSatisfy(ASCIIByte.isDigit) else { return .rejected }
    guard value[0] != UInt8(ascii: "0") && value[0] != UInt8(ascii: "8") else { return .rejected }
    return Luhn.verdict(value)
  }
}
