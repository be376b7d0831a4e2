/// Turkish T.C. Kimlik No: 11 digits, first not 0, two check digits.
///
/// d10 = (7 × (d1 + d3 + d5 + d7 + d9) − (d2 + d4 + d6 + d8)) mod 10 and
/// d11 = (d1 + … + d10) mod 10 (Nüfus ve Vatandaşlık İşleri Genel Müdürlüğü; python-stdnum
/// `stdnum.tr.tckimlik`).
public enum TurkeyNationalID {
  /// `.confirmed` when both check digits hold, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 11, let digits = ASCIIByte.digits(value), digits[0] != 0 else {
      return .rejected
    }
    let odd = digits[0] + digits[2] + digits[4] + digits[6] + digits[8]
    let even = digits[1] + digits[3] + digits[5] + digits[7]
    let tenth = ((7 * odd - even) % 10 + 10) % 10
    var sum = 0
    for index in 0..<10 { sum += digits[index] }
    return tenth == digits[9] && sum % 10 == digits[10] ? .confirmed : .rejected
  }
}
