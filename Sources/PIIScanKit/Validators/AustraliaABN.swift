/// Australian Business Number: 11 digits, the first two check digits.
///
/// Subtract 1 from the first digit, weight the digits 10,1,3,5,7,9,11,13,15,17,19, and the sum
/// must be divisible by 89 (Australian Business Register, "ABN format").
public enum AustraliaABN {
  private static let weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]

  /// `.confirmed` when the mod-89 check holds, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 11, var digits = ASCIIByte.digits(value), digits[0] >= 1 else {
      return .rejected
    }
    digits[0] -= 1
    var sum = 0
    for (digit, weight) in zip(digits, weights) { sum += digit * weight }
    return sum % 89 == 0 ? .confirmed : .rejected
  }
}
