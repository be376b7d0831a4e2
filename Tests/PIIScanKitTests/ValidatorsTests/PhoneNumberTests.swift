import Testing

@testable import PIIScanKit

/// Phone validity under libphonenumber's numbering plans. Numbers are libphonenumber's own
/// example numbers or fictional ranges; `PhoneDifferentialTests` covers the rest.
@Suite struct PhoneNumberTests {
  @Test func everyMetadataPatternCompilesInBothForms() throws {
    for index in PhoneNumberingPlan.patterns.indices {
      _ = try PhonePatternCache.pattern(index, .full)
      _ = try PhonePatternCache.pattern(index, .prefix)
    }
  }

  @Test func everyCallingCodeHasExactlyOneMainRegion() {
    for (code, plans) in PhoneNumberingPlan.byCallingCode {
      let main = plans.filter { PhoneNumberingPlan.all[$0].isMainRegion }
      #expect(main == [plans[0]], "calling code \(code)")
    }
  }

  @Test(arguments: [
    "+442079460958",  // London
    "+4402079460958",  // +44 (0)20…: the written trunk prefix is stripped
    "+447400123456",  // UK mobile
    "+14155550132",  // NANP, US
    "+16135550175",  // NANP, Canada (leading digits pick no region; the types decide)
    "+12684601234",  // NANP, Antigua (leading digits 268)
    "+4930123456",  // Berlin, short subscriber number
    "+5491123456789",  // Argentina mobile (9 after the code)
    "+80012345678",  // non-geographic freephone
  ])
  func confirmsValidInternationalNumbers(_ number: String) {
    #expect(Verdict.of(number, PhoneNumber.verdict) == .confirmed)
  }

  @Test(arguments: [
    "+44207946095",  // one digit short
    "+4420794609581",  // one digit long
    "+10555550132",  // area code starting with 0
    "+12115550132",  // N11 service code
    "+99912345678",  // unassigned calling code
    "+0442079460958",  // no calling code starts with 0
    "+12",  // too short after the +
    "442079460958",  // no +
    "+44a2079460958",  // not normalized
  ])
  func rejectsInvalidInternationalNumbers(_ number: String) {
    #expect(Verdict.of(number, PhoneNumber.verdict) == .rejected)
  }

  @Test(arguments: [
    ("GB", "02079460958", Verdict.confirmed),
    ("GB", "2079460958", .confirmed),  // no trunk prefix: still a London number
    ("GB", "0207946095", .rejected),
    ("GB", "00442079460958", .confirmed),  // 00 is the UK international prefix
    ("GB", "442079460958", .confirmed),  // the calling code without +
    ("US", "4155550132", .confirmed),
    ("US", "14155550132", .confirmed),  // 1 is the NANP trunk prefix
    ("US", "6135550175", .confirmed),  // Canada: same calling code
    ("US", "2115550132", .rejected),
    ("DE", "030123456", .confirmed),
    ("FR", "0123456789", .confirmed),
    ("FR", "0023456789", .rejected),
    ("IT", "0212345678", .confirmed),  // the leading 0 is part of an Italian number
    ("BR", "11961234567", .confirmed),
    ("JP", "09012345678", .confirmed),
  ])
  func validatesNationalFormats(_ region: String, _ number: String, _ expected: Verdict) {
    #expect(PhoneNumber.verdict(Array(number.utf8), region: region) == expected)
  }

  @Test func registersOneNationalValidatorPerRegion() throws {
    let names = Set(ValidatorRegistry.all.map(\.name))
    #expect(names.contains("phone"))
    for region in ValidatorRegistry.nationalPhoneRegions {
      #expect(PhoneNumberingPlan.byRegion[region] != nil, "\(region) has a plan")
      let validator = try #require(ValidatorRegistry.named("phone_national_\(region.lowercased())"))
      #expect(validator.check(Array("1".utf8)) == .rejected)
    }
  }

  @Test func transformRuleRewritesTheNationalPrefix() throws {
    // Argentina: 0 11 15 2345-6789 (trunk 0, area 11, mobile marker 15) becomes 9 11 2345-6789.
    let plan = PhoneNumberingPlan.all[try #require(PhoneNumberingPlan.byRegion["AR"])]
    let rewritten = try PhoneNumber.strippingNationalPrefix(
      Array("0111523456789".utf8)[...], plan: plan, scratch: .init())
    #expect(String(decoding: rewritten, as: UTF8.self) == "91123456789")
  }
}
