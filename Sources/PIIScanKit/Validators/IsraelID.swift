/// Israeli Teudat Zehut number: up to 9 digits, left-padded with zeros to 9.
///
/// Digits are weighted 1,2,1,2,… from the left, two-digit products replaced by their digit sum,
/// and the total must be divisible by 10; on 9 digits this is exactly Luhn (Population and
/// Immigration Authority; python-stdnum `stdnum.il.idnr`). All zeros is rejected.
public enum IsraelID {
  /// `.confirmed` when the padded number passes the check, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard (1...9).contains(value.count), value.allSatisfy(ASCIIByte.isDigit),
      value.contains(where: { $0 != UInt8(ascii: "0") })
    else { return .rejected }
    let padded = [UInt8](repeating: UInt8(ascii: "0"), count: 9 - value.count) + value
    return Luhn.verdict(padded)
  }
}
