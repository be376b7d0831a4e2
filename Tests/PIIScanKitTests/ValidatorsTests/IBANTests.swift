import PIIScanKit
import Testing

@Suite struct IBANTests {
  /// Examples from the SWIFT IBAN Registry (DE, BE, MU, SC, LC, BR, NO, AL, CH), Wikipedia's
  /// "International Bank Account Number" (GB, FR, NL) and python-stdnum's `iban` doctest (GR).
  @Test(arguments: [
    "DE89370400440532013000", "BE71096123456769", "MU17BOMM0101101030300200000MUR",
    "SC18SSCB11010000000000001497USD", "LC55HEMM000100010012001200023015",
    "BR1800360305000010009795493C1", "NO9386011117947", "AL47212110090000000235698741",
    "CH9300762011623852957", "GB82WEST12345698765432", "FR1420041010050500013M02606",
    "NL91ABNA0417164300", "GR1601101050000010547023795",
  ])
  func confirmsPublishedExamples(_ value: String) {
    #expect(Verdict.of(value, IBAN.verdict) == .confirmed)
  }

  @Test func acceptsLowerCase() {
    #expect(Verdict.of("gb82west12345698765432", IBAN.verdict) == .confirmed)
    #expect(Verdict.of("fr1420041010050500013m02606", IBAN.verdict) == .confirmed)
  }

  @Test(arguments: Mutations.singleDigit("GB82WEST12345698765432"))
  func rejectsEverySingleDigitMutation(_ value: String) {
    #expect(Verdict.of(value, IBAN.verdict) == .rejected)
  }

  @Test(arguments: Mutations.adjacentTranspositions("DE89370400440532013000"))
  func rejectsAdjacentTranspositions(_ value: String) {
    #expect(Verdict.of(value, IBAN.verdict) == .rejected)
  }

  /// Correct MOD 97-10 check digits (computed here), wrong registry facts.
  @Test(arguments: [
    withCheckDigits("DE", "3704004405320130001"),  // DE is 22 characters, not 23
    withCheckDigits("DE", "370400440532013"),  // too short
    withCheckDigits("GB", "123412345612345678"),  // GB's bank code is four letters
    withCheckDigits("US", "370400440532013000"),  // no IBAN in the US
    withCheckDigits("XX", "370400440532013000"),  // not a country
  ])
  func rejectsWrongLengthStructureOrCountry(_ value: String) {
    #expect(Verdict.of(value, IBAN.verdict) == .rejected)
  }

  /// `02`/`98` are the canonical check digits; `99`/`01` are congruent modulo 97 but never
  /// issued.
  @Test func rejectsNonCanonicalCheckDigits() {
    #expect(Verdict.of("DE02370400440000000024", IBAN.verdict) == .confirmed)
    #expect(Verdict.of("DE99370400440000000024", IBAN.verdict) == .rejected)
    #expect(Verdict.of("DE98370400440000000042", IBAN.verdict) == .confirmed)
    #expect(Verdict.of("DE01370400440000000042", IBAN.verdict) == .rejected)
  }

  @Test(arguments: ["", "GB", "GB82", "GB82 WEST 1234 5698 7654 32", "1234567890123456"])
  func rejectsMalformedInput(_ value: String) {
    #expect(Verdict.of(value, IBAN.verdict) == .rejected)
  }
}

/// `country` + the ISO 7064 MOD 97-10 check digits + `bban`.
private func withCheckDigits(_ country: String, _ bban: String) -> String {
  var remainder = 0
  for byte in (bban + country + "00").utf8 {
    if byte >= 0x41 {
      remainder = (remainder * 100 + Int(byte) - 0x41 + 10) % 97
    } else {
      remainder = (remainder * 10 + Int(byte) - 0x30) % 97
    }
  }
  let check = 98 - remainder
  return country + (check < 10 ? "0" : "") + String(check) + bban
}
