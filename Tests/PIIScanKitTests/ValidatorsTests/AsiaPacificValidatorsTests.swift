import PIIScanKit
import Testing

private let b = WorldBytes.bytes

@Suite struct IndiaAadhaarTests {
  // python-stdnum stdnum.in_.aadhaar doctests: 234123412346 valid, 234123412347 bad check,
  // 123412341234 starts with 1.
  @Test func confirmsStdnumExample() {
    #expect(IndiaAadhaar.verdict(b("234123412346")) == .confirmed)
  }

  @Test(arguments: ["234123412347", "123412341234", "034123412346", "23412341234", "2341234123460"])
  func rejectsInvalidNumbers(_ value: String) {
    #expect(IndiaAadhaar.verdict(b(value)) == .rejected)
  }

  // Verhoeff detects every single substitution and every adjacent transposition.
  @Test func rejectsEverySingleDigitSubstitutionAndTransposition() {
    let mutants =
      WorldBytes.substitutions(of: "234123412346", at: 1..<12)
      + WorldBytes.adjacentTranspositions(of: "234123412346")
    for mutant in mutants {
      #expect(IndiaAadhaar.verdict(mutant) == .rejected)
    }
  }
}

@Suite struct IndiaPANTests {
  // python-stdnum stdnum.in_.pan doctests.
  @Test(arguments: ["ACUPA7085R", "acupa7085r", "AAACB1234C", "AAAPL1234C"])
  func confirmsValidStructure(_ value: String) {
    #expect(IndiaPAN.verdict(b(value)) == .confirmed)
  }

  @Test(arguments: ["ACUPA7085RR", "ABMPA32111", "ABMXA3211G", "ACUPA0000R", "1CUPA7085R"])
  func rejectsInvalidStructure(_ value: String) {
    #expect(IndiaPAN.verdict(b(value)) == .rejected)
  }
}

@Suite struct ChinaResidentIDTests {
  // GB 11643-1999 example 11010519491231002X; python-stdnum stdnum.cn.ric doctest
  // 360426199101010071.
  @Test(arguments: ["11010519491231002X", "11010519491231002x", "360426199101010071"])
  func confirmsValidNumbers(_ value: String) {
    #expect(ChinaResidentID.verdict(b(value)) == .confirmed)
  }

  @Test(arguments: [
    "110105194912310021",  // check character
    "91010519491231002X",  // province 91 does not exist
    "110105194902300020",  // 30 February, although the check character is right
    "11010519491231002",  // length
  ])
  func rejectsInvalidNumbers(_ value: String) {
    #expect(ChinaResidentID.verdict(b(value)) == .rejected)
  }

  // ISO 7064 MOD 11-2 detects every single substitution.
  @Test func rejectsEverySingleDigitSubstitution() {
    for mutant in WorldBytes.substitutions(of: "360426199101010071") {
      #expect(ChinaResidentID.verdict(mutant) == .rejected)
    }
  }
}

@Suite struct SingaporeNRICTests {
  // S1234567D: the worked example of the NRIC check letter (Wikipedia, "National Registration
  // Identity Card"); M1234567K: GovTech FormSG isMFinSeriesValid test vector. T, F, G values
  // were computed by an independent Python implementation of FormSG's isNricValid.
  @Test(arguments: [
    "S1234567D", "T1234567J", "F1234567N", "G1234567X", "M1234567K", "S7654321F", "G7654321L",
    "m7654321j",
  ])
  func confirmsValidNumbers(_ value: String) {
    #expect(SingaporeNRIC.verdict(b(value)) == .confirmed)
  }

  // M1234567N: the letter the M series would get without its +3 start constant.
  @Test(arguments: ["S1234567E", "M1234567N", "X1234567D", "S123456D", "S12345678D"])
  func rejectsInvalidNumbers(_ value: String) {
    #expect(SingaporeNRIC.verdict(b(value)) == .rejected)
  }

  @Test(arguments: ["S1234567D", "T1234567J", "F1234567N", "G1234567X", "M1234567K"])
  func rejectsEverySingleDigitSubstitution(_ value: String) {
    for mutant in WorldBytes.substitutions(of: value, at: 1..<8) {
      #expect(SingaporeNRIC.verdict(mutant) == .rejected)
    }
  }
}

@Suite struct KoreaRRNTests {
  // python-stdnum stdnum.kr.rrn doctest 971013-9019902 (born 1897), and 800101-1234560
  // constructed with the published weights.
  @Test(arguments: ["9710139019902", "8001011234560"])
  func confirmsValidNumbers(_ value: String) {
    #expect(KoreaRRN.verdict(b(value)) == .confirmed)
  }

