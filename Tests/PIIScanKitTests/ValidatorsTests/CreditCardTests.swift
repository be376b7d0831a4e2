import PIIScanKit
import Testing

@Suite struct CreditCardTests {
  /// Brand test numbers published for integration testing: Stripe "Testing" docs (Visa,
  /// Mastercard incl. 2-series, Amex, Discover, JCB, Diners, UnionPay) and PayPal/Braintree's
  /// "Credit card numbers for testing" (Maestro 6304…, 5018…).
  @Test(arguments: [
    "4111111111111111", "4012888888881881", "4222222222222", "5555555555554444",
    "5105105105105100", "2223003122003222", "378282246310005", "371449635398431",
    "6011111111111117", "6011000990139424", "3530111333300000", "3566002020360505",
    "30569309025904", "38520000023237", "36227206271667", "6200000000000005",
    "6759649826438453", "6304000000000000", "5018000000000009",
  ])
  func confirmsPublishedTestNumbers(_ value: String) {
    #expect(Verdict.of(value, CreditCard.verdict) == .confirmed)
  }

  @Test(arguments: Mutations.singleDigit("4111111111111111"))
  func rejectsEverySingleDigitMutation(_ value: String) {
    #expect(Verdict.of(value, CreditCard.verdict) == .rejected)
  }

  @Test(arguments: Mutations.adjacentTranspositions("5105105105105100"))
  func rejectsAdjacentTranspositions(_ value: String) {
    #expect(Verdict.of(value, CreditCard.verdict) == .rejected)
  }

  /// Luhn-valid (check digit computed here) but no brand has this prefix and length.
  @Test(
    arguments: [
      "170000000000",  // 13-digit epoch milliseconds (1.7e12 ms, Nov 2023)
      "202406150001234",  // a 16-digit date-stamped order id
      "4111111111111",  // 14 digits: Visa issues 13, 16 and 19 only
      "378282246310001",  // Amex prefix with 16 digits
      "222099999999999",  // just below Mastercard's 2221
      "272100000000000",  // just above Mastercard's 2720
      "999999999999999",
      "1000000000000000000",  // 20 digits
    ].map(luhnCompleted))
  func rejectsLuhnValidNumbersWithoutABrand(_ value: String) {
    #expect(Luhn.isValid(Array(value.utf8)))
    #expect(Verdict.of(value, CreditCard.verdict) == .rejected)
  }

  /// The boundaries of the brand table, Luhn digit computed here.
  @Test(
    arguments: [
      "222100000000000", "272099999999999", "644000000000000", "649999999999999",
      "352800000000000", "358999999999999", "3000000000000", "3059999999999", "50000000000",
    ].map(luhnCompleted))
  func confirmsBrandRangeBoundaries(_ value: String) {
    #expect(Verdict.of(value, CreditCard.verdict) == .confirmed)
  }

  /// Zeros are Luhn-valid at any length; one repeated digit is a placeholder.
  @Test(arguments: ["0000000000000000", "4444444444444444", "5555555555555555"])
  func rejectsOneRepeatedDigit(_ value: String) {
    #expect(Verdict.of(value, CreditCard.verdict) == .rejected)
  }

  @Test(arguments: ["", "4111-1111-1111-1111", "4111 1111 1111 1111", "550e8400e29b41d4a7164466"])
  func rejectsNonDigits(_ value: String) {
    #expect(Verdict.of(value, CreditCard.verdict) == .rejected)
  }
}

/// `body` plus the digit that makes it Luhn-valid.
private func luhnCompleted(_ body: String) -> String {
  for digit in 0...9 where Luhn.isValid(Array((body + String(digit)).utf8)) {
    return body + String(digit)
  }
  preconditionFailure("some digit always completes a Luhn number")
}
