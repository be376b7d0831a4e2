import PIIScanKit
import Testing

@Suite struct LuhnTests {
  /// `79927398713` is the worked example of Wikipedia's "Luhn algorithm"; `78949` is from
  /// python-stdnum's `luhn` doctest.
  @Test(arguments: ["79927398713", "78949", "4111111111111111"])
  func confirmsPublishedExamples(_ value: String) {
    #expect(Verdict.of(value, Luhn.verdict) == .confirmed)
  }

  @Test(arguments: Mutations.singleDigit("79927398713"))
  func rejectsEverySingleDigitMutation(_ value: String) {
    #expect(Verdict.of(value, Luhn.verdict) == .rejected)
  }

  /// Luhn catches every adjacent transposition except 09 ↔ 90 (none in this value).
  @Test(arguments: Mutations.adjacentTranspositions("79927398713"))
  func rejectsAdjacentTranspositions(_ value: String) {
    #expect(Verdict.of(value, Luhn.verdict) == .rejected)
  }

  @Test(arguments: ["", "0", "7894", "7992739871a"])
  func rejectsShortOrNonDigitInput(_ value: String) {
    #expect(Verdict.of(value, Luhn.verdict) == .rejected)
  }
}
