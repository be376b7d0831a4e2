import PCRE2

/// Telephone number validity under the ITU-T E.164 country calling codes and each region's
/// numbering plan, decided as libphonenumber decides it: `isValidNumber(parse(value, region))`.
///
/// A number is valid when its national significant number (NSN) has a possible length and
/// matches the pattern of some number type (fixed line, mobile, toll free, ...) of the region
/// it belongs to. The rules and data (`PhoneNumberingPlan+Data.swift`) come from libphonenumber's
/// metadata; see docs/phones.md. Validity says the number is allocatable under the plan, not that
/// it is in service.
///
/// Parsing follows libphonenumber's `parse` step by step, including its quirks: after the
/// country code, a national (trunk) prefix is stripped when what remains still has a possible
/// length, so `+44 (0)20 7946 0958` (normalized `+4402079460958`) is valid like
/// `+44 20 7946 0958`; regions with a transform rule (AR, BR, JP, ...) rewrite the prefix.
///
/// ```swift
/// PhoneNumber.verdict(Array("+442079460958".utf8))           // .confirmed
/// PhoneNumber.verdict(Array("02079460958".utf8), region: "GB")  // .confirmed
/// ```
public enum PhoneNumber {
  /// The longest national significant number libphonenumber parses (`_MAX_LENGTH_FOR_NSN`).
  static let maximumSignificantLength = 17
  /// The shortest one (`_MIN_LENGTH_FOR_NSN`).
  static let minimumSignificantLength = 2

  /// Validates an international number: `+` then ASCII digits (separators already stripped).
  ///
  /// `.confirmed` when valid for some region of its calling code, `.rejected` otherwise;
  /// `.unverifiable` only if PCRE2 hit a resource limit (never seen on this data).
  public static func verdict(_ value: [UInt8]) -> Verdict {
    verdict(value, scratch: MatchScratch())
  }

  /// ``verdict(_:)`` matching the plans' patterns through `scratch` (one per thread, reused).
  public static func verdict(_ value: [UInt8], scratch: MatchScratch) -> Verdict {
    guard value.first == 0x2B, value.count > 1, value.dropFirst().allSatisfy(ASCIIByte.isDigit)
    else { return .rejected }
    do {
      return try isValidInternational(value.dropFirst(), scratch: scratch)
        ? .confirmed : .rejected
    } catch {
      return .unverifiable
    }
  }

  /// Validates a number written in the national format of `region` (ISO 3166-1 alpha-2, e.g.
  /// `GB`): ASCII digits, trunk prefix included (`02079460958`), separators stripped.
  ///
  /// As in libphonenumber, a number starting with the region's international prefix (`00`,
  /// `011`) is read as international, and one starting with the region's calling code is read
  /// as such when that is the only reading with a valid shape. A region libphonenumber does not
  /// know is a programmer error.
  public static func verdict(_ value: [UInt8], region: String) -> Verdict {
    verdict(value, region: region, scratch: MatchScratch())
  }

  /// ``verdict(_:region:)`` matching the plan's patterns through `scratch` (one per thread,
  /// reused).
  public static func verdict(_ value: [UInt8], region: String, scratch: MatchScratch) -> Verdict {
    guard let plan = PhoneNumberingPlan.byRegion[region] else {
      preconditionFailure("PhoneNumber.verdict(_:region:) needs a known region code")
    }
    guard !value.isEmpty, value.allSatisfy(ASCIIByte.isDigit) else { return .rejected }
    do {
      return try isValidNational(
        value[...], plan: PhoneNumberingPlan.all[plan], scratch: scratch)
        ? .confirmed : .rejected
    } catch {
      return .unverifiable
    }
  }

  // MARK: - parse

  /// `+` stripped: the calling code is the shortest known prefix of 1 to 3 digits (E.164
  /// codes are prefix-free); the rest is read with the main region's national rules.
  static func isValidInternational(_ digits: ArraySlice<UInt8>, scratch: MatchScratch) throws
    -> Bool
  {
    // `_maybe_extract_country_code`: too short after the + or IDD.
    guard digits.count > minimumSignificantLength, digits.first != 0x30 else { return false }
    var code = 0
    var index = digits.startIndex
    while index < digits.startIndex + 3 {
      code = code * 10 + Int(digits[index] - 0x30)
      index += 1
      if let plans = PhoneNumberingPlan.byCallingCode[code] {
        let main = PhoneNumberingPlan.all[plans[0]]
        return try isValid(national: digits[index...], plan: main, scratch: scratch)
      }
    }
    return false
  }

