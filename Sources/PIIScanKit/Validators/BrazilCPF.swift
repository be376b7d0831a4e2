/// Brazilian Cadastro de Pessoas Físicas: 11 digits, two mod-11 check digits.
///
/// d10 = (11 − Σ dᵢ·(11 − i) for i = 1…9 mod 11), d11 likewise over d1…d10 with weights 11…2;
/// a result of 10 or 11 becomes 0 (Receita Federal's published algorithm; python-stdnum
/// `stdnum.br.cpf`). Eleven equal digits pass the arithmetic but are never issued
/// and are the classic test placeholders, so they are rejected.
public enum BrazilCPF {
  /// `.confirmed` when both check digits hold and the digits are not all equal.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 11, let digits = ASCIIByte.digits(value) else { return .rejected }
    guard digits.contains(where: { $0 != digits[0] }) else { return .rejected }
    return checkDigit(digits, count: 9) == digits[9] && checkDigit(digits, count: 10) == digits[10]
      ? .confirmed : .rejected
  }

  /// The check digit over `digits[0..<count]`, weights `count + 1` down to 2.
  private static func checkDigit(_ digits: [Int], count: Int) -> Int {
    var sum = 0
    for index in 0..<count { sum += digits[index] * (count + 1 - index) }
    return (11 - sum % 11) % 11 % 10
  }
}
