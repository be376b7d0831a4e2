import PIIScanKit
import Testing

@Suite struct FrenchNIRTests {
  /// python-stdnum `fr.nir` doctests, including both Corsican departments.
  @Test(arguments: [
    "295109912611193", "253072B07300470", "253072A07300443", "253072a07300443",
    "195109912611146", "395109912611143", "795109912611137",
  ])
  func confirmsPublishedExamples(_ value: String) {
    #expect(Verdict.of(value, FrenchNIR.verdict) == .confirmed)
  }

  @Test(arguments: Mutations.singleDigit("295109912611193"))
  func rejectsEverySingleDigitMutation(_ value: String) {
    #expect(Verdict.of(value, FrenchNIR.verdict) == .rejected)
  }

  @Test(arguments: [
    "295109912611199",  // wrong key (stdnum doctest)
    "253072C07300443",  // no department 2C
    "253072B07300443",  // 2A's key with 2B
    "595109912611140",  // right key, but 5 is no sex/registration digit
    "095109912611196",
    "995109912611134",
    "29510991261119", "2951099126111930", "",
  ])
  func rejectsOtherValues(_ value: String) {
    #expect(Verdict.of(value, FrenchNIR.verdict) == .rejected)
  }
}
