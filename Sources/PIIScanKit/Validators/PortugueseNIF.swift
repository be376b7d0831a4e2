/// Portuguese tax identification numbers, *número de identificação fiscal* (Decreto-Lei
/// n.º 14/2013; Autoridade Tributária, ranges as summarised in Portuguese Wikipedia, "Número de
/// identificação fiscal").
///
/// Nine digits; the last is `11 − (Σ wᵢ·dᵢ mod 11)` with weights 9 down to 2 (10 and 11 become
/// 0). The leading digits must be an allocated range: 1, 2, 3 (individuals), 45 (non-resident
/// individuals), 5 (companies), 6 (public bodies), 70, 71, 72, 74, 75, 77, 78, 79 (estates,
/// funds, official assignments), 8 (sole traders, historical), 90, 91, 98, 99 (condominiums,
/// non-residents, civil partnerships). `.confirmed` when both hold, else `.rejected`.
public enum PortugueseNIF {
  /// `.confirmed` for an allocated NIF range with a valid check digit, else `.rejected`.
  public static func verdict(_ digits: [UInt8]) -> Verdict {
    guard digits.count == 9, ASCII.isAllDigits(digits),
      let prefix = ASCII.number(digits, at: 0, count: 2)
    else { return .rejected }
    switch prefix {
    case 10...39, 45, 50...69, 70, 71, 72, 74, 75, 77, 78, 79, 80...89, 90, 91, 98, 99: break
    default: return .rejected
    }
    var sum = 0
    for index in 0..<8 { sum += (9 - index) * Int(digits[index] &- 0x30) }
    return (11 - sum % 11) % 11 % 10 == Int(digits[8] &- 0x30) ? .confirmed : .rejected
  }
}
