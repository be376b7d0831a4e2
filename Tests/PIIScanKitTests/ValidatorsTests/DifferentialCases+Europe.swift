import PIIScanKit
import TestSupport

private typealias Ref = ReferenceCheckDigits

extension DifferentialCase {
  /// European identifiers whose rules do not involve a birth date.
  static let europe: [DifferentialCase] = [
    ukNHS, esNIF, itFiscalCode, frNIR, deTaxID, nlBSN, ptNIF, iePPS,
  ]

  static let ukNHS = DifferentialCase(
    name: "uk_nhs",
    valid: { rng in
      while true {
        let body = rng.digits(9)
        let check = (11 - Ref.weightedSum(body, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11) % 11
        if check != 10 { return body + [UInt8(0x30 + check)] }
      }
    },
    random: { rng in rng.digits(10) })

  private static let nifLetters = Array("TRWAGMYFPDXBNJZSQVHLCKE".utf8)

  static let esNIF = DifferentialCase(
    name: "es_nif",
    valid: { rng in
      let kind = rng.int(in: 0...2)
      let lead: [UInt8]
      let number: Int
      switch kind {
      case 0:
        lead = rng.digits(1)
        let rest = rng.digits(7)
        number = Ref.number(lead + rest, 0..<8)
        return Ref.maybeLowercased(lead + rest + [nifLetters[number % 23]], using: &rng)
      case 1:
        let index = rng.int(in: 0...2)
        lead = [Array("XYZ".utf8)[index]]
        let rest = rng.digits(7)
        number = index * 10_000_000 + Ref.number(rest, 0..<7)
        return Ref.maybeLowercased(lead + rest + [nifLetters[number % 23]], using: &rng)
      default:
        lead = [rng.element(of: Array("KLM".utf8))]
        let rest = rng.digits(7)
        number = Ref.number(rest, 0..<7)
        return Ref.maybeLowercased(lead + rest + [nifLetters[number % 23]], using: &rng)
      }
    },
    random: { rng in
      let lead = rng.chance(1, in: 2) ? rng.digit() : rng.element(of: Array("XYZKLM".utf8))
      return [lead] + rng.digits(7) + [rng.letter()]
    },
    isDocumentedDifference: { value, ours in
      // stdnum's es.nif also validates company CIFs (other leading letters); we cover natural
      // persons only. A mutation of the leading letter can produce a CIF shape.
      let lead = value[0] & 0xDF
      return ours == .rejected && lead >= 0x41 && lead <= 0x5A && !"XYZKLM".utf8.contains(lead)
    })

  private static let cfOdd = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
  ]
  private static let omocodia = Array("LMNPQRSTUV".utf8)
  private static let cfDigitPositions = [6, 7, 9, 10, 12, 13, 14]

  private static func cfCheck(_ body: [UInt8]) -> UInt8 {
    var sum = 0
    for (index, byte) in body.enumerated() {
      let v = byte <= 0x39 ? Int(byte) - 0x30 : Int(byte) - 0x41
      // Digits use the same "dispari" values as the letters A–J.
      sum += index % 2 == 0 ? cfOdd[v] : v
    }
    return UInt8(0x41 + sum % 26)
  }

  private static func cfBody(
    year: Int, month: Int, day: Int, using rng: inout SeededRandom
  ) -> [UInt8] {
    var body = (0..<6).map { _ in rng.letter() }
    body += Ref.padded(year, width: 2)
    body.append(Array("ABCDEHLMPRST".utf8)[month - 1])
    body += Ref.padded(day, width: 2)
    body.append(rng.letter())
    body += rng.digits(3)
    for position in cfDigitPositions where rng.chance(1, in: 8) {
      body[position] = omocodia[Int(body[position]) - 0x30]
    }
    return body
  }

  static let itFiscalCode = DifferentialCase(
    name: "it_fiscal_code",
    valid: { rng in
      let date = Ref.date(in: 1920...2019, using: &rng)
      let day = date.day + (rng.chance(1, in: 2) ? 40 : 0)
      let body = cfBody(year: date.year % 100, month: date.month, day: day, using: &rng)
      return Ref.maybeLowercased(body + [cfCheck(body)], using: &rng)
    },
    random: { rng in
      var body = cfBody(
        year: rng.int(in: 0...99), month: rng.int(in: 1...12), day: rng.int(in: 0...99),
        using: &rng)
      if rng.chance(1, in: 10) { body[8] = rng.letter() }
      return body + [rng.chance(1, in: 2) ? cfCheck(body) : rng.letter()]
    },
    isDocumentedDifference: { value, ours in
      // stdnum reads the day modulo 40, so it accepts days 81–99 (as 1–19); we do not.
      let upper = value.map { $0 >= 0x61 ? $0 - 0x20 : $0 }
      func digit(_ byte: UInt8) -> Int {
        byte <= 0x39 ? Int(byte) - 0x30 : (omocodia.firstIndex(of: byte) ?? 0)
      }
      let day = digit(upper[9]) * 10 + digit(upper[10])
      return ours == .rejected && day >= 81
    })

  private static func nirKey(_ body: [UInt8]) -> Int {
    var digits = body
    let department = (digits[5], digits[6] & 0xDF)
    if department == (0x32, 0x41) { (digits[5], digits[6]) = (0x31, 0x39) }
    if department == (0x32, 0x42) { (digits[5], digits[6]) = (0x31, 0x38) }
    return 97 - Ref.mod97(digits)
  }

  private static func nirBody(firstDigits: [Int], using rng: inout SeededRandom) -> [UInt8] {
    var body = [UInt8(0x30 + rng.element(of: firstDigits))] + rng.digits(12)
    if rng.chance(1, in: 5) {
      body[5] = 0x32
      body[6] = rng.element(of: Array("ABab".utf8))
    }
    return body
  }

