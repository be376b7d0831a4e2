import PIIScanKit

/// How to build differential-test candidates for one validator: a plausible value whose check
/// characters are then searched for, and a random value of the right shape.
struct WorldCandidateShape: Sendable {
  /// A value with plausible structure (valid date, known region, …); check positions arbitrary.
  let template: @Sendable (inout WorldRandom) -> [UInt8]
  /// Positions of the check characters for a value of the given length, filled by search until
  /// the validator confirms.
  let checkPositions: @Sendable (Int) -> [Int]
  /// Characters tried at the check positions.
  let checkAlphabet: [UInt8]
  /// A random value of the right length and character classes.
  let random: @Sendable (inout WorldRandom) -> [UInt8]
  /// Characters used for single-character mutations.
  let mutationAlphabet: [UInt8]
}

/// The validators that python-stdnum also implements, with candidate shapes and the
/// documented differences between the two.
enum DifferentialWorld {
  static let names = [
    "ca_sin", "us_itin", "br_cpf", "br_cnpj", "mx_curp", "in_aadhaar", "in_pan", "cn_resident_id",
    "kr_rrn", "jp_my_number", "au_tfn", "au_abn", "za_id", "tr_national_id", "il_id", "imei",
    "swift_bic",
  ]

  private static let digits = WorldBytes.digits
  private static let upper = WorldBytes.upper
  private static let alphanumeric = WorldBytes.upperAlphanumeric
  private static let consonants = Array("BCDFGHJKLMNPQRSTVWXYZ".utf8)
  private static let curpStates =
    "AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS NE"
    .split(separator: " ").map { Array($0.utf8) }
  /// County codes that python-stdnum's cn/loc.dat knows for every birth year.
  private static let chinaCounties = [
    "110102", "140122", "140123", "152528", "222402", "232721", "330122", "422823", "513332",
    "513424", "520203", "522625", "532324", "532931", "533323", "610331", "622924", "622926",
    "632223", "632525", "632624", "652929", "653127", "653225",
  ].map { Array($0.utf8) }
  private static let bicCountries = "DE FR GB US CH JP CN BR IN ZA XK NL IT ES SG AU CA MX"
    .split(separator: " ").map { Array($0.utf8) }

  private static func number(_ value: Int, width: Int) -> [UInt8] {
    var bytes = [UInt8]()
    var rest = value
    for _ in 0..<width {
      bytes.insert(UInt8(ascii: "0") + UInt8(rest % 10), at: 0)
      rest /= 10
    }
    return bytes
  }

  /// A random date as YYMMDD (day ≤ 28, so valid in every year) or, for `fullYear`, YYYYMMDD.
  private static func date(_ random: inout WorldRandom, years: ClosedRange<Int>, fullYear: Bool)
    -> [UInt8]
  {
    let year = Int.random(in: years, using: &random)
    let month = Int.random(in: 1...12, using: &random)
    let day = Int.random(in: 1...28, using: &random)
    return (fullYear ? number(year, width: 4) : number(year % 100, width: 2))
      + number(month, width: 2) + number(day, width: 2)
  }

