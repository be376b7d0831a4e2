/// SWIFT Business Identifier Code (ISO 9362): 8 or 11 characters.
///
/// 4-letter business party prefix, 2-letter ISO 3166-1 alpha-2 country code (plus `XK`, which
/// SWIFT uses for Kosovo), 2 alphanumeric location characters and an optional 3-character
/// alphanumeric branch. There is no check character, so a value with this structure and a real
/// country code is `.confirmed`. Lower case is folded.
public enum SWIFTBIC {
  /// ISO 3166-1 alpha-2 officially assigned codes, plus XK.
  private static let countries: Set<UInt16> = {
    let list = """
      AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ \
      BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM \
      DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS \
      GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN \
      KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ \
      MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM \
      PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV \
      SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI \
      VN VU WF WS XK YE YT ZA ZM ZW
      """
    return Set(
      list.split(separator: " ").map { code in
        let bytes = Array(code.utf8)
        return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
      })
  }()

  /// `.confirmed` when the structure holds with a real country code, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 8 || value.count == 11 else { return .rejected }
    let chars = value.map(ASCIIByte.upper)
    for index in 0..<6 where !ASCIIByte.isUpperLetter(chars[index]) { return .rejected }
    for index in 6..<chars.count where !ASCIIByte.isUpperAlphanumeric(chars[index]) {
      return .rejected
    }
    return countries.contains(UInt16(chars[4]) << 8 | UInt16(chars[5])) ? .confirmed : .rejected
  }
}
