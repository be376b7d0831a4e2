import PIIScanKit
import Testing

@Suite struct ABARoutingNumberTests {
  /// `111000025` is python-stdnum's `us.rtn` doctest; `011000015` (Federal Reserve Bank of
  /// Boston) and `021000021` (JPMorgan Chase, New York) are published institutional numbers.
  @Test(arguments: ["111000025", "011000015", "021000021"])
  func confirmsPublishedNumbers(_ value: String) {
    #expect(Verdict.of(value, ABARoutingNumber.verdict) == .confirmed)
  }

  @Test(arguments: Mutations.singleDigit("021000021"))
  func rejectsEverySingleDigitMutation(_ value: String) {
    #expect(Verdict.of(value, ABARoutingNumber.verdict) == .rejected)
  }

  /// Check digits valid (python-stdnum `us.rtn` accepts all of these) but the first two digits
  /// are not a Federal Reserve routing symbol.
  @Test(arguments: ["131000005", "201000003", "331000009", "991000009", "811000008"])
  func rejectsUnassignedPrefixes(_ value: String) {
    #expect(Verdict.of(value, ABARoutingNumber.verdict) == .rejected)
  }

  @Test(arguments: ["000000000", "", "11100002", "1110000250", "11100002B"])
  func rejectsPlaceholdersAndMalformedInput(_ value: String) {
    #expect(Verdict.of(value, ABARoutingNumber.verdict) == .rejected)
  }
}