  static func shape(_ name: String) -> WorldCandidateShape {
    switch name {
    case "ca_sin":
      return WorldCandidateShape(
        template: { r in [r.pick(Array("12345679".utf8))] + r.string(digits, count: 8) },
        checkPositions: { _ in [8] }, checkAlphabet: digits,
        random: { r in r.string(digits, count: 9) }, mutationAlphabet: digits)
    case "us_itin":
      let groups = Array(50...65) + Array(70...88) + Array(90...92) + Array(94...99)
      return WorldCandidateShape(
        template: { r in
          Array("9".utf8) + r.string(digits, count: 2)
            + number(groups.randomElement(using: &r)!, width: 2)
            + r.string(digits, count: 4)
        },
        checkPositions: { _ in [] }, checkAlphabet: [],
        random: { r in
          (Bool.random(using: &r) ? Array("9".utf8) : [r.pick(digits)]) + r.string(digits, count: 8)
        }, mutationAlphabet: digits)
    case "br_cpf":
      return WorldCandidateShape(
        template: { r in r.string(digits, count: 11) }, checkPositions: { _ in [9, 10] },
        checkAlphabet: digits,
        random: { r in
          // One in 50 is a repeated digit, the classic placeholder.
          Int.random(in: 0..<50, using: &r) == 0
            ? [UInt8](repeating: r.pick(digits), count: 11) : r.string(digits, count: 11)
        }, mutationAlphabet: digits)
    case "br_cnpj":
      return WorldCandidateShape(
        template: { r in
          (Int.random(in: 0..<4, using: &r) == 0
            ? r.string(alphanumeric, count: 12) : r.string(digits, count: 12))
            + r.string(digits, count: 2)
        },
        checkPositions: { _ in [12, 13] }, checkAlphabet: digits,
        random: { r in r.string(digits, count: 14) }, mutationAlphabet: digits)
    case "mx_curp":
      return WorldCandidateShape(
        template: { r in
          let bornAfter2000 = Bool.random(using: &r)
          let sex: UInt8 =
            Int.random(in: 0..<10, using: &r) == 0
            ? UInt8(ascii: "X") : r.pick(Array("HM".utf8))
          return r.string(upper, count: 4)
            + date(&r, years: bornAfter2000 ? 2000...2024 : 1900...1999, fullYear: false)
            + [sex] + curpStates.randomElement(using: &r)! + r.string(consonants, count: 3)
            + [bornAfter2000 ? r.pick(upper) : r.pick(digits)] + [UInt8(ascii: "0")]
        },
        checkPositions: { _ in [17] }, checkAlphabet: digits,
        random: { r in
          r.string(upper, count: 4) + r.string(digits, count: 6) + r.string(upper, count: 6)
            + [r.pick(alphanumeric)] + [r.pick(digits)]
        }, mutationAlphabet: alphanumeric)
    case "in_aadhaar":
      return WorldCandidateShape(
        template: { r in [r.pick(Array("23456789".utf8))] + r.string(digits, count: 11) },
        checkPositions: { _ in [11] }, checkAlphabet: digits,
        random: { r in r.string(digits, count: 12) }, mutationAlphabet: digits)
    case "in_pan":
      return WorldCandidateShape(
        template: { r in
          r.string(upper, count: 3) + [r.pick(Array("ABCFGHLJPTK".utf8))] + [r.pick(upper)]
            + r.string(digits, count: 4) + [r.pick(upper)]
        },
        checkPositions: { _ in [] }, checkAlphabet: [],
        random: { r in
          r.string(upper, count: 5)
            + (Int.random(in: 0..<20, using: &r) == 0
              ? Array("0000".utf8) : r.string(digits, count: 4)) + [r.pick(upper)]
        }, mutationAlphabet: alphanumeric)
    case "cn_resident_id":
      return WorldCandidateShape(
        template: { r in
          chinaCounties.randomElement(using: &r)! + date(&r, years: 1900...2024, fullYear: true)
            + r.string(digits, count: 3) + [UInt8(ascii: "0")]
        },
        checkPositions: { _ in [17] }, checkAlphabet: digits + Array("X".utf8),
        random: { r in
          r.string(digits, count: 6) + Array((Bool.random(using: &r) ? "19" : "20").utf8)
            + r.string(digits, count: 9) + [r.pick(digits + Array("X".utf8))]
        }, mutationAlphabet: digits)
    case "kr_rrn":
      return WorldCandidateShape(
        template: { r in
          let century = Int.random(in: 0..<3, using: &r)
          let years = century == 0 ? 1800...1899 : century == 1 ? 1900...1999 : 2000...2020
          let sexDigits = century == 0 ? "90" : century == 1 ? "1256" : "3478"
          return date(&r, years: years, fullYear: false) + [r.pick(Array(sexDigits.utf8))]
            + r.string(digits, count: 6)
        },
        checkPositions: { _ in [12] }, checkAlphabet: digits,
        random: { r in r.string(digits, count: 13) }, mutationAlphabet: digits)
    case "jp_my_number":
      return WorldCandidateShape(
        template: { r in r.string(digits, count: 12) }, checkPositions: { _ in [11] },
        checkAlphabet: digits,
        random: { r in r.string(digits, count: 12) }, mutationAlphabet: digits)
    case "au_tfn":
      return WorldCandidateShape(
        template: { r in r.string(digits, count: Int.random(in: 0..<4, using: &r) == 0 ? 8 : 9) },
        checkPositions: { [$0 - 1] }, checkAlphabet: digits,
        random: { r in r.string(digits, count: Bool.random(using: &r) ? 8 : 9) },
        mutationAlphabet: digits)
    case "au_abn":
      return WorldCandidateShape(
        template: { r in r.string(digits, count: 11) }, checkPositions: { _ in [0, 1] },
        checkAlphabet: digits,
        random: { r in r.string(digits, count: 11) }, mutationAlphabet: digits)
    case "za_id":
      return WorldCandidateShape(
        template: { r in
          date(&r, years: 1930...2024, fullYear: false) + r.string(digits, count: 4)
            + [r.pick(Array("0112".utf8))] + [r.pick(Array("89".utf8))] + [UInt8(ascii: "0")]
        },
        checkPositions: { _ in [12] }, checkAlphabet: digits,
        random: { r in r.string(digits, count: 13) }, mutationAlphabet: digits)
    case "tr_national_id":
      return WorldCandidateShape(
        template: { r in [r.pick(Array("123456789".utf8))] + r.string(digits, count: 10) },
        checkPositions: { _ in [9, 10] }, checkAlphabet: digits,
        random: { r in r.string(digits, count: 11) }, mutationAlphabet: digits)
    case "il_id":
      return WorldCandidateShape(
        template: { r in r.string(digits, count: Int.random(in: 0..<5, using: &r) == 0 ? 7 : 9) },
        checkPositions: { [$0 - 1] }, checkAlphabet: digits,
        random: { r in r.string(digits, count: Int.random(in: 1...9, using: &r)) },
        mutationAlphabet: digits)
    case "imei":
      return WorldCandidateShape(
        template: { r in r.string(digits, count: 15) }, checkPositions: { _ in [14] },
        checkAlphabet: digits,
        random: { r in r.string(digits, count: [14, 15, 15, 15, 16].randomElement(using: &r)!) },
        mutationAlphabet: digits)
    case "swift_bic":
      return WorldCandidateShape(
        template: { r in
          r.string(upper, count: 4) + bicCountries.randomElement(using: &r)!
            + r.string(alphanumeric, count: 2)
            + (Bool.random(using: &r) ? r.string(alphanumeric, count: 3) : [])
        },
        checkPositions: { _ in [] }, checkAlphabet: [],
        random: { r in
          r.string(upper, count: 6) + r.string(alphanumeric, count: Bool.random(using: &r) ? 2 : 5)
        }, mutationAlphabet: alphanumeric)
    default:
      preconditionFailure("no candidate shape for validator \(name)")
    }
  }

