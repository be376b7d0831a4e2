extension ValidatorRegistry {
  /// Validators for identifiers outside Europe (Americas, Asia-Pacific, Africa) and global
  /// formats (VIN, IMEI, BIC, crypto addresses, tokens). Each type cites its specification.
  public static let world: [Validator] = [
    // Americas
    Validator(
      name: "ca_sin", summary: "Canadian SIN: Luhn, first digit not 0/8",
      check: CanadaSIN.verdict),
    Validator(
      name: "us_itin", summary: "US ITIN: 9XX-GG-XXXX, IRS group ranges",
      check: USITIN.verdict),
    Validator(
      name: "us_npi", summary: "US NPI: Luhn with prefix 80840 (CMS)",
      check: USNPI.verdict),
    Validator(
      name: "us_dea", summary: "US DEA registration: registrant type + check digit",
      check: USDEA.verdict),
    Validator(
      name: "br_cpf", summary: "Brazilian CPF: two mod-11 check digits",
      check: BrazilCPF.verdict),
    Validator(
      name: "br_cnpj", summary: "Brazilian CNPJ (incl. alphanumeric): two mod-11 check digits",
      check: BrazilCNPJ.verdict),
    Validator(
      name: "mx_curp", summary: "Mexican CURP: structure, date, state, check digit (RENAPO)",
      check: MexicoCURP.verdict),
    // Asia-Pacific, Africa, Middle East
    Validator(
      name: "in_aadhaar", summary: "Indian Aadhaar: Verhoeff check digit (UIDAI)",
      check: IndiaAadhaar.verdict),
    Validator(
      name: "in_pan", summary: "Indian PAN: AAAAA9999A with holder type",
      check: IndiaPAN.verdict),
    Validator(
      name: "cn_resident_id", summary: "Chinese resident ID: GB 11643, ISO 7064 MOD 11-2",
      check: ChinaResidentID.verdict),
    Validator(
      name: "sg_nric", summary: "Singapore NRIC/FIN: weighted mod-11 check letter",
      check: SingaporeNRIC.verdict),
    Validator(
      name: "kr_rrn", summary: "Korean RRN: date and mod-11 check digit (pre-2020-10)",
      check: KoreaRRN.verdict),
    Validator(
      name: "jp_my_number", summary: "Japanese My Number: mod-11 check digit",
      check: JapanMyNumber.verdict),
    Validator(
      name: "au_tfn", summary: "Australian TFN: weighted mod 11",
      check: AustraliaTFN.verdict),
    Validator(
      name: "au_abn", summary: "Australian ABN: weighted mod 89",
      check: AustraliaABN.verdict),
    Validator(
      name: "au_medicare", summary: "Australian Medicare card: weighted mod-10 check digit",
      check: AustraliaMedicare.verdict),
    Validator(
      name: "za_id", summary: "South African ID: date, citizenship, Luhn",
      check: SouthAfricaID.verdict),
    Validator(
      name: "tr_national_id", summary: "Turkish T.C. Kimlik No: two check digits",
      check: TurkeyNationalID.verdict),
    Validator(
      name: "il_id", summary: "Israeli ID (Teudat Zehut): Luhn on 9 digits",
      check: IsraelID.verdict),
    // Global formats
    Validator(
      name: "vin", summary: "Vehicle Identification Number: ISO 3779 / 49 CFR 565 check",
      check: VIN.verdict),
    Validator(
      name: "imei", summary: "IMEI: Luhn check digit (3GPP TS 23.003)",
      check: IMEI.verdict),
    Validator(
      name: "bitcoin_address", summary: "Bitcoin address: Base58Check, Bech32 / Bech32m",
      check: BitcoinAddress.verdict),
    Validator(
      name: "ethereum_address", summary: "Ethereum address: EIP-55 Keccak-256 case checksum",
      check: EthereumAddress.verdict),
    Validator(
      name: "swift_bic", summary: "SWIFT BIC (ISO 9362): structure and ISO 3166 country",
      check: SWIFTBIC.verdict),
    Validator(
      name: "npm_token", summary: "npm access token: base62 CRC-32 checksum",
      check: NPMToken.verdict),
  ]
}
