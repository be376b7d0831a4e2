import PIIScanKit
import Testing

private let b = WorldBytes.bytes

@Suite struct CanadaSINTests {
  // python-stdnum stdnum.ca.sin doctests: 123-456-782 valid; 999-999-999 bad checksum;
  // 823456785 passes Luhn but 8 is not an issued first digit.
  @Test(arguments: ["123456782", "130692544"])
  func confirmsValidNumbers(_ value: String) {
    #expect(CanadaSIN.verdict(b(value)) == .confirmed)
  }

  @Test(arguments: ["999999999", "12345678Z", "823456785", "046454286", "12345678", "1234567820"])
  func rejectsInvalidNumbers(_ value: String) {
    #expect(CanadaSIN.verdict(b(value)) == .rejected)
  }

  @Test func rejectsEverySingleDigitSubstitution() {
    for mutant in WorldBytes.substitutions(of: "123456782", at: 1..<9) {
      #expect(CanadaSIN.verdict(mutant) == .rejected)
    }
  }
}

@Suite struct USITINTests {
  // IRS: 9XX-GG-XXXX with GG in 50–65, 70–88, 90–92, 94–99. 912-90-3456 is the
  // python-stdnum stdnum.us.itin doctest value.
  @Test(arguments: ["912903456", "900500000", "999659999", "970701234", "970881234", "970941234"])
  func confirmsValidGroups(_ value: String) {
    #expect(USITIN.verdict(b(value)) == .confirmed)
  }

  // 93 and 89 are not issued groups (stdnum doctest 912-93-4567); 123-45-6789 is an SSN shape.
  @Test(arguments: ["912934567", "912894567", "912494567", "912664567", "123456789", "91290345"])
  func rejectsWrongGroupsAndShapes(_ value: String) {
    #expect(USITIN.verdict(b(value)) == .rejected)
  }
}

@Suite struct USNPITests {
  // CMS "NPI Check Digit" example: 123456789 with prefix 80840 gives check digit 3.
  @Test func confirmsCMSExample() {
    #expect(USNPI.verdict(b("1234567893")) == .confirmed)
  }

  @Test func rejectsEverySingleDigitSubstitution() {
    for mutant in WorldBytes.substitutions(of: "1234567893") {
      #expect(USNPI.verdict(mutant) == .rejected)
    }
  }

  // Luhn without the 80840 prefix would accept 1234567897 instead.
  @Test(arguments: ["1234567897", "123456789", "12345678933", "123456789A"])
  func rejectsLookalikes(_ value: String) {
    #expect(USNPI.verdict(b(value)) == .rejected)
  }
}

@Suite struct USDEATests {
  // Constructed per the DEA rule: AB1234563 → 1+3+5 + 2×(2+4+6) = 33, check digit 3.
  @Test(arguments: ["AB1234563", "BJ6125341", "AP5836727", "xb1234563", "ab1234563"])
  func confirmsValidNumbers(_ value: String) {
    #expect(USDEA.verdict(b(value)) == .confirmed)
  }

  // I, N, O, Q, V, W, Y, Z are not registrant types; digits where letters belong.
  @Test(arguments: [
    "IB1234563", "ZB1234563", "A11234563", "1B1234563", "AB123456", "AB12345633", "AB1234564",
  ])
  func rejectsInvalidNumbers(_ value: String) {
    #expect(USDEA.verdict(b(value)) == .rejected)
  }

  @Test func rejectsEveryOtherCheckDigit() {
    for mutant in WorldBytes.substitutions(of: "AB1234563", at: 8..<9) {
      #expect(USDEA.verdict(mutant) == .rejected)
    }
  }
}

@Suite struct BrazilCPFTests {
  // python-stdnum stdnum.br.cpf doctest 390.533.447-05 (valid), 231.002.999-00 (invalid).
  @Test(arguments: ["39053344705", "11144477735"])
  func confirmsValidNumbers(_ value: String) {
    #expect(BrazilCPF.verdict(b(value)) == .confirmed)
  }

