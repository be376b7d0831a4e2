internal import CPCRE2

/// Per-worker matching state: match data, a match context with limits, and a JIT stack.
///
/// Not `Sendable`: create one per task or thread and never share it (STYLE.md §4).
public final class MatchScratch {
  let matchData: OpaquePointer
  let context: OpaquePointer
  let jitStack: OpaquePointer?

  /// Resource limits that keep a pathological pattern or input from hanging a scan.
  public struct Limits: Sendable {
    /// `pcre2_set_match_limit_8`: backtracking steps per match attempt.
    public var match: UInt32
    /// `pcre2_set_depth_limit_8`: nested backtracking depth.
    public var depth: UInt32
    /// JIT stack maximum in bytes.
    public var jitStackBytes: Int

    public init(match: UInt32 = 1_000_000, depth: UInt32 = 10_000, jitStackBytes: Int = 1 << 20) {
      self.match = match
      self.depth = depth
      self.jitStackBytes = jitStackBytes
    }
  }

  public init(limits: Limits = Limits()) {
    // A NULL here means the allocator failed; there is nothing sensible to continue with.
    guard let md = pcre2_match_data_create_8(32, nil),
      let mc = pcre2_match_context_create_8(nil)
    else { fatalError("PCRE2 could not allocate match data: out of memory") }
    matchData = md
    context = mc
    pcre2_set_match_limit_8(mc, limits.match)
    pcre2_set_depth_limit_8(mc, limits.depth)
    jitStack = pcre2_jit_stack_create_8(32 * 1024, limits.jitStackBytes, nil)
    if let jitStack { pcre2_jit_stack_assign_8(mc, nil, UnsafeMutableRawPointer(jitStack)) }
  }

  deinit {
    if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    pcre2_match_context_free_8(context)
    pcre2_match_data_free_8(matchData)
  }
}
