import PIIScanKit
import Testing

@Suite struct DutchBSNTests {
  /// `111222333` is python-stdnum's `nl.bsn` doctest; `123456782` is the common test BSN.
  @Test(arguments: ["111222333", "123456782"])
  func confirmsPublishedExamples(_ value: String) {
    #expect(Verdict.of(value, DutchBSN.verdict) == .confirmed)
  }

  @Test(arguments: Mutations.singleDigit("111222333"))
  func rejectsEverySingleDigitMutation(_ value: String) {
    #expect(Verdict.of(value, DutchBSN.verdict) == .rejected)
  }

  @Test(arguments: ["000000000", "111252333", "1112223334", "11122233", ""])
  func rejectsOtherValues(_ value: String) {
    #expect(Verdict.of(value, DutchBSN.verdict) == .rejected)
  }
}