  /// True when a disagreement between piiscan and python-stdnum is one of the documented,
  /// deliberate differences (each case says why).
  static func isDocumentedDifference(
    _ name: String, _ value: [UInt8], ours: Verdict, stdnumValid: Bool, reason: String?
  ) -> Bool {
    let digit = { (index: Int) in Int(value[index]) - 48 }
    switch name {
    case "us_itin":
      // IRS issues groups 50–65 too (since 2011); stdnum only knows 70–99.
      return ours == .confirmed && !stdnumValid && (50...65).contains(digit(3) * 10 + digit(4))
    case "br_cpf":
      // Repeated-digit CPFs pass the arithmetic; stdnum accepts them, we treat them as the
      // placeholders they are.
      return ours == .rejected && stdnumValid && Set(value).count == 1
    case "mx_curp":
      // Sex X (non-binary) is issued by RENAPO; stdnum only knows H and M.
      if ours == .confirmed && !stdnumValid && value[10] == UInt8(ascii: "X") { return true }
      // Positions 14–16 are consonants by construction; stdnum accepts any letter.
      return ours == .rejected && stdnumValid
        && value[13..<16].contains { "AEIOU".utf8.contains($0) }
    case "in_aadhaar":
      // stdnum rejects palindromes; UIDAI publishes no such rule.
      return ours == .confirmed && !stdnumValid && value == value.reversed()
    case "cn_resident_id":
      // stdnum checks the county against its own table; we check only the province.
      if ours == .confirmed && !stdnumValid && reason == "birth_place" { return true }
      // We reject birth years outside 1800–2099; stdnum accepts any year 1–9999.
      let year = digit(6) * 1000 + digit(7) * 100 + digit(8) * 10 + digit(9)
      return ours == .rejected && stdnumValid && !(1800...2099).contains(year)
    case "kr_rrn":
      // Numbers from 2020-10-05 have no check digit: we say unverifiable, stdnum still checks.
      let isPostReform =
        "3478".utf8.contains(value[6])
        && (digit(0) * 10 + digit(1), digit(2) * 10 + digit(3), digit(4) * 10 + digit(5))
          >= (20, 10, 5)
      if ours == .unverifiable && isPostReform { return true }
      // stdnum rejects place-of-birth codes above 96; foreigners' numbers use these digits for
      // the issuing office, so we do not check them.
      return ours == .confirmed && !stdnumValid && digit(7) * 10 + digit(8) > 96
    case "au_abn":
      // Check digits 10: when the 9 payload digits give remainder 0, both 10 and 99 pass ABR's
      // mod-89 verification, which we implement as published; stdnum computes the check digits
      // (11…99) and so only accepts 99.
      return ours == .confirmed && !stdnumValid && value[0] == UInt8(ascii: "1")
        && value[1] == UInt8(ascii: "0")
    case "au_tfn":
      // 8-digit TFNs: we use the 8-digit weights 10,7,8,4,6,3,5,1; stdnum reuses the first
      // eight 9-digit weights.
      return value.count == 8
    case "za_id":
      // Citizenship digit 2 (refugee) is issued by Home Affairs; stdnum knows only 0 and 1.
      return ours == .confirmed && !stdnumValid && value[10] == UInt8(ascii: "2")
    case "imei":
      // 14-digit IMEIs and 16-digit IMEISVs carry no check digit: unverifiable for us.
      return ours == .unverifiable && stdnumValid && (value.count == 14 || value.count == 16)
    default:
      return false
    }
  }
}
