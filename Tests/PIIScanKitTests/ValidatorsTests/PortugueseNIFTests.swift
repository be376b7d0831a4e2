import PIIScanKit
import Testing

@Suite struct PortugueseNIFTests {
  /// `501964843` is python-stdnum's `pt.nif` doctest; the others are synthetic with check
  /// digits computed by python-stdnum, one per allocated range family.
  @Test(arguments: ["501964843", "123456789", "451234561", "701234563", "801234565", "981234569"])
  func confirmsValidNumbers(_ value: String) {
    #expect(Verdict.of(value, PortugueseNIF.verdict) == .confirmed)
  }

  @Test(arguments: Mutations.singleDigit("501964843", positions: 8..<9))
  func rejectsEveryOtherCheckDigit(_ value: String) {
    #expect(Verdict.of(value, PortugueseNIF.verdict) == .rejected)
  }

  @Test(arguments: [
    "501964842",  // wrong check digit (stdnum doctest)
    "401234568",  // right check digit, unallocated range 40
    "731234561",  // unallocated range 73
    "921234562",  // unallocated range 92
    "000000000",
    "50196484", "5019648430", "",
  ])
  func rejectsOtherValues(_ value: String) {
    #expect(Verdict.of(value, PortugueseNIF.verdict) == .rejected)
  }
}
