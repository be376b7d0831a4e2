#if arch(x86_64)
  internal import _Builtin_intrinsics.intel
#endif

/// Digit runs: digits joined by single or double separators (``DigitClass/separators``), found
/// 64 bytes at a time with bit masks instead of a byte loop per run.
///
/// A digit belongs to the run of the digit before it when the bytes between them are at most two
/// separators; every other digit starts a run. So a run is its starting digit and every digit up
/// to the next start, and it ends after its last digit. Per 64-byte block: one mask of digits,
/// one of separators (eight bytes at a time, branch-free), the "joined" digits from shifted masks
/// (carried across blocks), and one step per run start; digits are counted only in runs whose
/// span could hold enough. Log lines hold many short digit runs
/// (`00:00:00`, `v2`, `x86_64`); a byte loop paid a mispredicted branch at the end of each.
enum DigitRuns {
  /// Calls `body` with each run holding at least `atLeast` digits: from its first digit to just
  /// after its last, and its digit count. Runs come in order.
  ///
  /// Inlined so that `body` is too: the scan's closure, called out of line, copied the detector
  /// set (retaining each of its references) per run.
  @inline(__always)
  static func forEach(
    in base: UnsafePointer<UInt8>, count: Int, atLeast: Int, _ body: (Range<Int>, Int) -> Void
  ) {
    var runStart = -1  // the open run's first digit; -1: none yet
    var lastDigit = -1
    var previousDigits: UInt64 = 0
    var previousSeparators: UInt64 = 0
    var block = 0
    while true {
      var digits: UInt64 = 0
      var starts: UInt64
      let last = block >= count
      if last {
        // Past the end: a start at bit 0 closes the open run (one call site for `body`, so
        // that it is inlined).
        starts = 1
      } else {
        let separators: UInt64
        (digits, separators) =
          count - block >= 64
          ? classify64(base + block) : classifyTail(base + block, count: count - block)
        // Bit j of `x << k | previous >> (64 - k)`: the byte k before byte j.
        let d1 = digits << 1 | previousDigits >> 63
        let d2 = digits << 2 | previousDigits >> 62
        let d3 = digits << 3 | previousDigits >> 61
        let s1 = separators << 1 | previousSeparators >> 63
        let s2 = separators << 2 | previousSeparators >> 62
        let joined = digits & (d1 | (s1 & d2) | (s1 & s2 & d3))
        starts = digits & ~joined
        previousDigits = digits
        previousSeparators = separators
      }
      var from = 0  // digits from this bit on belong to the open run
      while starts != 0 {
        let p = starts.trailingZeroBitCount
        starts &= starts &- 1
        // The open run's last digit in this block before the new start.
        let before = digits & ((1 &<< UInt64(p)) &- 1) & ~((1 &<< UInt64(from)) &- 1)
        if before != 0 { lastDigit = block &+ 63 &- before.leadingZeroBitCount }
        // Digits are counted only in runs long enough to hold `atLeast` (most are not).
        if runStart >= 0 && lastDigit &- runStart &+ 1 >= atLeast {
          let digitCount = countDigits(base, count: count, from: runStart, to: lastDigit &+ 1)
          if digitCount >= atLeast { body(runStart..<(lastDigit &+ 1), digitCount) }
        }
        runStart = block &+ p
        from = p
      }
      if last { return }
      let rest = digits & ~((1 &<< UInt64(from)) &- 1)
      if rest != 0 { lastDigit = block &+ 63 &- rest.leadingZeroBitCount }
      block &+= 64
    }
  }

  /// The digits in `base[from..<to]` (`to` at most `count`), 64 bytes at a time: a popcount of
  /// each window's digit mask. Out of line: it runs for few runs, and the loop that calls it
  /// must stay small enough for `body` to be inlined.
  @inline(never)
  private static func countDigits(
    _ base: UnsafePointer<UInt8>, count: Int, from: Int, to: Int
  ) -> Int {
    var n = 0
    var w = from
    while w < to {
      let width = min(64, to &- w)
      n &+= (digitMask(base + w, available: count &- w) & lowBits(width)).nonzeroBitCount
      w &+= 64
    }
    return n
  }

  /// The digit mask of the bytes from `p` (bit j: byte j), of which `available` (at least 1) may
  /// be read: 64 at once where there are that many, else through a zero-padded copy.
  @inline(__always)
  static func digitMask(_ p: UnsafePointer<UInt8>, available: Int) -> UInt64 {
    available >= 64 ? classify64(p).0 : classifyTail(p, count: available).0
  }