  @Test(arguments: ["9710139019903", "8002301234560", "8013011234560", "800101123456"])
  func rejectsInvalidNumbers(_ value: String) {
    #expect(KoreaRRN.verdict(b(value)) == .rejected)
  }

  // Numbers assigned from 2020-10-05 have random trailing digits and no check digit.
  @Test(arguments: ["2010053123456", "2112314000000", "2010058999999"])
  func postReformNumbersAreUnverifiable(_ value: String) {
    #expect(KoreaRRN.verdict(b(value)) == .unverifiable)
  }

  @Test func dateIsCheckedEvenAfterReform() {
    #expect(KoreaRRN.verdict(b("2102293123456")) == .rejected)  // 2021-02-29
    #expect(KoreaRRN.verdict(b("2010043123456")) == .rejected)  // pre-reform, bad check
  }
}

@Suite struct JapanMyNumberTests {
  // python-stdnum stdnum.jp.in_ doctest 6214 9832 0257; 123456789018 computed with the
  // Cabinet Office formula (check digit 8).
  @Test(arguments: ["621498320257", "123456789018"])
  func confirmsValidNumbers(_ value: String) {
    #expect(JapanMyNumber.verdict(b(value)) == .confirmed)
  }

  @Test(arguments: ["621498320258", "62149832025X", "62149832025", "6214983202570"])
  func rejectsInvalidNumbers(_ value: String) {
    #expect(JapanMyNumber.verdict(b(value)) == .rejected)
  }

  @Test func rejectsEveryOtherCheckDigit() {
    for mutant in WorldBytes.substitutions(of: "621498320257", at: 11..<12) {
      #expect(JapanMyNumber.verdict(mutant) == .rejected)
    }
  }
}

@Suite struct AustraliaTFNTests {
  // python-stdnum stdnum.au.tfn doctests 123 456 782 and 876 543 210; the 8-digit values were
  // computed with the 8-digit weights 10,7,8,4,6,3,5,1 (1×10 + 1×1 = 11 for 10000001).
  @Test(arguments: ["123456782", "876543210", "37118629", "10000001", "87654322"])
  func confirmsValidNumbers(_ value: String) {
    #expect(AustraliaTFN.verdict(b(value)) == .confirmed)
  }

  @Test(arguments: ["999999999", "123456783", "1234567", "1234567820", "12345678A"])
  func rejectsInvalidNumbers(_ value: String) {
    #expect(AustraliaTFN.verdict(b(value)) == .rejected)
  }

  @Test func rejectsEverySingleDigitSubstitution() {
    for mutant in WorldBytes.substitutions(of: "123456782") {
      #expect(AustraliaTFN.verdict(mutant) == .rejected)
    }
  }
}

@Suite struct AustraliaABNTests {
  // python-stdnum stdnum.au.abn doctest 83 914 571 673; ABR's worked example 51 824 753 556.
  @Test(arguments: ["83914571673", "51824753556"])
  func confirmsValidNumbers(_ value: String) {
    #expect(AustraliaABN.verdict(b(value)) == .confirmed)
  }

  @Test(arguments: ["99999999999", "51824753557", "5182475355", "01824753556"])
  func rejectsInvalidNumbers(_ value: String) {
    #expect(AustraliaABN.verdict(b(value)) == .rejected)
  }

  @Test func rejectsEverySingleDigitSubstitution() {
    for mutant in WorldBytes.substitutions(of: "51824753556") {
      #expect(AustraliaABN.verdict(mutant) == .rejected)
    }
  }
}

@Suite struct AustraliaMedicareTests {
  // Constructed: 2123 45670 1 → 2·1 + 1·3 + 2·7 + 3·9 + 4·1 + 5·3 + 6·7 + 7·9 = 170, check 0.
  @Test(arguments: ["2123456701", "21234567011", "2428778132"])
  func confirmsValidNumbers(_ value: String) {
    #expect(AustraliaMedicare.verdict(b(value)) == .confirmed)
  }

  // First digit 7 and 1 are not issued; 3123456781 fails the check digit.
  @Test(arguments: ["3123456781", "7123456701", "1123456701", "212345670", "212345670111"])
  func rejectsInvalidNumbers(_ value: String) {
    #expect(AustraliaMedicare.verdict(b(value)) == .rejected)
  }

  @Test func rejectsEverySingleDigitSubstitutionOfTheIdentifier() {
    for mutant in WorldBytes.substitutions(of: "2123456701", at: 1..<9) {
      #expect(AustraliaMedicare.verdict(mutant) == .rejected)
    }
  }
}
