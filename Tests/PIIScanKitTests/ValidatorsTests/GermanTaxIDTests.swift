import PIIScanKit
import Testing

@Suite struct GermanTaxIDTests {
  /// `36574261809` is python-stdnum's `de.idnr` doctest; the others are synthetic with the
  /// check digit computed by python-stdnum's `iso7064.mod_11_10`: a digit twice (adjacent or
  /// not) and a digit three times, not all adjacent.
  @Test(arguments: ["36574261809", "11234567890", "12345678995", "10123456781", "11213456783"])
  func confirmsValidNumbers(_ value: String) {
    #expect(Verdict.of(value, GermanTaxID.verdict) == .confirmed)
  }

  @Test(arguments: Mutations.singleDigit("36574261809", positions: 10..<11))
  func rejectsEveryOtherCheckDigit(_ value: String) {
    #expect(Verdict.of(value, GermanTaxID.verdict) == .rejected)
  }

  @Test(arguments: [
    "36574261890",  // wrong check digit (stdnum doctest)
    "36554266806",  // two digits repeated (stdnum doctest)
    "12345678903",  // no digit repeated
    "11123456786",  // three adjacent 1s (valid check digit; stdnum accepts it)
    "01234567896",  // leading zero
    "3657426180", "365742618090", "",
  ])
  func rejectsOtherValues(_ value: String) {
    #expect(Verdict.of(value, GermanTaxID.verdict) == .rejected)
  }
}
