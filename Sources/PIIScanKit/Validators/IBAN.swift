/// International Bank Account Numbers: ISO 13616-1 structure and the ISO 7064 MOD 97-10 check.
///
/// The value must be a country listed in the SWIFT IBAN Registry (release 101, 89 countries),
/// with exactly that country's length and BBAN structure (`n` digits, `a` letters, `c` letters
/// or digits), and the rearranged number (BBAN first, then country code and check digits,
/// letters as 10–35) must be 1 modulo 97. Letters are accepted in either case.
///
/// Check digits `00`, `01` and `99` pass the modulus but are never issued: ISO 7064 MOD 97-10
/// produces 02–98, so those spellings are `.rejected` (python-stdnum accepts them).
public enum IBAN {
  /// BBAN structure per country, indexed by `(first letter) * 26 + (second letter)`: pairs of
  /// (count, class) bytes, empty for a country not in the registry.
  private static let structures: [[UInt8]] = {
    var table = [[UInt8]](repeating: [], count: 26 * 26)
    for (country, bban) in registry {
      let code = Array(country.utf8)
      var runs: [UInt8] = []
      var count: UInt8 = 0
      for byte in bban.utf8 {
        if let digit = ASCII.digit(byte) {
          count = count * 10 + UInt8(digit)
        } else {
          runs.append(count)
          runs.append(byte)
          count = 0
        }
      }
      table[Int(code[0] - 0x41) * 26 + Int(code[1] - 0x41)] = runs
    }
    return table
  }()

  /// `.confirmed` for a registered country with the right length, structure and mod-97
  /// remainder, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count >= 5 && value.count <= 34,
      let first = ASCII.letterIndex(value[0]), let second = ASCII.letterIndex(value[1]),
      let high = ASCII.digit(value[2]), let low = ASCII.digit(value[3])
    else { return .rejected }
    let checkDigits = high * 10 + low
    guard checkDigits >= 2 && checkDigits <= 98 else { return .rejected }
    let runs = structures[first * 26 + second]
    guard !runs.isEmpty, matches(value, runs: runs) else { return .rejected }

