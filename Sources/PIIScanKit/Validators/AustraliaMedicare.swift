/// Australian Medicare card number: 10 digits (8-digit identifier, check digit, issue number),
/// optionally followed by the 1-digit individual reference number.
///
/// The first digit is 2–6; the 9th digit is Σ dᵢ·wᵢ mod 10 over the first 8 with weights
/// 1,3,7,9,1,3,7,9 (Services Australia's Medicare card number check-digit algorithm). The
/// issue and reference digits carry no check.
public enum AustraliaMedicare {
  private static let weights = [1, 3, 7, 9, 1, 3, 7, 9]

  /// `.confirmed` when the first digit and check digit hold, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 10 || value.count == 11, let digits = ASCIIByte.digits(value),
      (2...6).contains(digits[0])
    else { return .rejected }
    var sum = 0
    for (digit, weight) in zip(digits, weights) { sum += digit * weight }
    return sum % 10 == digits[8] ? .confirmed : .rejected
  }
}
