import PIIScanKit
import Testing

@Suite struct NorwegianBirthNumberTests {
  /// `15108695088` is python-stdnum's `no.fodselsnummer` doctest; the others are synthetic,
  /// check digits computed with the Skatteetaten weights and checked with python-stdnum: a
  /// D-number (day + 40), an H-number (month + 40), a 2000s and an 1850s birth.
  @Test(arguments: ["15108695088", "41018036736", "01418036725", "29020050088", "01015550089"])
  func confirmsValidNumbers(_ value: String) {
    #expect(Verdict.of(value, NorwegianBirthNumber.verdict) == .confirmed)
  }

  @Test(arguments: Mutations.singleDigit("15108695088"))
  func rejectsEverySingleDigitMutation(_ value: String) {
    #expect(Verdict.of(value, NorwegianBirthNumber.verdict) == .rejected)
  }

  @Test(arguments: [
    "15108695077",  // wrong check digits (stdnum doctest)
    "81418036702",  // FH-number (day 81): no date
    "01014550050",  // individual 500 with year 45 is never issued
    "30020150048",  // February 30
    "1510869508", "151086950880", "",
  ])
  func rejectsOtherValues(_ value: String) {
    #expect(Verdict.of(value, NorwegianBirthNumber.verdict) == .rejected)
  }
}
