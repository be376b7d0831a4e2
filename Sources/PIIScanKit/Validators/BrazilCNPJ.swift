/// Brazilian Cadastro Nacional da Pessoa Jurídica: 14 characters, two mod-11 check digits.
///
/// Weights 5,4,3,2,9,8,7,6,5,4,3,2 over the first 12 characters give d13; weights
/// 6,5,4,3,2,9,8,7,6,5,4,3,2 over the first 13 give d14; each is (11 − sum mod 11), with 10 and
/// 11 becoming 0. Since the alphanumeric CNPJ (Receita Federal, Instrução Normativa RFB
/// nº 2.229/2024, in use from July 2026) the first 12 characters may be `0`–`9` or `A`–`Z`,
/// each worth its ASCII code minus 48; the check digits stay numeric. Lower case is folded.
/// Fourteen equal digits (e.g. `00000000000000`) are placeholders and rejected.
public enum BrazilCNPJ {
  private static let firstWeights = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
  private static let secondWeights = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]

  /// `.confirmed` when both check digits hold, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 14 else { return .rejected }
    var values = [Int]()
    values.reserveCapacity(14)
    for index in 0..<12 {
      let byte = ASCIIByte.upper(value[index])
      guard ASCIIByte.isUpperAlphanumeric(byte) else { return .rejected }
      values.append(Int(byte) - 48)
    }
    guard let first = ASCIIByte.digit(value[12]), let second = ASCIIByte.digit(value[13]) else {
      return .rejected
    }
    values.append(first)
    values.append(second)
    guard values.contains(where: { $0 != values[0] }) else { return .rejected }
    return checkDigit(values, weights: firstWeights) == first
      && checkDigit(values, weights: secondWeights) == second ? .confirmed : .rejected
  }

  private static func checkDigit(_ values: [Int], weights: [Int]) -> Int {
    var sum = 0
    for (index, weight) in weights.enumerated() { sum += values[index] * weight }
    return (11 - sum % 11) % 11 % 10
  }
}
