/// Australian Tax File Number: 8 (older) or 9 digits with a weighted mod-11 check.
///
/// Σ dᵢ·wᵢ ≡ 0 (mod 11) with weights 1,4,3,7,5,8,6,9,10 for 9 digits and 10,7,8,4,6,3,5,1 for
/// 8 digits (Australian Taxation Office TFN algorithm, as documented in the Wikipedia article
/// "Tax file number").
public enum AustraliaTFN {
  private static let nineDigitWeights = [1, 4, 3, 7, 5, 8, 6, 9, 10]
  private static let eightDigitWeights = [10, 7, 8, 4, 6, 3, 5, 1]

  /// `.confirmed` when the weighted sum is divisible by 11, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard let digits = ASCIIByte.digits(value) else { return .rejected }
    let weights: [Int]
    switch digits.count {
    case 9: weights = nineDigitWeights
    case 8: weights = eightDigitWeights
    default: return .rejected
    }
    var sum = 0
    for (digit, weight) in zip(digits, weights) { sum += digit * weight }
    return sum % 11 == 0 ? .confirmed : .rejected
  }
}