  /// A number without `+`, read with `plan`'s rules (`parse(value, region)`).
  static func isValidNational(
    _ digits: ArraySlice<UInt8>, plan: PhoneNumberingPlan, scratch: MatchScratch
  ) throws -> Bool {
    // `_parse_prefix_as_idd`: an international prefix not followed by 0 makes it international.
    if let idd = plan.internationalPrefix,
      let match = try PhonePatternCache.match(idd, .prefix, digits, scratch: scratch)
    {
      let rest = digits[(digits.startIndex + match.range.upperBound)...]
      if rest.first != 0x30 { return try isValidInternational(rest, scratch: scratch) }
    }
    // The number may start with the region's own calling code, without + (`4420…` in GB).
    let code = Array(String(plan.callingCode).utf8)
    if digits.starts(with: code) {
      let potential = try strippingNationalPrefix(
        digits.dropFirst(code.count), plan: plan, scratch: scratch)
      let general = plan.general.pattern
      if try !PhonePatternCache.fullMatch(general, digits, scratch: scratch)
        && PhonePatternCache.fullMatch(general, potential, scratch: scratch)
        || possibleLength(digits.count, plan.general) == .tooLong
      {
        let main = PhoneNumberingPlan.mainPlan(callingCode: plan.callingCode)
        return try isValid(national: potential, plan: main, scratch: scratch)
      }
    }
    return try isValid(national: digits, plan: plan, scratch: scratch)
  }

  /// The end of `parse`: strips the national prefix with `plan`'s rules when the rest has a
  /// possible length, then asks `isValidNumber`.
  static func isValid(
    national: ArraySlice<UInt8>, plan: PhoneNumberingPlan, scratch: MatchScratch
  ) throws -> Bool {
    guard national.count >= minimumSignificantLength else { return false }
    var significant = national
    let stripped = try strippingNationalPrefix(national, plan: plan, scratch: scratch)
    switch possibleLength(stripped.count, plan.general) {
    case .possible, .tooLong: significant = stripped
    case .tooShort, .localOnly, .invalidLength: break
    }
    guard (minimumSignificantLength...maximumSignificantLength).contains(significant.count)
    else { return false }
    return try isValidSignificant(significant, callingCode: plan.callingCode, scratch: scratch)
  }

  /// `isValidNumber` for a parsed number: find the region among those sharing the calling
  /// code (leading digits decide, else the first whose types match), then match its types.
  static func isValidSignificant(
    _ significant: ArraySlice<UInt8>, callingCode: Int, scratch: MatchScratch
  ) throws -> Bool {
    guard let plans = PhoneNumberingPlan.byCallingCode[callingCode] else { return false }
    if plans.count == 1 {
      return try matchesSomeType(significant, PhoneNumberingPlan.all[plans[0]], scratch: scratch)
    }
    for index in plans {
      let plan = PhoneNumberingPlan.all[index]
      if let leading = plan.leadingDigits {
        if try PhonePatternCache.match(leading, .prefix, significant, scratch: scratch) != nil {
          return try matchesSomeType(significant, plan, scratch: scratch)
        }
      } else if try matchesSomeType(significant, plan, scratch: scratch) {
        return true
      }
    }
    return false
  }

  /// libphonenumber's `getNumberType(...) != UNKNOWN`: the general description, then any type.
  static func matchesSomeType(
    _ significant: ArraySlice<UInt8>, _ plan: PhoneNumberingPlan, scratch: MatchScratch
  ) throws -> Bool {
    guard try matches(significant, plan.general, scratch: scratch) else { return false }
    for type in plan.types where try matches(significant, type, scratch: scratch) {
      return true
    }
    return false
  }

  static func matches(
    _ significant: ArraySlice<UInt8>, _ description: PhoneNumberingPlan.Description,
    scratch: MatchScratch
  ) throws -> Bool {
    if !description.lengths.isEmpty && !description.lengths.contains(significant.count) {
      return false
    }
    return try PhonePatternCache.fullMatch(description.pattern, significant, scratch: scratch)
  }
}
