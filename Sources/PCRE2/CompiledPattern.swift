internal import CPCRE2

/// A PCRE2 pattern compiled (and JIT-compiled when available) once, then shared by every worker.
///
/// Patterns are compiled byte-oriented (no `PCRE2_UTF`), so `\d`, `\w` and `\b` are ASCII and
/// invalid UTF-8 in logs cannot make a match fail. Results are byte offsets.
///
/// ```swift
/// let email = try CompiledPattern(#"[a-z]+@[a-z]+\.com"#)
/// let scratch = MatchScratch()
/// let span = try email.firstMatch(in: bytes, from: 0, scratch: scratch)
/// ```
// SAFETY: `pcre2_code` is read-only once `pcre2_jit_compile_8` returns in `init`; PCRE2
// documents that a compiled pattern may be used by several threads at once as long as each has
// its own match data (`MatchScratch`).
public final class CompiledPattern: @unchecked Sendable {
  let code: OpaquePointer
  /// True when the JIT compiled this pattern (matching uses `pcre2_jit_match_8`).
  public let isJIT: Bool
  /// Compiled with ``Options/offsetLimit``: a `startLimit` is honoured (without it the JIT
  /// ignores the limit and searches to the subject's end).
  public let allowsStartLimit: Bool
  /// Options used: case-insensitive, multi-line, etc.
  public struct Options: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public static let caseless = Options(rawValue: PCRE2_CASELESS)
    public static let multiline = Options(rawValue: PCRE2_MULTILINE)
    public static let dotAll = Options(rawValue: PCRE2_DOTALL)
    public static let extended = Options(rawValue: PCRE2_EXTENDED)
    /// Allows a `startLimit` in ``CompiledPattern/firstSpan(in:from:group:scratch:startLimit:)``.
    public static let offsetLimit = Options(rawValue: PCRE2_USE_OFFSET_LIMIT)
  }

  /// Compiles `pattern` (`pcre2_compile_8`), then JIT-compiles it (`pcre2_jit_compile_8`).
  /// Throws ``PCRE2Error`` with kind `.compile` and the offset in the pattern.
  public init(_ pattern: String, options: Options = []) throws {
    var errorCode: Int32 = 0
    var errorOffset = 0
    let bytes = Array(pattern.utf8)
    let compiled = bytes.withUnsafeBufferPointer { p -> OpaquePointer? in
      // A non-null pointer even for an empty pattern.
      var empty: UInt8 = 0
      let base = p.baseAddress ?? withUnsafePointer(to: &empty) { $0 }
      return pcre2_compile_8(base, p.count, options.rawValue, &errorCode, &errorOffset, nil)
    }
    guard let compiled else {
      throw PCRE2Error(.compile, code: errorCode, patternOffset: errorOffset)
    }
    code = compiled
    allowsStartLimit = options.contains(.offsetLimit)
    isJIT = pcre2_jit_compile_8(compiled, PCRE2_JIT_COMPLETE) == 0
  }

  deinit { pcre2_code_free_8(code) }

  /// The number of capture groups in the pattern.
  public var captureCount: Int {
    var count: UInt32 = 0
    pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
    return Int(count)
  }

  /// The first match in `subject[from..<subject.count]`, with group 0 and each capture group
  /// as byte ranges (nil for an unset group), or nil when there is none.
  ///
  /// Bytes before `from` are visible to lookbehinds and `\b`. Throws on a limit or any other
  /// PCRE2 error: a limit is never reported as "no match".
  public func firstMatch(
    in subject: UnsafeRawBufferPointer, from start: Int, scratch: MatchScratch
  ) throws -> Match? {
    precondition(start >= 0 && start <= subject.count, "match start must lie within the subject")
    let rc = match(subject, from: start, scratch: scratch)
    if rc == PCRE2_ERROR_NOMATCH { return nil }
    guard rc > 0 else { throw PCRE2Error(.match, code: rc) }  // limits, JIT stack, bad options
    let ovector = pcre2_get_ovector_pointer_8(scratch.matchData)!
    let unset = CPCRE2_unset()
    var groups: [Range<Int>?] = []
    groups.reserveCapacity(Int(rc))
    for i in 0..<Int(rc) {
      let a = ovector[2 * i]
      let b = ovector[2 * i + 1]
      groups.append(a == unset || b == unset ? nil : a..<b)
    }
    guard let whole = groups[0] else { throw PCRE2Error(.match, code: PCRE2_ERROR_INTERNAL) }
    return Match(range: whole, groups: groups)
  }
}

extension CompiledPattern {
  /// The first match at or after `start`: its whole span and the span of capture group `group`
  /// (nil when the group did not take part or does not exist), without building ``Match``'s
  /// group array (a scan asks this once per candidate).
  ///
  /// Same semantics as ``firstMatch(in:from:scratch:)``: bytes before `from` are visible to
  /// lookbehinds, and a limit hit throws. With `startLimit` (the pattern must be compiled with
  /// ``Options/offsetLimit``), a match must start at or before that offset, while the bytes
  /// after it stay visible to the match and its lookaheads (PCRE2's offset limit).
  public func firstSpan(
    in subject: UnsafeRawBufferPointer, from start: Int, group: Int, scratch: MatchScratch,
    startLimit: Int? = nil
  ) throws -> (whole: Range<Int>, group: Range<Int>?)? {
    precondition(start >= 0 && start <= subject.count, "match start must lie within the subject")
    precondition(startLimit == nil || allowsStartLimit, "a start limit needs Options.offsetLimit")
    if let startLimit {
      pcre2_set_offset_limit_8(scratch.context, startLimit)
    }
    defer { if startLimit != nil { pcre2_set_offset_limit_8(scratch.context, CPCRE2_unset()) } }
    let rc = match(subject, from: start, scratch: scratch)
    if rc == PCRE2_ERROR_NOMATCH { return nil }
    guard rc > 0 else { throw PCRE2Error(.match, code: rc) }
    let ovector = pcre2_get_ovector_pointer_8(scratch.matchData)!
    let unset = CPCRE2_unset()
    guard ovector[0] != unset, ovector[1] != unset else {
      throw PCRE2Error(.match, code: PCRE2_ERROR_INTERNAL)
    }
    let whole = ovector[0]..<ovector[1]
    // rc is one more than the highest group set: groups at or above it did not take part.
    guard group >= 0, group < Int(rc) else { return (whole, nil) }
    let a = ovector[2 * group]
    let b = ovector[2 * group + 1]
    return (whole, a == unset || b == unset ? nil : a..<b)
  }
}

extension CompiledPattern {
  /// One `pcre2_jit_match_8` (or `pcre2_match_8`) call: its return code, with the ovector in
  /// `scratch.matchData`.
  private func match(_ subject: UnsafeRawBufferPointer, from start: Int, scratch: MatchScratch)
    -> Int32
  {
    var empty: UInt8 = 0
    return withUnsafeMutablePointer(to: &empty) { emptyPointer in
      // A non-null pointer even for an empty subject.
      let base =
        subject.baseAddress?.assumingMemoryBound(to: UInt8.self)
        ?? UnsafePointer(emptyPointer)
      if isJIT {
        return pcre2_jit_match_8(
          code, base, subject.count, start, 0, scratch.matchData, scratch.context)
      }
      return pcre2_match_8(code, base, subject.count, start, 0, scratch.matchData, scratch.context)
    }
  }
}

/// One match: the whole span and each capture group, as byte offsets into the subject.
public struct Match: Sendable, Equatable {
  public let range: Range<Int>
  /// `groups[0]` is `range`; `groups[i]` is capture group i, or nil when it did not take part.
  public let groups: [Range<Int>?]
}
