import PIIScanKit
import Testing

@Suite struct NHSNumberTests {
  /// `9434765870` is the NHS Data Dictionary's worked example (also python-stdnum `gb.nhs`).
  @Test func confirmsPublishedExample() {
    #expect(Verdict.of("9434765870", NHSNumber.verdict) == .confirmed)
  }

  @Test(arguments: Mutations.singleDigit("9434765870"))
  func rejectsEverySingleDigitMutation(_ value: String) {
    #expect(Verdict.of(value, NHSNumber.verdict) == .rejected)
  }

  @Test(arguments: Mutations.adjacentTranspositions("9434765870"))
  func rejectsAdjacentTranspositions(_ value: String) {
    #expect(Verdict.of(value, NHSNumber.verdict) == .rejected)
  }

  /// The nine digits `100000001` give check value 10: no tenth digit makes them valid.
  @Test(arguments: (0...9).map { "100000001\($0)" })
  func rejectsBodiesWhoseCheckWouldBeTen(_ value: String) {
    #expect(Verdict.of(value, NHSNumber.verdict) == .rejected)
  }

  @Test(arguments: ["", "943476587", "94347658700", "943476587a", "943-476-5870"])
  func rejectsMalformedInput(_ value: String) {
    #expect(Verdict.of(value, NHSNumber.verdict) == .rejected)
  }
}
