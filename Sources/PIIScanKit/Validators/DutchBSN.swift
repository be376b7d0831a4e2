/// Dutch citizen service numbers, the *burgerservicenummer* (Wet algemene bepalingen
/// burgerservicenummer; Logius, "Burgerservicenummer (BSN)" specification).
///
/// Nine digits passing the "elfproef" (11-proof): `9·d1 + 8·d2 + … + 2·d8 − 1·d9` is a
/// multiple of 11. All zeros passes the sum but is not a number and is `.rejected`.
public enum DutchBSN {
  /// `.confirmed` for nine digits passing the 11-proof, else `.rejected`.
  public static func verdict(_ digits: [UInt8]) -> Verdict {
    guard digits.count == 9, ASCII.isAllDigits(digits) else { return .rejected }
    var sum = 0
    var isZero = true
    for index in 0..<8 {
      let d = Int(digits[index] &- 0x30)
      isZero = isZero && d == 0
      sum += (9 - index) * d
    }
    let last = Int(digits[8] &- 0x30)
    guard !(isZero && last == 0) else { return .rejected }
    return (sum - last) % 11 == 0 ? .confirmed : .rejected
  }
}
