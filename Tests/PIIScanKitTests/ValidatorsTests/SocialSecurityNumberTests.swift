import PIIScanKit
import Testing

@Suite struct SocialSecurityNumberTests {
  /// `536904399` is python-stdnum's `us.ssn` doctest; the others are synthetic and obey the
  /// SSA rules.
  @Test(arguments: ["536904399", "001010001", "665999999", "667010001", "899999999"])
  func confirmsValidNumbers(_ value: String) {
    #expect(Verdict.of(value, SocialSecurityNumber.verdict) == .confirmed)
  }

  @Test(arguments: [
    "000123456",  // area 000
    "666123456",  // area 666
    "900123456",  // area 9xx (ITINs and unassigned)
    "999999999",
    "123004567",  // group 00
    "123450000",  // serial 0000
    "078051120",  // Woolworth wallet card sample
    "219099999",  // SSA pamphlet sample
  ])
  func rejectsNumbersTheSSANeverIssues(_ value: String) {
    #expect(Verdict.of(value, SocialSecurityNumber.verdict) == .rejected)
  }

  @Test(arguments: ["", "12345678", "1234567890", "536-90-4399", "53690439a"])
  func rejectsMalformedInput(_ value: String) {
    #expect(Verdict.of(value, SocialSecurityNumber.verdict) == .rejected)
  }
}
