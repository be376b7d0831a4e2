/// Japanese Individual Number ("My Number"): 12 digits, the last a check digit.
///
/// Check digit = 11 − (Σ Pₙ·Qₙ mod 11), or 0 when the remainder is 0 or 1, where Pₙ is the
/// n-th digit counted from the right of the 11 data digits and Qₙ = n + 1 for n ≤ 6, n − 5 for
/// n ≥ 7 (the check-digit formula of the Ministry of Internal Affairs and Communications
/// ordinance under the My Number Act, as published by the Cabinet Office; python-stdnum
/// `stdnum.jp.in_`).
public enum JapanMyNumber {
  /// `.confirmed` when the check digit holds, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 12, let digits = ASCIIByte.digits(value) else { return .rejected }
    var sum = 0
    for n in 1...11 {
      let q = n <= 6 ? n + 1 : n - 5
      sum += digits[11 - n] * q
    }
    let remainder = sum % 11
    let check = remainder <= 1 ? 0 : 11 - remainder
    return check == digits[11] ? .confirmed : .rejected
  }
}
