import PIIScanKit
import Testing

@Suite struct PolishPESELTests {
  /// `44051401359` is python-stdnum's `pl.pesel` doctest; `02070803628` (8 July 1902) and
  /// `00222900016` (29 February 2000, month + 20 for the 2000s) are synthetic, checked with
  /// python-stdnum.
  @Test(arguments: ["44051401359", "02070803628", "00222900016"])
  func confirmsValidNumbers(_ value: String) {
    #expect(Verdict.of(value, PolishPESEL.verdict) == .confirmed)
  }

  @Test(arguments: Mutations.singleDigit("44051401359", positions: 6..<11))
  func rejectsEverySingleDigitMutationOutsideTheDate(_ value: String) {
    #expect(Verdict.of(value, PolishPESEL.verdict) == .rejected)
  }

  /// Check digits valid, dates impossible (February 29 in 2002, 1800, 1900, 2100 and 2200;
  /// month 13; stdnum doctest `02381307589`).
  @Test(arguments: [
    "02222900010", "00822900014", "00022900010", "00422900012", "00622900018", "99133100011",
    "02381307589",
  ])
  func rejectsImpossibleDates(_ value: String) {
    #expect(Verdict.of(value, PolishPESEL.verdict) == .rejected)
  }

  @Test(arguments: ["44051401358", "4405140135", "440514013590", ""])
  func rejectsOtherValues(_ value: String) {
    #expect(Verdict.of(value, PolishPESEL.verdict) == .rejected)
  }
}
