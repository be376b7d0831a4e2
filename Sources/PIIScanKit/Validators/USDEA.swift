/// US DEA registration number: two letters and seven digits.
///
/// The first letter is the registrant type (A B C D E F G H J K L M P R S T U X); the second is
/// normally the initial of the registrant's surname. The last digit is
/// `(d1 + d3 + d5 + 2 × (d2 + d4 + d6)) mod 10` (DEA Diversion Control Division,
/// "Registration"; 21 CFR 1301). Letters are accepted in either case.
public enum USDEA {
  /// Registrant-type letters in use (DEA Form 224 / 225 / 363 business activities).
  private static let registrantTypes: [UInt8] = Array("ABCDEFGHJKLMPRSTUX".utf8)

  /// `.confirmed` when structure and check digit hold, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 9 else { return .rejected }
    let type = ASCIIByte.upper(value[0])
    let initial = ASCIIByte.upper(value[1])
    guard registrantTypes.contains(type), ASCIIByte.isUpperLetter(initial),
      let digits = ASCIIByte.digits(Array(value[2...]))
    else { return .rejected }
    let odd = digits[0] + digits[2] + digits[4]
    let even = digits[1] + digits[3] + digits[5]
    return (odd + 2 * even) % 10 == digits[6] ? .confirmed : .rejected
  }
}
