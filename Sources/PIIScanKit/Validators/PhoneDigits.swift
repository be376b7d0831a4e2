/// ITU-T E.164 length rule: an international number has at most 15 digits (country code
/// included) and, in practice, at least 8.
///
/// Only the length can be checked without numbering-plan data, so a number that fits is
/// `.unverifiable` (reported unvalidated) and one that does not is `.rejected`.
public enum PhoneDigits {
  public static func verdict(_ value: [UInt8]) -> Verdict {
    var digits = 0
    for (i, b) in value.enumerated() {
      if b == 0x2B && i == 0 { continue }
      guard b >= 0x30 && b <= 0x39 else { return .rejected }
      digits += 1
    }
    return (8...15).contains(digits) ? .unverifiable : .rejected
  }
}
