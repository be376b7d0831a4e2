/// Spanish tax identification numbers of natural persons (Real Decreto 1065/2007, art. 18–20):
/// the DNI, the NIE and the K/L/M forms.
///
/// The check letter is `TRWAGMYFPDXBNJZSQVHLCKE[n mod 23]` (Ministerio del Interior, "Cálculo
/// del dígito de control del NIF/NIE"), where `n` is:
/// - DNI: the eight digits (`12345678Z`);
/// - NIE: the seven digits with the leading `X`, `Y` or `Z` read as 0, 1 or 2 (`X1234567L`);
/// - K (minors), L (non-resident Spaniards), M (foreigners without NIE): the seven digits.
///
/// Letters are accepted in either case. Company CIFs (`A`–`W` prefixes with a different check)
/// are not personal data and are `.rejected`, as is everything else that fails.
public enum SpanishNIF {
  private static let letters: [UInt8] = Array("TRWAGMYFPDXBNJZSQVHLCKE".utf8)

  /// `.confirmed` for a DNI, NIE or K/L/M number with the right letter, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 9, ASCII.isAllDigits(value, 1..<8) else { return .rejected }
    var number: Int
    switch ASCII.uppercased(value[0]) {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): number = Int(value[0] &- 0x30)
    case UInt8(ascii: "X"): number = 0
    case UInt8(ascii: "Y"): number = 1
    case UInt8(ascii: "Z"): number = 2
    case UInt8(ascii: "K"), UInt8(ascii: "L"), UInt8(ascii: "M"): number = 0
    default: return .rejected
    }
    for index in 1..<8 { number = number * 10 + Int(value[index] &- 0x30) }
    return ASCII.uppercased(value[8]) == letters[number % 23] ? .confirmed : .rejected
  }
}
