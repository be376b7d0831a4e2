/// Indian Aadhaar number: 12 digits, the last a Verhoeff check digit (UIDAI, "Aadhaar Number
/// Structure"); the first digit is never 0 or 1.
public enum IndiaAadhaar {
  /// `.confirmed` when the first digit is 2–9 and the Verhoeff check holds, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 12, let digits = ASCIIByte.digits(value), digits[0] >= 2 else {
      return .rejected
    }
    return Verhoeff.isValid(digits) ? .confirmed : .rejected
  }
}
