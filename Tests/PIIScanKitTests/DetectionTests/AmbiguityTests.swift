import Testing

@testable import PIIScanKit

/// The documented resolution of values that are valid for several detectors
/// (docs/detectors.md, "Ambiguity"): context decides; with equal context the higher confidence
/// (base + boost, so a checksummed format beats a format-only one), then `priority`, then
/// pattern-file order. Bare 9-digit numbers are reported only beside a context word.
@Suite struct AmbiguityTests {
  static let builtin: DetectorSet = {
    do { return try PatternLoader.load() } catch { fatalError("built-in patterns must load: \(error)") }
  }()

  /// 317762345 passes the ABA 3-7-1 check, the SSA SSN rules and the Dutch 11-proof.
  static let nine = "317762345"

  func entities(_ text: String, in set: DetectorSet = builtin) -> [String] {
    set.matches(in: Array(text.utf8)).map(\.entity)
  }

  @Test func theSampleIsValidForAllThree() throws {
    for name in ["aba_routing", "us_ssn", "nl_bsn"] {
      let validator = try #require(ValidatorRegistry.named(name))
      #expect(validator.check(Array(Self.nine.utf8)) == .confirmed, "\(name)")
    }
  }

  @Test(arguments: [
    ("routing number \(nine)", "us_routing_number"),
    ("BSN \(nine)", "nl_bsn"),
    ("burgerservicenummer: \(nine)", "nl_bsn"),
    ("SSN \(nine)", "us_ssn"),
    ("social security \(nine)", "us_ssn"),
  ])
  func contextDecides(_ text: String, _ entity: String) {
    #expect(entities(text) == [entity])
  }

  @Test func withoutContextABareNineDigitNumberIsNotReported() {
    #expect(entities("id \(Self.nine) rows").isEmpty)
  }

  @Test func theDashedLayoutIsAnSSNWithoutContext() {
    #expect(entities("id 317-76-2345 rows") == ["us_ssn"])
  }

  /// SSN and BSN words both near: both are validated and context-supported, so the higher
  /// confidence wins; the BSN has an 11-proof checksum (0.8 + 0.15) and the SSN format rules
  /// only (0.75 + 0.1).
  @Test func withTwoContextsTheChecksummedFormatWins() throws {
    let found = Self.builtin.matches(in: Array("SSN or BSN \(Self.nine)".utf8))
    #expect(found.map(\.entity) == ["nl_bsn"])
    #expect(found.first?.validated == true)
  }

  @Test func countryRestrictionRemovesOtherCountriesDetectors() throws {
    let dutch = try Self.builtin.filtered(enable: [], disable: [], countries: ["NL"])
    #expect(entities("SSN \(Self.nine)", in: dutch).isEmpty)
    #expect(entities("BSN \(Self.nine)", in: dutch) == ["nl_bsn"])
    #expect(dutch.detectors.allSatisfy { $0.spec.country == nil || $0.spec.country == "NL" })
    let american = try Self.builtin.filtered(enable: [], disable: [], countries: ["US"])
    #expect(entities("BSN \(Self.nine)", in: american).isEmpty)
  }

  /// A Luhn-valid 15-digit number in an Amex range is a card, unless device words say IMEI.
  @Test func imeiIsReportedOnlyWithDeviceContextAndThenNotAsACard() {
    #expect(entities("amex 378282246310005") == ["credit_card"])
    #expect(entities("IMEI 378282246310005") == ["imei"])
  }

  /// `YYMMDD-NNNN` is both a Swedish personnummer (date + Luhn) and a Danish CPR (date only).
  @Test func swedishAndDanishDashedNumbersFollowTheirContext() {
    // 050607-1232: 2005-06-07 with a valid Luhn digit, and 5 June 1907 as a CPR.
    #expect(entities("personnummer 050607-1232") == ["se_personnummer"])
    #expect(entities("CPR 050607-1232") == ["dk_cpr"])
  }
}
