import PIIScanKit
import Testing

@Suite struct NationalInsuranceNumberTests {
  /// Synthetic numbers that obey HMRC's allocation rules (NIM39110).
  @Test(arguments: ["AB123456C", "ab123456d", "CE000000A", "OA123456B", "JZ999999D", "GA123456A"])
  func confirmsAllocatableNumbers(_ value: String) {
    #expect(Verdict.of(value, NationalInsuranceNumber.verdict) == .confirmed)
  }

  @Test(arguments: [
    "QQ123456C",  // HMRC's own sample: Q is never a first letter
    "DA123456A", "FA123456A", "IA123456A", "UA123456A", "VA123456A",  // bad first letter
    "AD123456A", "AF123456A", "AI123456A", "AO123456A", "AQ123456A", "AU123456A", "AV123456A",
    "BG123456A", "GB123456A", "KN123456A", "NK123456A", "NT123456A", "TN123456A", "ZZ123456A",
    "AB123456E",  // suffix beyond D
    "AB123456",  // no suffix
    "AB12345C",
    "1B123456C",
    "AB12345XC",
    "",
  ])
  func rejectsNumbersHMRCNeverAllocates(_ value: String) {
    #expect(Verdict.of(value, NationalInsuranceNumber.verdict) == .rejected)
  }
}
