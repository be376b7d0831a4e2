/// Indian Permanent Account Number: `AAAAA9999A`.
///
/// The 4th letter is the holder type (A association of persons, B body of individuals,
/// C company, F firm, G government, H Hindu undivided family, L local authority, J artificial
/// juridical person, P individual, T trust, K krish); the 4-digit serial runs 0001–9999 (Income
/// Tax Department, "Permanent Account Number"; python-stdnum `stdnum.in_.pan`). There is no
/// public check character, so a value with this structure is `.confirmed`. Lower case is folded.
public enum IndiaPAN {
  private static let holderTypes: [UInt8] = Array("ABCFGHLJPTK".utf8)

  /// `.confirmed` when the structure holds, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 10 else { return .rejected }
    let chars = value.map(ASCIIByte.upper)
    for index in [0, 1, 2, 3, 4, 9] where !ASCIIByte.isUpperLetter(chars[index]) {
      return .rejected
    }
    guard holderTypes.contains(chars[3]), let serial = ASCIIByte.digits(Array(chars[5..<9])),
      ASCIIByte.number(serial, 0..<4) != 0
    else { return .rejected }
    return .confirmed
  }
}
