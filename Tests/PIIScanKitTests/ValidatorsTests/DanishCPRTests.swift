import PIIScanKit
import Testing

@Suite struct DanishCPRTests {
  /// `2110625629` is python-stdnum's `dk.cpr` doctest; the others are synthetic and exercise
  /// the century table (digit 7 = 4 with year 00 is 2000, a leap year; 5 with 58 is 1858).
  @Test(arguments: ["2110625629", "2902004000", "0101585000", "3112999999"])
  func confirmsValidDates(_ value: String) {
    #expect(Verdict.of(value, DanishCPR.verdict) == .confirmed)
  }

  @Test(arguments: [
    "5110625629",  // day 51 (stdnum doctest)
    "2902001000",  // digit 7 = 1: 1900, no leap year
    "0113625629",  // month 13
    "0000000000",
    "211062562", "21106256290", "211062-5629", "",
  ])
  func rejectsImpossibleDatesAndMalformedInput(_ value: String) {
    #expect(Verdict.of(value, DanishCPR.verdict) == .rejected)
  }
}
