/// Mexican Clave Única de Registro de Población: 18 characters.
///
/// Layout (RENAPO, "Instructivo Normativo para la Asignación de la Clave Única de Registro de
/// Población"): 4 letters from the names (never an inconvenient word, which RENAPO replaces by
/// changing the second letter to `X`), birth date YYMMDD, sex `H`, `M` or `X` (non-binary),
/// 2-letter state code (`NE` for born abroad),
/// 3 internal consonants of the names, a homoclave (digit for births before 2000, letter from
/// 2000) and a check digit. The check digit is (10 − Σ vᵢ·(18 − i) mod 10) mod 10 over the
/// first 17 characters, with vᵢ the position in `0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ` (Ñ counts
/// as a position although ASCII input never contains it). Lower case is folded.
public enum MexicoCURP {
  /// The 32 states plus `NE` (nacido en el extranjero), Instructivo Normativo catálogo de
  /// entidades federativas.
  private static let states: Set<UInt16> = codes(
    "AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS NE"
  )

  /// Inconvenient words that never appear as the first four letters (the Instructivo
  /// Normativo's list, as carried by python-stdnum `stdnum.mx.curp`).
  private static let inconvenientWords: Set<UInt32> = words(
    """
    BACA BAKA BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COGI COJA COJE COJI COJO COLA CULO \
    FALO FETO GETA GUEI GUEY JETA JOTO KACA KACO KAGA KAGO KAKA KAKO KOGE KOGI KOJA KOJE KOJI \
    KOJO KOLA KULO LILO LOCA LOCO LOKA LOKO MAME MAMO MEAR MEAS MEON MIAR MION MOCO MOKO MULA \
    MULO NACA NACO PEDA PEDO PENE PIPI PITO POPO PUTA PUTO QULO RATA ROBA ROBE ROBO RUIN SENO \
    TETA VACA VAGA VAGO VAKA VUEI VUEY WUEI WUEY
    """
  )

  /// `.confirmed` when structure, date and check digit hold, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 18 else { return .rejected }
    let chars = value.map(ASCIIByte.upper)
    for index in 0..<4 where !ASCIIByte.isUpperLetter(chars[index]) { return .rejected }
    guard let date = ASCIIByte.digits(Array(chars[4..<10])) else { return .rejected }
    for index in 10..<16 where !ASCIIByte.isUpperLetter(chars[index]) { return .rejected }
    guard ASCIIByte.isUpperAlphanumeric(chars[16]), let check = ASCIIByte.digit(chars[17]) else {
      return .rejected
    }

    let word =
      UInt32(chars[0]) << 24 | UInt32(chars[1]) << 16 | UInt32(chars[2]) << 8
      | UInt32(chars[3])
    guard !inconvenientWords.contains(word) else { return .rejected }
    // The homoclave is a digit for births in the 1900s and a letter from 2000 on.
    let century = ASCIIByte.isDigit(chars[16]) ? 1900 : 2000
    guard
      CivilDate.isValid(
        year: century + date[0] * 10 + date[1], month: date[2] * 10 + date[3],
        day: date[4] * 10 + date[5])
    else { return .rejected }
    guard
      chars[10] == UInt8(ascii: "H") || chars[10] == UInt8(ascii: "M")
        || chars[10] == UInt8(ascii: "X")
    else { return .rejected }
    guard states.contains(UInt16(chars[11]) << 8 | UInt16(chars[12])) else { return .rejected }
    for index in 13..<16 where isVowel(chars[index]) { return .rejected }

    var sum = 0
    for index in 0..<17 { sum += alphabetPosition(chars[index]) * (18 - index) }
    return (10 - sum % 10) % 10 == check ? .confirmed : .rejected
  }

  /// Position in `0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ`: letters after N shift by one for Ñ.
  private static func alphabetPosition(_ byte: UInt8) -> Int {
    if let digit = ASCIIByte.digit(byte) { return digit }
    let letter = Int(byte) - 0x41
    return byte <= UInt8(ascii: "N") ? 10 + letter : 11 + letter
  }

  private static func isVowel(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A"), UInt8(ascii: "E"), UInt8(ascii: "I"), UInt8(ascii: "O"),
      UInt8(ascii: "U"):
      return true
    default: return false
    }
  }

  private static func codes(_ list: String) -> Set<UInt16> {
    Set(
      list.split(separator: " ").map { code in
        let bytes = Array(code.utf8)
        return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
      })
  }

  private static func words(_ list: String) -> Set<UInt32> {
    Set(
      list.split(separator: " ").map { word in
        word.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
      })
  }
}
