extension ValidatorRegistry {
  /// Regions with a national-format phone validator (`phone_national_<region>`); the pattern
  /// files' national-format detectors cite them. `US` covers the whole NANP (+1: US, CA, ...).
  static let nationalPhoneRegions = [
    "AU", "BR", "DE", "ES", "FR", "GB", "IN", "IT", "JP", "NL", "US",
  ]

  /// Telephone numbers validated against libphonenumber's numbering plans (``PhoneNumber``).
  public static let phone: [Validator] =
    [
      Validator(
        name: "phone",
        summary:
          "International number: E.164 calling code + national numbering plan (libphonenumber)",
        checkWithScratch: { PhoneNumber.verdict($0, scratch: $1) })
    ]
    + nationalPhoneRegions.map { region in
      Validator(
        name: "phone_national_\(region.lowercased())",
        summary: "\(region) national-format number: trunk prefix + numbering plan (libphonenumber)",
        checkWithScratch: { PhoneNumber.verdict($0, region: region, scratch: $1) })
    }
}
