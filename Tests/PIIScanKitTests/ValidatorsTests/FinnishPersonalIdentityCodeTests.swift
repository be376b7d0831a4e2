import PIIScanKit
import Testing

@Suite struct FinnishPersonalIdentityCodeTests {
  /// `131052-308T` is DVV's example (and python-stdnum's `fi.hetu` doctest); the others are
  /// synthetic with check characters computed by the DVV rule and checked with python-stdnum:
  /// the 2023 century signs, 29 February 2000 and the edges of the individual range.
  @Test(arguments: [
    "131052-308T", "131052-308t", "131052A308T", "010594Y123W", "290200A1239", "010101F002S",
    "311299U8997",
  ])
  func confirmsValidCodes(_ value: String) {
    #expect(Verdict.of(value, FinnishPersonalIdentityCode.verdict) == .confirmed)
  }

  /// DVV's examples for the new century signs (`010594Y9032`, `010594Y9021`, `020594X903P`)
  /// use individual numbers 900–999, reserved for temporary identifiers.
  @Test(arguments: ["010594Y9032", "010594Y9021", "020594X903P", "131052-900W"])
  func temporaryIdentifiersAreUnverifiable(_ value: String) {
    #expect(Verdict.of(value, FinnishPersonalIdentityCode.verdict) == .unverifiable)
  }

  @Test(arguments: Mutations.singleDigit("131052-308T"))
  func rejectsEverySingleDigitMutation(_ value: String) {
    #expect(Verdict.of(value, FinnishPersonalIdentityCode.verdict) == .rejected)
  }

  @Test(arguments: [
    "131052-308U",  // wrong check character (stdnum doctest)
    "310252-308Y",  // February 31 (stdnum doctest)
    "290200-1239",  // 1900 was no leap year
    "131052-001W",  // individual numbers start at 002
    "131052G308T",  // G is no century sign
    "131052308T", "131052--308T", "",
  ])
  func rejectsOtherValues(_ value: String) {
    #expect(Verdict.of(value, FinnishPersonalIdentityCode.verdict) == .rejected)
  }
}