  // All-equal digits pass the arithmetic but are placeholders.
  @Test(arguments: ["23100299900", "11111111111", "00000000000", "99999999999", "3905334470"])
  func rejectsInvalidNumbers(_ value: String) {
    #expect(BrazilCPF.verdict(b(value)) == .rejected)
  }

  @Test func rejectsEveryOtherCheckDigitPair() {
    for mutant in WorldBytes.substitutions(of: "39053344705", at: 9..<11) {
      #expect(BrazilCPF.verdict(mutant) == .rejected)
    }
  }

  @Test func rejectsAdjacentTranspositions() {
    for mutant in WorldBytes.adjacentTranspositions(of: "39053344705") {
      #expect(BrazilCPF.verdict(mutant) == .rejected)
    }
  }
}

@Suite struct BrazilCNPJTests {
  // python-stdnum stdnum.br.cnpj doctests: 16.727.230/0001-97 and the alphanumeric
  // 12.ABC.345/01DE-35 (Receita Federal format from July 2026).
  @Test(arguments: ["16727230000197", "12ABC34501DE35", "12abc34501de35"])
  func confirmsValidNumbers(_ value: String) {
    #expect(BrazilCNPJ.verdict(b(value)) == .confirmed)
  }

  @Test(arguments: [
    "16727230000198", "00000000000000", "1672723000019", "12ABC34501DE3A", "12ABC-4501DE35",
  ])
  func rejectsInvalidNumbers(_ value: String) {
    #expect(BrazilCNPJ.verdict(b(value)) == .rejected)
  }

  @Test func rejectsEveryOtherCheckDigitPair() {
    for mutant in WorldBytes.substitutions(of: "16727230000197", at: 12..<14) {
      #expect(BrazilCNPJ.verdict(mutant) == .rejected)
    }
  }
}

@Suite struct MexicoCURPTests {
  // python-stdnum stdnum.mx.curp doctest BOXW310820HNERXN09 (born abroad, NE) and
  // HEGG560427MVZRRL04, the RENAPO sample CURP used in its documentation.
  @Test(arguments: ["BOXW310820HNERXN09", "HEGG560427MVZRRL04", "boxw310820hnerxn09"])
  func confirmsValidCURPs(_ value: String) {
    #expect(MexicoCURP.verdict(b(value)) == .confirmed)
  }

  @Test(arguments: [
    "BOXW310820HNERXN08",  // check digit
    "BOXW310230HNERXN09",  // 30 February
    "BOXW310820QNERXN09",  // sex must be H, M or X
    "BOXW310820HXXRXN09",  // state XX does not exist
    "BOXW310820HNEAXN09",  // vowel where an internal consonant belongs
    "BACA310820HNERXN09",  // inconvenient word
    "BOXW310820HNERXN0",  // length
  ])
  func rejectsInvalidCURPs(_ value: String) {
    #expect(MexicoCURP.verdict(b(value)) == .rejected)
  }

  @Test func rejectsEveryOtherCheckDigit() {
    for mutant in WorldBytes.substitutions(of: "HEGG560427MVZRRL04", at: 17..<18) {
      #expect(MexicoCURP.verdict(mutant) == .rejected)
    }
  }

  // A letter homoclave means born in 2000 or later: 29 February 2000 exists, 1900 does not.
  @Test func usesHomoclaveForCentury() {
    var sum = 0
    let body = b("AAXX000229HDFBCDA")
    let alphabet = b("0123456789ABCDEFGHIJKLMN") + [0] + b("OPQRSTUVWXYZ")
    for (index, byte) in body.enumerated() {
      sum += alphabet.firstIndex(of: byte)! * (18 - index)
    }
    let check = UInt8(ascii: "0") + UInt8((10 - sum % 10) % 10)
    #expect(MexicoCURP.verdict(body + [check]) == .confirmed)
    var twentieth = body
    twentieth[16] = UInt8(ascii: "0")
    for digit in WorldBytes.digits {
      #expect(MexicoCURP.verdict(twentieth + [digit]) == .rejected)
    }
  }
}
