import PIIScanKit
import Testing

@Suite struct ValidatorRegistryTests {
  /// The names pattern files cite; renaming one breaks them.
  static let expectedNames = [
    "aba_routing", "aws_access_key", "be_national_number", "credit_card", "de_tax_id", "dk_cpr",
    "es_nif", "fi_hetu", "fr_nir", "github_token", "iban", "ie_pps", "ipv4", "ipv6",
    "it_fiscal_code", "jwt", "luhn", "mac_address", "nl_bsn", "no_fnr", "pl_pesel", "pt_nif",
    "se_personnummer", "uk_nhs", "uk_nino", "us_ssn",
  ]

  @Test func registersEveryCoreAndEuropeanValidatorByStableName() {
    let names = Set(ValidatorRegistry.all.map(\.name))
    for name in Self.expectedNames {
      #expect(names.contains(name), "missing validator \(name)")
    }
  }

  @Test func listsValidatorsInNameOrderWithoutDuplicates() {
    let names = ValidatorRegistry.all.map(\.name)
    #expect(names == names.sorted())
    #expect(Set(names).count == names.count)
  }

  @Test func everyValidatorHasASummary() {
    for validator in ValidatorRegistry.all {
      #expect(!validator.summary.isEmpty, "\(validator.name) has no summary")
    }
  }

  /// One known-good value per name: the name is wired to the right check.
  @Test(arguments: [
    ("luhn", "79927398713"), ("credit_card", "4111111111111111"),
    ("iban", "GB82WEST12345698765432"), ("us_ssn", "536904399"), ("aba_routing", "111000025"),
    ("ipv4", "192.0.2.1"), ("ipv6", "2001:db8::1"), ("mac_address", "00:00:5e:00:53:01"),
    ("jwt", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."),
    ("github_token", "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"),
    ("aws_access_key", "AKIAIOSFODNN7EXAMPLE"), ("uk_nhs", "9434765870"),
    ("uk_nino", "AB123456C"), ("es_nif", "54362315K"), ("it_fiscal_code", "RCCMNL83S18D969H"),
    ("fr_nir", "295109912611193"), ("de_tax_id", "36574261809"), ("nl_bsn", "111222333"),
    ("pl_pesel", "44051401359"), ("se_personnummer", "8803200016"), ("fi_hetu", "131052-308T"),
    ("dk_cpr", "2110625629"), ("no_fnr", "15108695088"), ("be_national_number", "85073003328"),
    ("pt_nif", "501964843"), ("ie_pps", "6433435OA"),
  ])
  func namedValidatorConfirmsItsExample(_ name: String, _ value: String) throws {
    let validator = try #require(ValidatorRegistry.named(name))
    #expect(validator.check(Array(value.utf8)) == .confirmed)
    // Another validator's example is not this entity (ipv4/ipv6/mac/jwt differ in shape).
    #expect(validator.check(Array("not-an-identifier".utf8)) == .rejected)
  }

  @Test func unknownNameIsNil() {
    #expect(ValidatorRegistry.named("no_such_validator") == nil)
  }
}