  static let frNIR = DifferentialCase(
    name: "fr_nir",
    valid: { rng in
      let body = nirBody(firstDigits: [1, 2, 3, 4, 7, 8], using: &rng)
      return body + Ref.padded(nirKey(body), width: 2)
    },
    random: { rng in
      let body = nirBody(firstDigits: Array(0...9), using: &rng)
      return body + (rng.chance(1, in: 3) ? Ref.padded(nirKey(body), width: 2) : rng.digits(2))
    },
    isDocumentedDifference: { value, ours in
      // We require the first digit to be 1, 2 (sex), 3, 4 (registration in progress) or 7, 8
      // (temporary NIA); stdnum accepts any digit.
      ours == .rejected && !"123478".utf8.contains(value[0])
    })

  /// Ten digits with exactly one digit twice (or, 1 in 4, three times) and no leading zero.
  private static func idnrBody(_ rng: inout SeededRandom) -> [UInt8] {
    var pool = Array(0...9)
    var picked: [Int] = []
    for _ in 0..<9 { picked.append(pool.remove(at: rng.int(in: 0...(pool.count - 1)))) }
    let repeated = rng.element(of: picked)
    picked.insert(repeated, at: rng.int(in: 0...picked.count))
    if rng.chance(1, in: 4) {
      picked.remove(at: picked.lastIndex { $0 != repeated } ?? 0)
      picked.insert(repeated, at: rng.int(in: 0...picked.count))
    }
    if picked[0] == 0 { picked.swapAt(0, picked.firstIndex { $0 != 0 } ?? 0) }
    return picked.map { UInt8(0x30 + $0) }
  }

  static let deTaxID = DifferentialCase(
    name: "de_tax_id",
    valid: { rng in
      let body = idnrBody(&rng)
      return body + [Ref.iso7064Mod11And10(body)]
    },
    random: { rng in
      let body = rng.chance(1, in: 2) ? idnrBody(&rng) : rng.digits(10)
      return body + [rng.chance(1, in: 2) ? Ref.iso7064Mod11And10(body) : rng.digit()]
    },
    isDocumentedDifference: { value, ours in
      // Since 2016 a digit occurring three times may not occupy three adjacent positions
      // (BZSt); stdnum checks only the counts.
      var hasTripleRun = false
      for index in 0..<8 where value[index] == value[index + 1] {
        hasTripleRun = hasTripleRun || value[index] == value[index + 2]
      }
      return ours == .rejected && hasTripleRun
    })

  static let nlBSN = DifferentialCase(
    name: "nl_bsn",
    valid: { rng in
      while true {
        let body = rng.digits(8)
        let check = Ref.weightedSum(body, [9, 8, 7, 6, 5, 4, 3, 2]) % 11
        if check != 10 { return body + [UInt8(0x30 + check)] }
      }
    },
    random: { rng in rng.digits(9) })

  private static func ptAllocated(_ prefix: Int) -> Bool {
    switch prefix {
    case 10...39, 45, 50...72, 74, 75, 77...91, 98, 99: return true
    default: return false
    }
  }

  private static func ptCheck(_ body: [UInt8]) -> UInt8 {
    UInt8(0x30 + (11 - Ref.weightedSum(body, [9, 8, 7, 6, 5, 4, 3, 2]) % 11) % 11 % 10)
  }

  static let ptNIF = DifferentialCase(
    name: "pt_nif",
    valid: { rng in
      var prefix = rng.int(in: 10...99)
      while !ptAllocated(prefix) { prefix = rng.int(in: 10...99) }
      let body = Ref.padded(prefix, width: 2) + rng.digits(6)
      return body + [ptCheck(body)]
    },
    random: { rng in
      let body = rng.digits(8)
      return body + [rng.chance(1, in: 2) ? ptCheck(body) : rng.digit()]
    },
    isDocumentedDifference: { value, ours in
      // We require an allocated leading range (Portuguese Wikipedia's table of AT ranges);
      // stdnum accepts any non-zero first digit.
      ours == .rejected && !ptAllocated(Ref.number(value, 0..<2))
    })

  private static let ppsAlphabet = Array("WABCDEFGHIJKLMNOPQRSTUV".utf8)

  private static func ppsCheck(_ digits: [UInt8], second: UInt8?) -> UInt8 {
    var sum = Ref.weightedSum(digits, [8, 7, 6, 5, 4, 3, 2])
    if let second, second >= 0x41 && second <= 0x49 { sum += 9 * Int(second - 0x40) }
    return ppsAlphabet[sum % 23]
  }

  static let iePPS = DifferentialCase(
    name: "ie_pps",
    valid: { rng in
      let digits = rng.digits(7)
      let second: UInt8? = rng.chance(1, in: 4) ? nil : rng.element(of: Array("ABHWTXCDEFGI".utf8))
      let value = digits + [ppsCheck(digits, second: second)] + (second.map { [$0] } ?? [])
      return Ref.maybeLowercased(value, using: &rng)
    },
    random: { rng in
      let digits = rng.digits(7)
      let second: UInt8? = rng.chance(1, in: 3) ? nil : rng.letter()
      let check = rng.chance(1, in: 2) ? ppsCheck(digits, second: second) : rng.letter()
      return digits + [check] + (second.map { [$0] } ?? [])
    },
    isDocumentedDifference: { value, ours in
      // We accept the second letters C–G and I (values 3–7 and 9 of the 2013 scheme); stdnum
      // knows only A, B, H and the old W, T, X.
      ours == .confirmed && value.count == 9 && "CDEFGIcdefgi".utf8.contains(value[8])
    })
}
