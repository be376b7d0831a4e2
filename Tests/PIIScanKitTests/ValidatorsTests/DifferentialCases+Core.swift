import PIIScanKit
import TestSupport

private typealias Ref = ReferenceCheckDigits

extension DifferentialCase {
  static let core: [DifferentialCase] = [luhn, creditCard, iban, usSSN, abaRouting]

  static let luhn = DifferentialCase(
    name: "luhn",
    valid: { rng in
      let body = rng.digits(rng.int(in: 1...18))
      return body + [Ref.luhn(body)]
    },
    random: { rng in rng.digits(rng.int(in: 2...19)) })

  /// (prefix low, prefix high, lengths) for each brand range, restated from the card brands.
  private static let brands: [(Int, Int, [Int])] = [
    (4, 4, [13, 16, 19]), (51, 55, [16]), (2221, 2720, [16]), (34, 34, [15]), (37, 37, [15]),
    (6011, 6011, [16, 17, 18, 19]), (644, 649, [16, 17, 18, 19]), (65, 65, [16, 17, 18, 19]),
    (622_126, 622_925, [16, 17, 18, 19]), (3528, 3589, [16, 17, 18, 19]),
    (300, 305, Array(14...19)), (36, 36, Array(14...19)), (38, 39, Array(14...19)),
    (62, 62, [16, 17, 18, 19]), (50, 50, Array(12...19)), (56, 69, Array(12...19)),
  ]

  private static func brandShaped(_ rng: inout SeededRandom) -> [UInt8] {
    let (low, high, lengths) = rng.element(of: brands)
    let prefix = rng.int(in: low...high)
    let prefixDigits = Array(String(prefix).utf8)
    return prefixDigits + rng.digits(rng.element(of: lengths) - prefixDigits.count)
  }

  /// stdnum has no card module: the oracle is `stdnum.luhn`. Candidates are always brand-shaped
  /// and mutations stay off the 6-digit IIN, so brand rules never decide; the one remaining
  /// difference is the all-same-digit rule.
  static let creditCard = DifferentialCase(
    name: "credit_card",
    valid: { rng in
      let number = brandShaped(&rng)
      let body = Array(number.dropLast())
      return body + [Ref.luhn(body)]
    },
    random: { rng in brandShaped(&rng) },
    mutable: { 6..<$0 },
    isDocumentedDifference: { value, ours in
      // We reject one repeated digit as a placeholder; Luhn alone may accept it.
      ours == .rejected && Set(value).count == 1
    })

  private static func ibanBBAN(_ structure: String, using rng: inout SeededRandom, noise: Bool)
    -> [UInt8]
  {
    var bban: [UInt8] = []
    var count = 0
    for byte in structure.utf8 {
      if byte >= 0x30 && byte <= 0x39 {
        count = count * 10 + Int(byte - 0x30)
        continue
      }
      for _ in 0..<count {
        switch byte {
        case UInt8(ascii: "n"): bban.append(rng.digit())
        case UInt8(ascii: "a"): bban.append(rng.letter())
        default: bban.append(rng.chance(1, in: 2) ? rng.digit() : rng.letter())
        }
      }
      count = 0
    }
    if noise && rng.chance(1, in: 10) && !bban.isEmpty {
      // Break the structure: a letter where a digit may be expected, or vice versa.
      let index = rng.int(in: 0...(bban.count - 1))
      bban[index] = bban[index] <= 0x39 ? rng.letter() : rng.digit()
    }
    return bban
  }

  static let iban = DifferentialCase(
    name: "iban",
    valid: { rng in
      let (country, structure) = rng.element(of: IBAN.registry)
      let code = Array(country.utf8)
      let bban = ibanBBAN(structure, using: &rng, noise: false)
      var check = 98 - Ref.mod97(bban + code + Array("00".utf8))
      // Sometimes spell the check digits in their never-issued congruent form (see below).
      if rng.chance(1, in: 20) {
        switch check {
        case 98: check = 1
        case 97: check = 0
        case 2: check = 99
        default: break
        }
      }
      return Ref.maybeLowercased(code + Ref.padded(check, width: 2) + bban, using: &rng)
    },
    random: { rng in
      let (country, structure) =
        rng.chance(1, in: 20) ? ("US", "4n14n") : rng.element(of: IBAN.registry)
      let value =
        Array(country.utf8) + rng.digits(2) + ibanBBAN(structure, using: &rng, noise: true)
      return Ref.maybeLowercased(value, using: &rng)
    },
    isDocumentedDifference: { value, ours in
      // Check digits 00, 01 and 99 satisfy MOD 97-10 but are never issued (ISO 7064 yields
      // 02–98); we reject them, stdnum accepts them.
      let check = Ref.value(value[2]) * 10 + Ref.value(value[3])
      return ours == .rejected && (check == 0 || check == 1 || check == 99)
    })

  /// stdnum's `us.ssn` applies the same SSA rules. Its blacklist also holds a third number, a
  /// real person's SSN made public in advertising; we deliberately do not embed it (it is a
  /// real, issued SSN and so PII we should report), and the fixed-seed candidates never hit it.
  static let usSSN = DifferentialCase(
    name: "us_ssn",
    valid: { rng in
      var area = rng.int(in: 1...899)
      if area == 666 { area = 665 }
      return Ref.padded(area, width: 3) + Ref.padded(rng.int(in: 1...99), width: 2)
        + Ref.padded(rng.int(in: 1...9999), width: 4)
    },
    random: { rng in
      let area = rng.element(of: [rng.int(in: 0...999), 0, 666, rng.int(in: 900...999), 78, 219])
      let group = rng.chance(1, in: 5) ? 0 : rng.int(in: 0...99)
      let serial = rng.chance(1, in: 5) ? 0 : rng.int(in: 0...9999)
      return Ref.padded(area, width: 3) + Ref.padded(group, width: 2)
        + Ref.padded(serial, width: 4)
    })

  private static func abaPrefixIsAssigned(_ prefix: Int) -> Bool {
    (0...12).contains(prefix) || (21...32).contains(prefix) || (61...72).contains(prefix)
      || prefix == 80
  }

  static let abaRouting = DifferentialCase(
    name: "aba_routing",
    valid: { rng in
      let prefix = rng.element(of: Array(0...12) + Array(21...32) + Array(61...72) + [80])
      let body = Ref.padded(prefix, width: 2) + rng.digits(6)
      let d = body.map(Ref.value)
      let check = (7 * (d[0] + d[3] + d[6]) + 3 * (d[1] + d[4] + d[7]) + 9 * (d[2] + d[5])) % 10
      return body + [UInt8(0x30 + check)]
    },
    random: { rng in rng.digits(9) },
    isDocumentedDifference: { value, ours in
      // stdnum checks only the check digit; we also require a Federal Reserve routing symbol
      // as the first two digits and reject all zeros.
      let prefix = Ref.value(value[0]) * 10 + Ref.value(value[1])
      return ours == .rejected && (!abaPrefixIsAssigned(prefix) || Set(value) == [0x30])
    })
}
