/// Payment card numbers (PANs): the Luhn check digit of ISO/IEC 7812-1 plus the issuer
/// identification number (IIN) ranges and lengths the card brands publish.
///
/// A number is `.confirmed` when it passes ``Luhn``, is not one digit repeated, and its prefix
/// and length match one of these brands (IIN ranges as listed in the brands' acceptance guides
/// and collected in Wikipedia's "Payment card number" article):
///
/// | brand      | IIN prefixes                                   | lengths |
/// |------------|------------------------------------------------|---------|
/// | Visa       | 4                                              | 13, 16, 19 |
/// | Mastercard | 51–55, 2221–2720                               | 16      |
/// | Amex       | 34, 37                                         | 15      |
/// | Discover   | 6011, 644–649, 65, 622126–622925               | 16–19   |
/// | JCB        | 3528–3589                                      | 16–19   |
/// | Diners     | 300–305, 36, 38–39                             | 14–19   |
/// | UnionPay   | 62                                             | 16–19   |
/// | Maestro    | 50, 56–69                                      | 12–19   |
///
/// Anything else is `.rejected`.
public enum CreditCard {
  /// A brand rule: IIN prefixes of `prefixDigits` digits in `low...high`, and the allowed
  /// lengths as a bit set (bit `n` set when length `n` is allowed).
  private struct BrandRule: Sendable {
    let prefixDigits: Int
    let low: Int
    let high: Int
    let lengths: UInt32

    init(_ prefixDigits: Int, _ low: Int, _ high: Int, lengths: ClosedRange<Int>) {
      self.init(prefixDigits, low, high, lengths: Array(lengths))
    }

    init(_ prefixDigits: Int, _ low: Int, _ high: Int, lengths: [Int]) {
      self.prefixDigits = prefixDigits
      self.low = low
      self.high = high
      self.lengths = lengths.reduce(0) { $0 | (1 << UInt32($1)) }
    }
  }

  private static let rules: [BrandRule] = [
    BrandRule(1, 4, 4, lengths: [13, 16, 19]),  // Visa
    BrandRule(2, 51, 55, lengths: 16...16),  // Mastercard
    BrandRule(4, 2221, 2720, lengths: 16...16),  // Mastercard 2-series
    BrandRule(2, 34, 34, lengths: 15...15),  // American Express
    BrandRule(2, 37, 37, lengths: 15...15),  // American Express
    BrandRule(4, 6011, 6011, lengths: 16...19),  // Discover
    BrandRule(3, 644, 649, lengths: 16...19),  // Discover
    BrandRule(2, 65, 65, lengths: 16...19),  // Discover
    BrandRule(6, 622_126, 622_925, lengths: 16...19),  // Discover (co-branded UnionPay)
    BrandRule(4, 3528, 3589, lengths: 16...19),  // JCB
    BrandRule(3, 300, 305, lengths: 14...19),  // Diners Club
    BrandRule(2, 36, 36, lengths: 14...19),  // Diners Club
    BrandRule(2, 38, 39, lengths: 14...19),  // Diners Club
    BrandRule(2, 62, 62, lengths: 16...19),  // UnionPay
    BrandRule(2, 50, 50, lengths: 12...19),  // Maestro
    BrandRule(2, 56, 69, lengths: 12...19),  // Maestro
  ]

  /// True when the prefix and length of `digits` (ASCII digits only) match a known brand.
  public static func matchesBrand(_ digits: [UInt8]) -> Bool {
    guard digits.count < 32 else { return false }
    let lengthBit = UInt32(1) << UInt32(digits.count)
    for rule in rules where rule.lengths & lengthBit != 0 && digits.count >= rule.prefixDigits {
      guard let prefix = ASCII.number(digits, at: 0, count: rule.prefixDigits) else {
        return false
      }
      if prefix >= rule.low && prefix <= rule.high { return true }
    }
    return false
  }

  /// `.confirmed` for a Luhn-valid number of a known brand and length, else `.rejected`.
  public static func verdict(_ digits: [UInt8]) -> Verdict {
    guard digits.count >= 12 && digits.count <= 19, ASCII.isAllDigits(digits) else {
      return .rejected
    }
    // A repeated digit (e.g. sixteen 0s) is a placeholder, even when its checksum works out.
    guard !ASCII.isAllSame(digits), matchesBrand(digits), Luhn.isValid(digits) else {
      return .rejected
    }
    return .confirmed
  }
}
