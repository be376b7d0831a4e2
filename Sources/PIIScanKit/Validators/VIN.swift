/// Vehicle Identification Number (ISO 3779): 17 characters, no `I`, `O` or `Q`.
///
/// The 9th character is a check character: letters are transliterated (A–H → 1–8, J–N → 1–5,
/// P → 7, R → 9, S–Z → 2–9), weighted 8,7,6,5,4,3,2,10,0,9,8,7,6,5,4,3,2, summed mod 11, and
/// 10 is written `X` (49 CFR 565.15, the US rule). The check is mandatory for North American
/// VINs (WMI starting 1–5); elsewhere it is optional, so a mismatch there is `.unverifiable`.
/// Lower case is folded.
public enum VIN {
  private static let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

  /// `.confirmed` on a matching check character; a mismatch is `.rejected` for North American
  /// WMIs and `.unverifiable` otherwise; a malformed value is `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 17 else { return .rejected }
    var sum = 0
    for index in 0..<17 {
      guard let number = transliterate(ASCIIByte.upper(value[index])) else { return .rejected }
      sum += number * weights[index]
    }
    let remainder = sum % 11
    let expected = remainder == 10 ? UInt8(ascii: "X") : UInt8(ascii: "0") + UInt8(remainder)
    if ASCIIByte.upper(value[8]) == expected { return .confirmed }
    let region = value[0]
    return region >= UInt8(ascii: "1") && region <= UInt8(ascii: "5") ? .rejected : .unverifiable
  }

  /// ISO 3779 / 49 CFR 565.15 transliteration; nil for `I`, `O`, `Q` and non-alphanumerics.
  private static func transliterate(_ byte: UInt8) -> Int? {
    if let digit = ASCIIByte.digit(byte) { return digit }
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "H"): return Int(byte - UInt8(ascii: "A")) + 1
    case UInt8(ascii: "J")...UInt8(ascii: "N"): return Int(byte - UInt8(ascii: "J")) + 1
    case UInt8(ascii: "P"): return 7
    case UInt8(ascii: "R"): return 9
    case UInt8(ascii: "S")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "S")) + 2
    default: return nil
    }
  }
}