  /// The low `n` (0...64) bits set.
  @inline(__always)
  static func lowBits(_ n: Int) -> UInt64 {
    n >= 64 ? ~0 : (1 &<< UInt64(n)) &- 1
  }

  /// The digit and separator masks of the 64 bytes at `p` (bit j: byte j).
  @inline(__always)
  static func classify64(_ p: UnsafePointer<UInt8>) -> (UInt64, UInt64) {
    #if arch(x86_64)
      // Sixteen bytes at a time (SSE2, see ``ByteClassifier``): a range is an add and a signed
      // compare, a single byte one compare, and `movemask` gathers the lanes.
      @inline(__always) func range(_ v: __m128i, _ low: Int, _ width: Int) -> __m128i {
        _mm_cmplt_epi8(
          _mm_add_epi8(v, _mm_set1_epi8(Int8(truncatingIfNeeded: 0x80 - low))),
          _mm_set1_epi8(Int8(truncatingIfNeeded: 0x80 + width)))
      }
      @inline(__always) func bits(_ m: __m128i) -> UInt64 {
        UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(m)))
      }
      var digits: UInt64 = 0
      var separators: UInt64 = 0
      for k in 0..<4 {
        let v = _mm_loadu_si128(
          UnsafeRawPointer(p + k &* 16).assumingMemoryBound(to: __m128i.self))
        // ` ` `(` `)` `+` `-` `.` `/`
        let separator = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x20)), range(v, 0x28, 2)),
          _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x2B)), range(v, 0x2D, 3)))
        digits |= bits(range(v, 0x30, 10)) &<< UInt64(k &* 16)
        separators |= bits(separator) &<< UInt64(k &* 16)
      }
      return (digits, separators)
    #else
      return classify64Words(p)
    #endif
  }

  /// ``classify64(_:)`` eight bytes at a time, for platforms without SSE2.
  @inline(__always)
  static func classify64Words(_ p: UnsafePointer<UInt8>) -> (UInt64, UInt64) {
    var digits: UInt64 = 0
    var separators: UInt64 = 0
    let raw = UnsafeRawPointer(p)
    for k in 0..<8 {
      let word = raw.loadUnaligned(fromByteOffset: k &* 8, as: UInt64.self).littleEndian
      let (d, s) = classify8(word)
      digits |= d &<< UInt64(k &* 8)
      separators |= s &<< UInt64(k &* 8)
    }
    return (digits, separators)
  }

  /// The masks of the last `count` (< 64) bytes, read through a zero-padded copy (a zero byte
  /// is neither a digit nor a separator).
  private static func classifyTail(_ p: UnsafePointer<UInt8>, count: Int) -> (UInt64, UInt64) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
      let q = buffer.baseAddress!
      q.initialize(repeating: 0, count: 64)
      q.update(from: p, count: count)
      return classify64(UnsafePointer(q))
    }
  }

  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// The eight bytes of `word` as two 8-bit masks: digits, separators (` -./()+`).
  @inline(__always)
  static func classify8(_ word: UInt64) -> (UInt64, UInt64) {
    let digit = below(word ^ (0x30 &* ones), 10)
    // `(` `)` `+` `-` `.` `/` are 0x28...0x2F without `*` (0x2A) and `,` (0x2C).
    let inRange = below(word ^ (0x28 &* ones), 8)
    let star = below(word ^ (0x2A &* ones), 1)
    let comma = below(word ^ (0x2C &* ones), 1)
    let space = below(word ^ (0x20 &* ones), 1)
    let separator = (inRange & ~(star | comma)) | space
    return (gather(digit), gather(separator))
  }

  /// Per byte of `x`: its high bit set when the byte is below `n` (1...128), exactly (no borrow
  /// crosses bytes: the low seven bits are added to `0x80 - n`, which cannot carry out).
  @inline(__always)
  private static func below(_ x: UInt64, _ n: UInt64) -> UInt64 {
    ~(((x & ~highBits) &+ ((0x80 &- n) &* ones)) | x) & highBits
  }

  /// The high bit of byte k as bit k (the multiply places each at 56 + k, no carries).
  @inline(__always)
  private static func gather(_ flags: UInt64) -> UInt64 {
    ((flags &>> 7) &* 0x0102_0408_1020_4080) &>> 56
  }
}