    var remainder = 0
    for index in 4..<value.count { remainder = append(value[index], to: remainder) }
    for index in 0..<4 { remainder = append(value[index], to: remainder) }
    return remainder == 1 ? .confirmed : .rejected
  }

  /// True when the BBAN (everything after the check digits) fills `runs` exactly.
  private static func matches(_ value: [UInt8], runs: [UInt8]) -> Bool {
    var index = 4
    var run = 0
    while run < runs.count {
      let count = Int(runs[run])
      let kind = runs[run + 1]
      guard index + count <= value.count else { return false }
      for byte in value[index..<(index + count)] {
        let ok: Bool
        switch kind {
        case UInt8(ascii: "n"): ok = ASCII.isDigit(byte)
        case UInt8(ascii: "a"): ok = ASCII.letterIndex(byte) != nil
        default: ok = ASCII.isAlphanumeric(byte)
        }
        guard ok else { return false }
      }
      index += count
      run += 2
    }
    return index == value.count
  }

  /// Feeds one character into a running MOD 97-10 remainder; letters count as 10–35.
  @inline(__always)
  private static func append(_ byte: UInt8, to remainder: Int) -> Int {
    if let digit = ASCII.digit(byte) { return (remainder * 10 + digit) % 97 }
    // The BBAN structure check has already limited the bytes to letters and digits.
    let value = 10 + (ASCII.letterIndex(byte) ?? 0)
    return (remainder * 100 + value) % 97
  }

  /// The SWIFT IBAN Registry, release 101: country code and BBAN structure (runs of `n` digits,
  /// `a` letters, `c` letters or digits); the comment gives the full IBAN length and the
  /// registry's country name. Package-visible so tests can generate numbers for every country.
  package static let registry: [(country: String, bban: String)] = [
    ("AD", "4n4n12c"),  // 24: Andorra
    ("AE", "3n16n"),  // 23: United Arab Emirates (The)
    ("AL", "8n16c"),  // 28: Albania
    ("AT", "5n11n"),  // 20: Austria
    ("AZ", "4a20c"),  // 28: Azerbaijan
    ("BA", "3n3n8n2n"),  // 20: Bosnia and Herzegovina
    ("BE", "3n7n2n"),  // 16: Belgium
    ("BG", "4a4n2n8c"),  // 22: Bulgaria
    ("BH", "4a14c"),  // 22: Bahrain
    ("BI", "5n5n11n2n"),  // 27: Burundi
    ("BR", "8n5n10n1a1c"),  // 29: Brazil
    ("BY", "4c4n16c"),  // 28: Belarus
    ("CH", "5n12c"),  // 21: Switzerland
    ("CR", "4n14n"),  // 22: Costa Rica
    ("CY", "3n5n16c"),  // 28: Cyprus
    ("CZ", "4n16n"),  // 24: Czechia
    ("DE", "8n10n"),  // 22: Germany
    ("DJ", "5n5n11n2n"),  // 27: Djibouti
    ("DK", "4n9n1n"),  // 18: Denmark
    ("DO", "4c20n"),  // 28: Dominican Republic
    ("EE", "2n14n"),  // 20: Estonia
    ("EG", "4n4n17n"),  // 29: Egypt
    ("ES", "4n4n1n1n10n"),  // 24: Spain
    ("FI", "3n11n"),  // 18: Finland
    ("FK", "2a12n"),  // 18: Falkland Islands (Malvinas)
    ("FO", "4n9n1n"),  // 18: Faroe Islands
    ("FR", "5n5n11c2n"),  // 27: France
    ("GB", "4a6n8n"),  // 22: United Kingdom
    ("GE", "2a16n"),  // 22: Georgia
    ("GI", "4a15c"),  // 23: Gibraltar
    ("GL", "4n9n1n"),  // 18: Greenland
    ("GR", "3n4n16c"),  // 27: Greece
    ("GT", "4c20c"),  // 28: Guatemala
    ("HN", "4a20n"),  // 28: Honduras
    ("HR", "7n10n"),  // 21: Croatia
    ("HU", "3n4n1n15n1n"),  // 28: Hungary
    ("IE", "4a6n8n"),  // 22: Ireland
    ("IL", "3n3n13n"),  // 23: Israel
    ("IQ", "4a3n12n"),  // 23: Iraq
    ("IS", "4n2n6n10n"),  // 26: Iceland
    ("IT", "1a5n5n12c"),  // 27: Italy
    ("JO", "4a4n18c"),  // 30: Jordan
    ("KW", "4a22c"),  // 30: Kuwait
    ("KZ", "3n13c"),  // 20: Kazakhstan
    ("LB", "4n20c"),  // 28: Lebanon
    ("LC", "4a24c"),  // 32: Saint Lucia
    ("LI", "5n12c"),  // 21: Liechtenstein
    ("LT", "5n11n"),  // 20: Lithuania
    ("LU", "3n13c"),  // 20: Luxembourg
    ("LV", "4a13c"),  // 21: Latvia
    ("LY", "3n3n15n"),  // 25: Libya
    ("MC", "5n5n11c2n"),  // 27: Monaco
    ("MD", "2c18c"),  // 24: Moldova, Republic of
    ("ME", "3n13n2n"),  // 22: Montenegro
    ("MK", "3n10c2n"),  // 19: North Macedonia
    ("MN", "4n12n"),  // 20: Mongolia
    ("MR", "5n5n11n2n"),  // 27: Mauritania
    ("MT", "4a5n18c"),  // 31: Malta
    ("MU", "4a2n2n12n3n3a"),  // 30: Mauritius
    ("NI", "4a20n"),  // 28: Nicaragua
    ("NL", "4a10n"),  // 18: Netherlands (The)
    ("NO", "4n6n1n"),  // 15: Norway
    ("OM", "3n16c"),  // 23: Oman
    ("PK", "4a16c"),  // 24: Pakistan
    ("PL", "8n16n"),  // 28: Poland
    ("PS", "4a21c"),  // 29: Palestine, State of
    ("PT", "4n4n11n2n"),  // 25: Portugal
    ("QA", "4a21c"),  // 29: Qatar
    ("RO", "4a16c"),  // 24: Romania
    ("RS", "3n13n2n"),  // 22: Serbia
    ("RU", "9n5n15c"),  // 33: Russian Federation
    ("SA", "2n18c"),  // 24: Saudi Arabia
    ("SC", "4a2n2n16n3a"),  // 31: Seychelles
    ("SD", "2n12n"),  // 18: Sudan
    ("SE", "3n16n1n"),  // 24: Sweden
    ("SI", "5n8n2n"),  // 19: Slovenia
    ("SK", "4n6n10n"),  // 24: Slovakia
    ("SM", "1a5n5n12c"),  // 27: San Marino
    ("SO", "4n3n12n"),  // 23: Somalia
    ("ST", "4n4n11n2n"),  // 25: Sao Tome and Principe
    ("SV", "4a20n"),  // 28: El Salvador
    ("TL", "3n14n2n"),  // 23: Timor-Leste
    ("TN", "2n3n13n2n"),  // 24: Tunisia
    ("TR", "5n1n16c"),  // 26: Turkiye
    ("UA", "6n19c"),  // 29: Ukraine
    ("VA", "3n15n"),  // 22: Holy See
    ("VG", "4a16n"),  // 24: Virgin Islands (British)
    ("XK", "4n10n2n"),  // 20: Kosovo
    ("YE", "4a4n18c"),  // 30: Yemen
  ]
}
