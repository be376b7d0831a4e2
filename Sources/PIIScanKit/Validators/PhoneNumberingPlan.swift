import PCRE2
import Synchronization

/// One region's telephone numbering plan: the part of libphonenumber's metadata that deciding
/// validity needs (the data is generated into `PhoneNumberingPlan+Data.swift` by
/// `scripts/gen_phone_metadata.py`; see docs/phones.md for source and licence).
///
/// Patterns are stored as indices into ``patterns`` and compiled with PCRE2 on first use
/// (``PhonePatternCache``), so a run that never meets a phone number compiles nothing.
struct PhoneNumberingPlan: Sendable {
  /// A number description (libphonenumber `PhoneNumberDesc`): possible national significant
  /// number lengths and the pattern the whole national significant number must match.
  struct Description: Sendable {
    /// Possible lengths; empty means "not restricted" (never the case in current data).
    let lengths: [Int]
    /// Lengths only diallable locally (general description only).
    let localOnlyLengths: [Int]
    /// Index into ``PhoneNumberingPlan/patterns``.
    let pattern: Int

    init(_ lengths: [Int], localOnly: [Int] = [], _ pattern: Int) {
      self.lengths = lengths
      self.localOnlyLengths = localOnly
      self.pattern = pattern
    }
  }

  /// ISO 3166-1 alpha-2 region, or `001` for a non-geographic calling code (e.g. +800).
  let region: String
  /// ITU-T E.164 country calling code.
  let callingCode: Int
  /// True for the region libphonenumber lists first for its calling code (US for +1, GB for
  /// +44): its national prefix rules apply when parsing an international number.
  let isMainRegion: Bool
  /// Prefix pattern selecting this region among those sharing a calling code.
  let leadingDigits: Int?
  /// Prefix pattern of the national (trunk) prefix, possibly with carrier codes.
  let nationalPrefixForParsing: Int?
  /// Prefix pattern of the international (IDD) prefix dialled from this region (`00`, `011`).
  let internationalPrefix: Int?
  /// Replacement for the national prefix match, `$n` citing its groups (e.g. `268$1`).
  let nationalPrefixTransformRule: String?
  /// The general description: every valid number of the region matches it.
  let general: Description
  /// One description per number type (fixed line, mobile, toll free, ...).
  let types: [Description]

  init(
    _ region: String, _ callingCode: Int, isMainRegion: Bool, leadingDigits: Int?,
    nationalPrefixForParsing: Int?, internationalPrefix: Int?,
    nationalPrefixTransformRule: String?, general: Description, types: [Description]
  ) {
    self.region = region
    self.callingCode = callingCode
    self.isMainRegion = isMainRegion
    self.leadingDigits = leadingDigits
    self.nationalPrefixForParsing = nationalPrefixForParsing
    self.internationalPrefix = internationalPrefix
    self.nationalPrefixTransformRule = nationalPrefixTransformRule
    self.general = general
    self.types = types
  }

  /// Indices into ``all`` per calling code, in libphonenumber's order (main region first).
  static let byCallingCode: [Int: [Int]] = {
    var table: [Int: [Int]] = [:]
    for (index, plan) in all.enumerated() { table[plan.callingCode, default: []].append(index) }
    return table
  }()

  /// Index into ``all`` per region code (geographic regions only; `001` is ambiguous).
  static let byRegion: [String: Int] = {
    var table: [String: Int] = [:]
    for (index, plan) in all.enumerated() where plan.region != "001" { table[plan.region] = index }
    return table
  }()
}

/// Lazily compiled metadata patterns, shared by every thread.
///
/// Each pattern is compiled once, under a lock, the first time a validation needs it. Two
/// forms exist: `full` (`^(?:p)\z`, Python's `fullmatch`, for number descriptions) and
/// `prefix` (`^(?:p)`, Python's `re.match`, for leading digits and national prefixes).
enum PhonePatternCache {
  enum Anchoring: Int {
    case full = 0
    case prefix = 1
  }

  private static let compiled = Mutex<[Int: CompiledPattern]>([:])

  /// The compiled form of pattern `index`. Throws ``PCRE2Error`` if PCRE2 rejects it (never
  /// the case for the generated data: `PhoneNumberTests` compiles every pattern).
  static func pattern(_ index: Int, _ anchoring: Anchoring) throws -> CompiledPattern {
    let key = index * 2 + anchoring.rawValue
    if let hit = compiled.withLock({ $0[key] }) { return hit }
    let source = PhoneNumberingPlan.patterns[index]
    let text = anchoring == .full ? "^(?:\(source))\\z" : "^(?:\(source))"
    let pattern = try CompiledPattern(text)
    return compiled.withLock { table in
      if let raced = table[key] { return raced }
      table[key] = pattern
      return pattern
    }
  }

  /// True when pattern `index` matches all of `digits`.
  static func fullMatch(_ index: Int, _ digits: ArraySlice<UInt8>, scratch: MatchScratch) throws
    -> Bool
  {
    try match(index, .full, digits, scratch: scratch) != nil
  }

  /// The match of pattern `index` anchored at the start of `digits`, or nil. Throws on a PCRE2
  /// limit (the caller reports the number as unverifiable, never as invalid).
  static func match(
    _ index: Int, _ anchoring: Anchoring, _ digits: ArraySlice<UInt8>, scratch: MatchScratch
  ) throws -> Match? {
    let pattern = try pattern(index, anchoring)
    return try digits.withUnsafeBytes { bytes in
      try pattern.firstMatch(in: bytes, from: 0, scratch: scratch)
    }
  }
}
