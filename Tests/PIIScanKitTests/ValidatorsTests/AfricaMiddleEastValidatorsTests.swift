import PIIScanKit
import Testing

private let b = WorldBytes.bytes

@Suite struct SouthAfricaIDTests {
  // python-stdnum stdnum.za.idnr doctests: 7503305044089 valid; 8503305044089 fails Luhn.
  @Test(arguments: ["7503305044089", "0002290001086"])
  func confirmsValidNumbers(_ value: String) {
    #expect(SouthAfricaID.verdict(b(value)) == .confirmed)
  }

  @Test(arguments: [
    "8503305044089",  // Luhn
    "7513305044089",  // month 13
    "0102290001084",  // 29 February 2001 / 1901 (Luhn right)
    "7503305044389",  // citizenship digit 3
    "9125568",  // length
  ])
  func rejectsInvalidNumbers(_ value: String) {
    #expect(SouthAfricaID.verdict(b(value)) == .rejected)
  }

  @Test func acceptsRefugeeCitizenshipDigit() {
    // Same number with citizenship 2 and the Luhn digit recomputed.
    #expect(SouthAfricaID.verdict(b("7503305044287")) == .confirmed)
  }

  @Test func rejectsEverySingleDigitSubstitutionOutsideTheDate() {
    for mutant in WorldBytes.substitutions(of: "7503305044089", at: 6..<13) {
      #expect(SouthAfricaID.verdict(mutant) == .rejected)
    }
  }
}

@Suite struct TurkeyNationalIDTests {
  // python-stdnum stdnum.tr.tckimlik doctests: 17291716060 valid; 17291716050 bad check;
  // 07291716092 starts with 0.
  @Test(arguments: ["17291716060", "10000000146"])
  func confirmsValidNumbers(_ value: String) {
    #expect(TurkeyNationalID.verdict(b(value)) == .confirmed)
  }

  @Test(arguments: ["17291716050", "1729171606", "07291716092", "172917160600"])
  func rejectsInvalidNumbers(_ value: String) {
    #expect(TurkeyNationalID.verdict(b(value)) == .rejected)
  }

  @Test func rejectsEverySingleDigitSubstitution() {
    for mutant in WorldBytes.substitutions(of: "17291716060", at: 1..<11) {
      #expect(TurkeyNationalID.verdict(mutant) == .rejected)
    }
  }
}

@Suite struct IsraelIDTests {
  // python-stdnum stdnum.il.idnr doctests: 3933742-3 (padded to 039337423) valid, 3933742-2
  // invalid, 490154203237518 too long.
  @Test(arguments: ["39337423", "039337423", "000000018"])
  func confirmsValidNumbers(_ value: String) {
    #expect(IsraelID.verdict(b(value)) == .confirmed)
  }

  @Test(arguments: ["39337422", "490154203237518", "0", "000000000", "", "3933742A"])
  func rejectsInvalidNumbers(_ value: String) {
    #expect(IsraelID.verdict(b(value)) == .rejected)
  }

  @Test func rejectsEverySingleDigitSubstitution() {
    for mutant in WorldBytes.substitutions(of: "039337423") {
      #expect(IsraelID.verdict(mutant) == .rejected)
    }
  }
}
