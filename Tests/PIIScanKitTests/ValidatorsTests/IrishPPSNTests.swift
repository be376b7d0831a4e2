import PIIScanKit
import Testing

@Suite struct IrishPPSNTests {
  /// python-stdnum `ie.pps` doctests: pre-2013 forms (no second letter, `T`, `W` for married
  /// women) and 2013 forms (`A` personal, `H` non-personal).
  @Test(arguments: ["6433435F", "6433435FT", "6433435FW", "6433435OA", "6433435IH", "6433435oa"])
  func confirmsPublishedExamples(_ value: String) {
    #expect(Verdict.of(value, IrishPPSN.verdict) == .confirmed)
  }

  @Test(arguments: Mutations.singleDigit("6433435F") + Mutations.singleDigit("6433435OA"))
  func rejectsEverySingleDigitMutation(_ value: String) {
    #expect(Verdict.of(value, IrishPPSN.verdict) == .rejected)
  }

  @Test(arguments: [
    "6433435E",  // wrong check letter (stdnum doctest)
    "6433435VH",  // wrong check letter for the 2013 format (stdnum doctest)
    "6433435FA",  // the old check letter with a 2013 second letter
    "6433435FZ",  // Z is no second letter
    "643343F", "64334356F", "6433435", "",
  ])
  func rejectsOtherValues(_ value: String) {
    #expect(Verdict.of(value, IrishPPSN.verdict) == .rejected)
  }
}
