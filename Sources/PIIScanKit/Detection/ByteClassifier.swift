#if arch(x86_64)
  // The compiler's own SSE2 intrinsics (a Clang builtin module, not a C library): Swift's SIMD
  // types have no `movemask`, the one instruction that turns sixteen byte compares into bits.
  internal import _Builtin_intrinsics.intel
#endif

/// Bit masks of a few byte sets over 64-byte blocks: bit `j` of a block's word for set `s` is set
/// when byte `j` of the block is in set `s`.
///
/// The token groups' walks ask, per byte, "in `chars`?" and "in `needs`?" (``DetectorSet``'s
/// token anchors). Asked one byte at a time by each group in turn, that was several instructions
/// per byte per group; here every set is answered for sixteen bytes at once, and a group then
/// finds its `needs` bytes, the ends of their runs and the number of `needs` in a run with bit
/// operations on 64-bit words.
///
/// The byte values are cut into intervals on which every set agrees (the default token groups
/// need eight: space, `-`, `.`, `0-9`, `:`, `A-F`, `G-Z`, `a-f`). An interval is tested with one
/// add, one signed compare and one `movemask` per sixteen bytes; a set's mask is the OR of its
/// intervals'. Only on x86-64 (SSE2 is part of its baseline); elsewhere ``init(_:)`` returns nil
/// and the groups walk bytes as before.
struct ByteClassifier: @unchecked Sendable {
  // SAFETY: every stored property is immutable after `init`; `__m128i` is a plain vector value.

  /// More intervals than this and the walks byte by byte are cheaper than the compares.
  static let maxIntervals = 16
  /// Bytes classified at a time: 64 blocks, so that every set's masks stay in the L1 cache.
  static let tileBytes = 4096
  static let tileBlocks = tileBytes / 64

  /// How many sets; `classify` writes `setCount * tileBlocks` words.
  let setCount: Int
  /// Per set, the intervals it is the union of (bit `k`: interval `k`).
  let intervalsOfSet: [UInt32]
  #if arch(x86_64)
    /// Per interval: `0x80 - low` in every lane, so that the interval's bytes become -128…
    private let biases: [__m128i]
    /// Per interval: `-128 + width` in every lane; a biased byte below it is in the interval.
    private let limits: [__m128i]
  #endif

  /// The classifier of `sets` (each 256 flags), or nil when they need more than
  /// ``maxIntervals`` intervals, an interval covers every byte value, or the platform has no
  /// SSE2.
  init?(_ sets: [[Bool]]) {
    #if arch(x86_64)
      guard !sets.isEmpty, sets.count <= 64 else { return nil }
      func signature(_ b: Int) -> UInt64 {
        var s: UInt64 = 0
        for (i, set) in sets.enumerated() where set[b] { s |= 1 << UInt64(i) }
        return s
      }
      var intervals: [(low: Int, high: Int, signature: UInt64)] = []
      var b = 0
      while b < 256 {
        let s = signature(b)
        if s == 0 {
          b += 1
          continue
        }
        var high = b
        while high + 1 < 256 && signature(high + 1) == s { high += 1 }
        intervals.append((b, high, s))
        b = high + 1
      }
      guard intervals.count <= Self.maxIntervals,
        intervals.allSatisfy({ $0.high - $0.low + 1 < 256 })
      else { return nil }
      setCount = sets.count
      intervalsOfSet = sets.indices.map { s in
        var bits: UInt32 = 0
        for (k, interval) in intervals.enumerated() where interval.signature & (1 << UInt64(s)) != 0
        {
          bits |= 1 << UInt32(k)
        }
        return bits
      }
      biases = intervals.map { _mm_set1_epi8(Int8(truncatingIfNeeded: 0x80 - $0.low)) }
      limits = intervals.map {
        _mm_set1_epi8(Int8(truncatingIfNeeded: 0x80 + ($0.high - $0.low + 1)))
      }
    #else
      return nil
    #endif
  }

  /// Classifies `count` bytes (at most ``tileBytes``) from `bytes`: for set `s` and block `k`
  /// (bytes `64k ..< 64k + 64`), `masks[s * tileBlocks + k]` gets a bit per byte in the set.
  /// Bits past `count` are clear. `intervalMasks` is scratch for ``maxIntervals`` words.
  func classify(
    _ bytes: UnsafePointer<UInt8>, count: Int, into masks: UnsafeMutablePointer<UInt64>,
    intervalMasks: UnsafeMutablePointer<UInt64>
  ) {
    #if arch(x86_64)
      precondition(count <= Self.tileBytes)
      let intervalCount = biases.count
      let setCount = setCount
      biases.withUnsafeBufferPointer { biases in
        limits.withUnsafeBufferPointer { limits in
          intervalsOfSet.withUnsafeBufferPointer { intervalsOfSet in
            @inline(__always) func classifyBlock(_ p: UnsafeRawPointer, _ block: Int, valid: Int) {
              let v0 = _mm_loadu_si128(p.assumingMemoryBound(to: __m128i.self))
              let v1 = _mm_loadu_si128((p + 16).assumingMemoryBound(to: __m128i.self))
              let v2 = _mm_loadu_si128((p + 32).assumingMemoryBound(to: __m128i.self))
              let v3 = _mm_loadu_si128((p + 48).assumingMemoryBound(to: __m128i.self))
              var k = 0
              while k < intervalCount {
                let bias = biases[k]
                let limit = limits[k]
                @inline(__always) func bits(_ v: __m128i) -> UInt64 {
                  let inside = _mm_cmplt_epi8(_mm_add_epi8(v, bias), limit)
                  return UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(inside)))
                }
                intervalMasks[k] = bits(v0) | bits(v1) &<< 16 | bits(v2) &<< 32 | bits(v3) &<< 48
                k &+= 1
              }
              let keep: UInt64 = valid == 64 ? ~0 : (1 &<< UInt64(valid)) &- 1
              var s = 0
              while s < setCount {
                var bits = intervalsOfSet[s]
                var mask: UInt64 = 0
                while bits != 0 {
                  mask |= intervalMasks[bits.trailingZeroBitCount]
                  bits &= bits &- 1
                }
                masks[s &* Self.tileBlocks &+ block] = mask & keep
                s &+= 1
              }
            }
            let full = count &>> 6
            var block = 0
            while block < full {
              classifyBlock(UnsafeRawPointer(bytes + block &* 64), block, valid: 64)
              block &+= 1
            }
            let valid = count &- full &* 64
            if valid > 0 {
              // The last few bytes: copied, so that nothing past `count` is read.
              var tail = (
                UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
                UInt64(0)
              )
              withUnsafeMutableBytes(of: &tail) { buffer in
                buffer.baseAddress!.copyMemory(from: bytes + full &* 64, byteCount: valid)
                classifyBlock(UnsafeRawPointer(buffer.baseAddress!), full, valid: valid)
              }
            }
          }
        }
      }
    #endif
  }
}
