/// French social security numbers, the NIR or *numéro de sécurité sociale* (INSEE, "Numéro
/// d'inscription au répertoire"; Décret n° 82-103).
///
/// Fifteen characters: 13 identifying digits then a 2-digit key `97 − (n mod 97)`. The first
/// digit is 1 or 2 (sex), 3 or 4 (foreigners being registered) or 7 or 8 (temporary numbers,
/// NIA). Corsican departments are written `2A` and `2B` (either case) in positions 6–7; for the
/// key INSEE replaces them by `19` and `18`, which is the same as reading them as `20` and
/// subtracting 1 000 000 or 2 000 000 from `n`. `.confirmed` when the key matches.
public enum FrenchNIR {
  /// `.confirmed` for a NIR with a valid first digit and key, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 15, ASCII.isAllDigits(value, 0..<5), ASCII.isAllDigits(value, 7..<15)
    else { return .rejected }
    switch value[0] {
    case UInt8(ascii: "1"), UInt8(ascii: "2"), UInt8(ascii: "3"), UInt8(ascii: "4"),
      UInt8(ascii: "7"), UInt8(ascii: "8"):
      break
    default:
      return .rejected
    }
    // The department digits as used in the key: 2A → 19, 2B → 18.
    let department: (UInt8, UInt8)
    switch (value[5], ASCII.uppercased(value[6])) {
    case (UInt8(ascii: "2"), UInt8(ascii: "A")): department = (1, 9)
    case (UInt8(ascii: "2"), UInt8(ascii: "B")): department = (1, 8)
    default:
      guard let high = ASCII.digit(value[5]), let low = ASCII.digit(value[6]) else {
        return .rejected
      }
      department = (UInt8(high), UInt8(low))
    }
    var remainder = 0
    for index in 0..<13 {
      let d: Int
      switch index {
      case 5: d = Int(department.0)
      case 6: d = Int(department.1)
      default: d = Int(value[index] &- 0x30)
      }
      remainder = (remainder * 10 + d) % 97
    }
    let key = Int(value[13] &- 0x30) * 10 + Int(value[14] &- 0x30)
    return key == 97 - remainder ? .confirmed : .rejected
  }
}
