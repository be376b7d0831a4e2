extension ValidatorRegistry {
  /// The general-purpose validators (payment cards, bank and network identifiers, credentials,
  /// US numbers) and the European national identifiers.
  ///
  /// Names are stable: pattern files cite them. Validators marked "raw value" expect the
  /// matched text unchanged (the detector's `normalize` must be empty), because their
  /// separators are part of the format.
  static let coreAndEurope: [Validator] = [
    Validator(name: "luhn", summary: "ISO/IEC 7812-1 Luhn mod 10", check: Luhn.verdict),
    Validator(
      name: "credit_card",
      summary: "payment card: Luhn (ISO/IEC 7812-1) + brand IIN ranges and lengths",
      check: CreditCard.verdict),
    Validator(
      name: "iban",
      summary: "IBAN: ISO 13616 country length and BBAN structure (SWIFT registry), ISO 7064 "
        + "MOD 97-10",
      check: IBAN.verdict),
    Validator(
      name: "us_ssn",
      summary: "US SSN: SSA area/group/serial rules, voided advertising numbers",
      check: SocialSecurityNumber.verdict),
    Validator(
      name: "aba_routing",
      summary: "ABA routing number: Federal Reserve prefix, 3-7-1 weighted check digit",
      check: ABARoutingNumber.verdict),
    Validator(
      name: "ipv4",
      summary: "IPv4 dotted quad, octets 0-255, no leading zeros (raw value)",
      check: IPv4Address.verdict),
    Validator(
      name: "ipv6",
      summary: "IPv6 text form per RFC 4291/5952, one '::', IPv4 tail (raw value)",
      check: IPv6Address.verdict),
    Validator(
      name: "mac_address",
      summary: "MAC-48: six hex pairs with one ':' or '-' separator, or Cisco aaaa.bbbb.cccc "
        + "(raw value)",
      check: MACAddress.verdict),
    Validator(
      name: "jwt",
      summary: "JWT (RFC 7519/7515): three base64url parts, JSON header with \"alg\", JSON "
        + "payload (raw value)",
      check: JSONWebToken.verdict),
    Validator(
      name: "github_token",
      summary: "GitHub token: gh[pousr]_ with CRC-32 base62 checksum; github_pat_ structure "
        + "only (unverifiable)",
      check: GitHubToken.verdict),
    Validator(
      name: "aws_access_key",
      summary: "AWS access key ID: known 4-letter prefix + 16 base32 characters",
      check: AWSAccessKey.verdict),
    Validator(
      name: "uk_nhs",
      summary: "UK NHS number: 10 digits, modulus 11 check digit",
      check: NHSNumber.verdict),
    Validator(
      name: "uk_nino",
      summary: "UK National Insurance number: HMRC prefix and suffix rules (NIM39110)",
      check: NationalInsuranceNumber.verdict),
    Validator(
      name: "es_nif",
      summary: "Spanish DNI/NIE/NIF (K, L, M): mod 23 check letter",
      check: SpanishNIF.verdict),
    Validator(
      name: "it_fiscal_code",
      summary: "Italian codice fiscale: DM 23/12/1976 check letter, omocodia, birth date",
      check: ItalianFiscalCode.verdict),
    Validator(
      name: "fr_nir",
      summary: "French NIR: 97 - (n mod 97) key, Corsica 2A/2B",
      check: FrenchNIR.verdict),
    Validator(
      name: "de_tax_id",
      summary: "German Steuer-IdNr: digit repetition rule, ISO 7064 MOD 11,10",
      check: GermanTaxID.verdict),
    Validator(
      name: "nl_bsn",
      summary: "Dutch BSN: 9 digits, 11-proof",
      check: DutchBSN.verdict),
    Validator(
      name: "pl_pesel",
      summary: "Polish PESEL: birth date with century in month, 1-3-7-9 weighted check digit",
      check: PolishPESEL.verdict),
    Validator(
      name: "se_personnummer",
      summary: "Swedish personnummer/samordningsnummer: date (+60 day), Luhn over last 10",
      check: SwedishPersonalNumber.verdict),
    Validator(
      name: "fi_hetu",
      summary: "Finnish HETU: date, century sign, mod 31 check character",
      check: FinnishPersonalIdentityCode.verdict),
    Validator(
      name: "dk_cpr",
      summary: "Danish CPR: birth date with century from digit 7 (no checksum since 2007)",
      check: DanishCPR.verdict),
    Validator(
      name: "no_fnr",
      summary: "Norwegian fødselsnummer/D-number: two mod 11 check digits, birth date",
      check: NorwegianBirthNumber.verdict),
    Validator(
      name: "be_national_number",
      summary: "Belgian national number: 97 - (n mod 97), '2' prefix for 2000+ births",
      check: BelgianNationalNumber.verdict),
    Validator(
      name: "pt_nif",
      summary: "Portuguese NIF: allocated prefix, mod 11 weights 9..2",
      check: PortugueseNIF.verdict),
    Validator(
      name: "ie_pps",
      summary: "Irish PPSN: weighted mod 23 check letter, second letter W/T/X or A-I",
      check: IrishPPSN.verdict),
  ]
}
