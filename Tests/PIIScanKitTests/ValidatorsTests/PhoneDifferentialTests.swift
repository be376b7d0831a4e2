import Foundation
import PCRE2
import TestSupport
import Testing

@testable import PIIScanKit

/// Differential test of the phone validators against the `phonenumbers` package
/// (`scripts/phone_oracle.py`): `is_valid_number(parse(number, region))` is the reference.
///
/// The candidates start from the oracle's own example numbers (every region, every number
/// type), then add fixed-seed single-digit mutations, truncations and extensions by one digit,
/// a written trunk prefix after the calling code, and random digit strings after real calling
/// codes; the national validators get the same treatment on the examples' national formats
/// plus international-prefix and bare-calling-code forms. Every candidate goes through one
/// oracle process; there must be no disagreement.
///
/// Without an interpreter that can import phonenumbers the test is skipped with a note, unless
/// `CI` is `true`, where it fails (`make test` provides the venv).
@Suite struct PhoneDifferentialTests {
  static let seed: UInt64 = 0x5048_4F4E_4553  // "PHONES"

  struct Candidate {
    /// nil: international (`+digits`), validated by `phone`; else `phone_national_<region>`.
    let region: String?
    let digits: String
  }

  @Test func validatorsAgreeWithPhonenumbers() throws {
    guard let oracle = PhoneOracle.available else {
      let reason = "no Python with phonenumbers (set PIISCAN_VENV, or create .venv: `make venv`)"
      if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("phone differential test cannot run: \(reason)")
      } else {
        print("note: skipping phone differential test: \(reason)")
      }
      return
    }
    let (version, examples) = try oracle.examples()
    let tables = PhoneNumberingPlan.metadataVersion
    try #require(
      version == tables,
      "oracle: phonenumbers \(version), tables: \(tables); run `make venv` or `make phone-metadata`"
    )
    try #require(examples.count > 1000, "the oracle lists every region's example numbers")

    let candidates = Self.candidates(from: examples)
    let international = candidates.filter { $0.region == nil }.count
    #expect(international >= 10_000)
    let answers = try oracle.validity(of: candidates.map { ($0.region, $0.digits) })
    try #require(answers.count == candidates.count, "one oracle answer per candidate")

    var disagreements: [String] = []
    // One scratch for every value, as a scan's worker reuses its own: nothing one match leaves
    // in it may change the next verdict. Every tenth value goes through a fresh one.
    let shared = MatchScratch()
    for (n, (candidate, valid)) in zip(candidates, answers).enumerated() {
      let name = candidate.region.map { "phone_national_\($0.lowercased())" } ?? "phone"
      let validator = try #require(ValidatorRegistry.named(name))
      let value = Array(candidate.digits.utf8)
      let ours = n % 10 == 0 ? validator.check(value) : validator.check(value, scratch: shared)
      if (ours == .confirmed) != valid {
        // Synthetic fixed-seed values and published examples, safe to show.
        disagreements.append("\(name) \(candidate.digits): ours \(ours), phonenumbers \(valid)")
      }
    }
    let shown = disagreements.prefix(8).joined(separator: "; ")
    #expect(disagreements.count == 0, "disagreements, e.g. \(shown)")
    // Both outcomes must be well represented, for both entry points.
    for national in [false, true] {
      let subset = zip(candidates, answers).filter { ($0.0.region != nil) == national }
      let valid = subset.filter(\.1).count
      #expect(valid >= subset.count / 5, "only \(valid) of \(subset.count) candidates valid")
      #expect(subset.count - valid >= subset.count / 5, "only \(subset.count - valid) invalid")
    }
  }

  /// The fixed-seed candidate list (deterministic for one oracle version).
  static func candidates(from examples: [PhoneOracle.Example]) -> [Candidate] {
    var random = SeededRandom(seed: seed)
    var out: [Candidate] = []
    func variants(_ digits: [UInt8], keep: Int, _ add: (String) -> Void) {
      add(String(decoding: digits, as: UTF8.self))
      guard digits.count > keep else { return }
      for _ in 0..<3 {  // single-digit mutations after the kept prefix
        var mutated = digits
        let index = random.int(in: keep...(digits.count - 1))
        mutated[index] = UInt8(0x30 + (Int(mutated[index] - 0x30) + random.int(in: 1...9)) % 10)
        add(String(decoding: mutated, as: UTF8.self))
      }
      add(String(decoding: digits.dropLast(), as: UTF8.self))
      add(String(decoding: digits + [random.digit()], as: UTF8.self))
      add(String(decoding: digits.dropLast() + [random.digit(), random.digit()], as: UTF8.self))
    }

    // International: examples and their variants, a written trunk prefix after the code.
    for example in examples {
      let digits = Array(example.international.utf8.dropFirst())
      let code = callingCodeLength(digits)
      variants(digits, keep: code) { out.append(Candidate(region: nil, digits: "+" + $0)) }
      var trunk = digits
      trunk.insert(0x30, at: code)
      out.append(Candidate(region: nil, digits: "+" + String(decoding: trunk, as: UTF8.self)))
    }
    // Random digit strings after real calling codes, and fully random strings.
    let codes = Array(Set(PhoneNumberingPlan.all.map(\.callingCode))).sorted()
    for _ in 0..<3_000 {
      let code = Array(String(random.element(of: codes)).utf8)
      let rest = random.digits(random.int(in: 3...14))
      out.append(Candidate(region: nil, digits: "+" + String(decoding: code + rest, as: UTF8.self)))
    }
    for _ in 0..<500 {
      let digits = random.digits(random.int(in: 1...17))
      out.append(Candidate(region: nil, digits: "+" + String(decoding: digits, as: UTF8.self)))
    }

    // National formats for the regions with a national validator.
    let regions = ValidatorRegistry.nationalPhoneRegions
    let regionCodes = Dictionary(
      uniqueKeysWithValues: regions.map {
        ($0, PhoneNumberingPlan.all[PhoneNumberingPlan.byRegion[$0]!].callingCode)
      })
    for example in examples {
      // A region's validator also sees the examples of the regions sharing its calling code.
      let code = Int(
        example.international.dropFirst().prefix(
          callingCodeLength(Array(example.international.utf8.dropFirst()))))
      for region in regions where regionCodes[region] == code {
        let add = { (digits: String) in out.append(Candidate(region: region, digits: digits)) }
        variants(Array(example.national.utf8), keep: 0, add)
        let international = String(example.international.dropFirst())
        add(international)  // the calling code without +
        add("00" + international)  // an international prefix (IDD) in most regions
        add("011" + international)  // the NANP and others' IDD
      }
    }
    for region in regions {
      for _ in 0..<300 {
        let lead: [UInt8] = random.chance(2, in: 3) ? [0x30] : []
        let digits = lead + random.digits(random.int(in: 5...11))
        out.append(Candidate(region: region, digits: String(decoding: digits, as: UTF8.self)))
      }
    }
    return out
  }

  /// The length of the calling code `digits` starts with (E.164 codes are prefix-free).
  static func callingCodeLength(_ digits: [UInt8]) -> Int {
    var code = 0
    for (index, digit) in digits.prefix(3).enumerated() {
      code = code * 10 + Int(digit - 0x30)
      if PhoneNumberingPlan.byCallingCode[code] != nil { return index + 1 }
    }
    return 0
  }
}
