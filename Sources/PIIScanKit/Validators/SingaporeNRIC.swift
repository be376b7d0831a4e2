/// Singapore NRIC / FIN: a series letter, 7 digits and a check letter.
///
/// Weights 2,7,6,5,4,3,2 over the digits; series T and G add 4, M adds 3. S/T take the letter
/// at index (sum mod 11) of `JZIHGFEDCBA`, F/G of `XWUTRQPNMLK`; the M series (from 2022) takes
/// index 10 − (sum mod 11) of `KLJNPQRTUWX` (ICA; GovTech FormSG `nric-validation.ts`,
/// `isNricValid` and `isMFinSeriesValid`). Lower case is folded.
public enum SingaporeNRIC {
  private static let weights = [2, 7, 6, 5, 4, 3, 2]
  private static let citizenLetters: [UInt8] = Array("JZIHGFEDCBA".utf8)
  private static let foreignerLetters: [UInt8] = Array("XWUTRQPNMLK".utf8)
  private static let mSeriesLetters: [UInt8] = Array("KLJNPQRTUWX".utf8)

  /// `.confirmed` when the check letter matches, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 9, let digits = ASCIIByte.digits(Array(value[1..<8])) else {
      return .rejected
    }
    var sum = 0
    for (digit, weight) in zip(digits, weights) { sum += digit * weight }
    let expected: UInt8
    switch ASCIIByte.upper(value[0]) {
    case UInt8(ascii: "S"): expected = citizenLetters[sum % 11]
    case UInt8(ascii: "T"): expected = citizenLetters[(sum + 4) % 11]
    case UInt8(ascii: "F"): expected = foreignerLetters[sum % 11]
    case UInt8(ascii: "G"): expected = foreignerLetters[(sum + 4) % 11]
    case UInt8(ascii: "M"): expected = mSeriesLetters[10 - (sum + 3) % 11]
    default: return .rejected
    }
    return ASCIIByte.upper(value[8]) == expected ? .confirmed : .rejected
  }
}
