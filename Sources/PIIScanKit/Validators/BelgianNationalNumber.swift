/// Belgian national register numbers, *rijksregisternummer* / *numéro de registre national*
/// (Wet van 8 augustus 1983; Rijksregister, "Structuur van het rijksregisternummer").
///
/// Eleven digits `YYMMDDSSSCC`: birth date, a serial (odd for men, even for women) and a
/// 2-digit check `97 − (n mod 97)` over the first nine digits. For people born in 2000 or later
/// the check is computed over `2` followed by those nine digits; since the century is not
/// stored, either form is accepted. The month is 00–12 (00 when the date of birth was unknown);
/// the day is not checked, because the register writes 00 or a counter for unknown days (as
/// python-stdnum does). BIS numbers (month + 20 or + 40) are a different register and are
/// `.rejected`.
public enum BelgianNationalNumber {
  /// `.confirmed` for a national number with month 00–12 and a valid check, else `.rejected`.
  public static func verdict(_ digits: [UInt8]) -> Verdict {
    guard digits.count == 11, ASCII.isAllDigits(digits),
      let body = ASCII.number(digits, at: 0, count: 9),
      let month = ASCII.number(digits, at: 2, count: 2),
      let check = ASCII.number(digits, at: 9, count: 2)
    else { return .rejected }
    guard month <= 12 else { return .rejected }
    let born1900s = 97 - body % 97
    let born2000s = 97 - (2_000_000_000 + body) % 97
    return check == born1900s || check == born2000s ? .confirmed : .rejected
  }
}
