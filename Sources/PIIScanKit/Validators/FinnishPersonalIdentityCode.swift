/// Finnish personal identity codes, *henkilötunnus* or HETU (Väestötietolaki 661/2009 §11;
/// Digital and Population Data Services Agency (DVV), "The personal identity code").
///
/// Eleven characters `DDMMYYCNNNT`: a date, the century sign, a 3-digit individual number and a
/// check character. The century sign is part of the value (never stripped as a separator):
/// `+` for 1800–1899; `-`, `Y`, `X`, `W`, `V`, `U` for 1900–1999; `A`–`F` for 2000–2099 (the
/// extra letters date from the 2023 reform). The check character is
/// `0123456789ABCDEFHJKLMNPRSTUVWXY[DDMMYYNNN mod 31]`. Letters are accepted in either case.
///
/// `.confirmed` for a valid date, individual number 002–899 and check character.
/// `.unverifiable` when the check character is right but the individual number is 900–999:
/// DVV reserves that range for temporary identifiers, which are not population-register codes.
/// `.rejected` otherwise (including individual numbers 000 and 001, never issued).
public enum FinnishPersonalIdentityCode {
  private static let checkCharacters: [UInt8] = Array("0123456789ABCDEFHJKLMNPRSTUVWXY".utf8)

  /// `.confirmed`, `.unverifiable` or `.rejected` as described on the type.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 11, ASCII.isAllDigits(value, 0..<6), ASCII.isAllDigits(value, 7..<10),
      let day = ASCII.number(value, at: 0, count: 2),
      let month = ASCII.number(value, at: 2, count: 2),
      let yearOfCentury = ASCII.number(value, at: 4, count: 2),
      let individual = ASCII.number(value, at: 7, count: 3)
    else { return .rejected }
    let century: Int
    switch ASCII.uppercased(value[6]) {
    case UInt8(ascii: "+"): century = 1800
    case UInt8(ascii: "-"), UInt8(ascii: "Y"), UInt8(ascii: "X"), UInt8(ascii: "W"),
      UInt8(ascii: "V"), UInt8(ascii: "U"):
      century = 1900
    case UInt8(ascii: "A")...UInt8(ascii: "F"): century = 2000
    default: return .rejected
    }
    guard CalendarDate.isValid(year: century + yearOfCentury, month: month, day: day),
      individual >= 2
    else { return .rejected }
    let number = (day * 10_000 + month * 100 + yearOfCentury) * 1000 + individual
    guard ASCII.uppercased(value[10]) == checkCharacters[number % 31] else { return .rejected }
    return individual >= 900 ? .unverifiable : .confirmed
  }
}
