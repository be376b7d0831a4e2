import PCRE2

extension PhoneNumber {
  /// libphonenumber's `ValidationResult` for a length against a description's possible lengths.
  enum LengthCheck: Equatable {
    case possible, localOnly, tooShort, tooLong, invalidLength
  }

  /// `_test_number_length` for the general description (number type UNKNOWN).
  static func possibleLength(_ length: Int, _ general: PhoneNumberingPlan.Description)
    -> LengthCheck
  {
    if general.localOnlyLengths.contains(length) { return .localOnly }
    guard let minimum = general.lengths.first, let maximum = general.lengths.last else {
      return .invalidLength
    }
    if length < minimum { return .tooShort }
    if length > maximum { return .tooLong }
    return general.lengths.contains(length) ? .possible : .invalidLength
  }

  /// `_maybe_strip_national_prefix_carrier_code`: removes a leading national (trunk) prefix,
  /// or rewrites it with the transform rule, unless that turns a number matching the general
  /// pattern into one that does not. Returns `number` unchanged when nothing applies.
  static func strippingNationalPrefix(
    _ number: ArraySlice<UInt8>, plan: PhoneNumberingPlan, scratch: MatchScratch
  ) throws -> ArraySlice<UInt8> {
    guard !number.isEmpty, let prefix = plan.nationalPrefixForParsing,
      let match = try PhonePatternCache.match(prefix, .prefix, number, scratch: scratch)
    else { return number }
    let general = plan.general.pattern
    let viableOriginal = try PhonePatternCache.fullMatch(general, number, scratch: scratch)
    let rest = number[(number.startIndex + match.range.upperBound)...]
    let groupCount = try PhonePatternCache.pattern(prefix, .prefix).captureCount
    func group(_ i: Int) -> ArraySlice<UInt8>? {
      guard i < match.groups.count, let range = match.groups[i] else { return nil }
      return number[(number.startIndex + range.lowerBound)..<(number.startIndex + range.upperBound)]
    }
    // The rule applies only when the last capture group took part (Python: `groups()[-1]`).
    if let rule = plan.nationalPrefixTransformRule, groupCount > 0, group(groupCount) != nil {
      let transformed = ArraySlice(expand(rule, group: group) + rest)
      if try viableOriginal && !PhonePatternCache.fullMatch(general, transformed, scratch: scratch)
      {
        return number
      }
      return transformed
    }
    if try viableOriginal && !PhonePatternCache.fullMatch(general, rest, scratch: scratch) {
      return number
    }
    return rest
  }

  /// The transform rule with each `$n` replaced by capture group n (empty when unset, as in
  /// Python's `re.sub`).
  private static func expand(_ rule: String, group: (Int) -> ArraySlice<UInt8>?) -> [UInt8] {
    var out: [UInt8] = []
    let bytes = Array(rule.utf8)
    var i = 0
    while i < bytes.count {
      if bytes[i] == 0x24, i + 1 < bytes.count, ASCIIByte.isDigit(bytes[i + 1]) {
        out.append(contentsOf: group(Int(bytes[i + 1] - 0x30)) ?? [])
        i += 2
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return out
  }
}

extension PhoneNumberingPlan {
  /// The main region's plan for a calling code (`region_code_for_country_code`).
  static func mainPlan(callingCode: Int) -> PhoneNumberingPlan {
    guard let first = byCallingCode[callingCode]?.first else {
      preconditionFailure("a plan's own calling code is always in the table")
    }
    return all[first]
  }
}
