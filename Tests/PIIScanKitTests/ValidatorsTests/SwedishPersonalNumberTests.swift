import PIIScanKit
import Testing

@Suite struct SwedishPersonalNumberTests {
  /// `880320-0016` is python-stdnum's `se.personnummer` doctest (separator stripped, as the
  /// detector's normalize does), also written with the century; `8803800013` is synthetic: the
  /// same date as a samordningsnummer (day + 60), Luhn digit computed with python-stdnum.
  @Test(arguments: ["8803200016", "198803200016", "8803800013", "198803800013"])
  func confirmsValidNumbers(_ value: String) {
    #expect(Verdict.of(value, SwedishPersonalNumber.verdict) == .confirmed)
  }

  @Test(arguments: Mutations.singleDigit("8803200016", positions: 6..<10))
  func rejectsEverySingleDigitMutationOutsideTheDate(_ value: String) {
    #expect(Verdict.of(value, SwedishPersonalNumber.verdict) == .rejected)
  }

  @Test(arguments: [
    "8803200018",  // wrong check digit (stdnum doctest)
    "218803200016",  // Luhn fine, but century 21 is in the future of any register
    "8813200010",  // month 13
    "8802300012",  // February 30
    "8803920017",  // day 92 (coordination numbers go up to 91)
    "880320001", "88032000160", "",
  ])
  func rejectsOtherValues(_ value: String) {
    #expect(Verdict.of(value, SwedishPersonalNumber.verdict) == .rejected)
  }
}
