import PIIScanKit
import Testing

@Suite struct BelgianNationalNumberTests {
  /// `85073003328` and `17073003384` (born 2017: the check includes the `2` prefix) are
  /// python-stdnum's `be.nn` doctests; the others are synthetic, checked with python-stdnum:
  /// a 2000 birth, an unknown month (00) and an unknown day (32).
  @Test(arguments: ["85073003328", "17073003384", "00010100105", "85003003376", "85073203365"])
  func confirmsValidNumbers(_ value: String) {
    #expect(Verdict.of(value, BelgianNationalNumber.verdict) == .confirmed)
  }

  @Test(arguments: Mutations.singleDigit("85073003328"))
  func rejectsEverySingleDigitMutation(_ value: String) {
    #expect(Verdict.of(value, BelgianNationalNumber.verdict) == .rejected)
  }

  @Test(arguments: [
    "12345678901",  // stdnum doctest
    "85273003371",  // BIS number (month + 20), right check
    "85133003370",  // month 13, right check
    "8507300332", "850730033280", "",
  ])
  func rejectsOtherValues(_ value: String) {
    #expect(Verdict.of(value, BelgianNationalNumber.verdict) == .rejected)
  }
}
