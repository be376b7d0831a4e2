/// US National Provider Identifier: 10 digits whose last digit is a Luhn check digit computed
/// with the ISO 7812 health-industry prefix `80840` in front (CMS, "Requirements for National
/// Provider Identifier (NPI) and NPI Enumerator Check Digit Algorithm", 2008).
public enum USNPI {
  private static let prefix: [UInt8] = Array("80840".utf8)

  /// `.confirmed` when Luhn over `80840` + the 10 digits holds, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 10, value.allSatisfy(ASCIIByte.isDigit) else { return .rejected }
    return Luhn.verdict(prefix + value)
  }
}
