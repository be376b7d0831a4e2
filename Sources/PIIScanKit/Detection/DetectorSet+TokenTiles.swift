extension DetectorSet {
  /// Calls `body` with each maximal run of a group's `chars` that holds at least one of its
  /// `needs` bytes and whose length some entry takes, for every group walked everywhere (those
  /// with ``TokenGroup/maskSets``): the group's ``TokenGroup/entries`` and
  /// ``TokenGroup/runWindowed``, the run and its count of `needs` bytes (exact up to
  /// ``TokenGroup/needsCap``, at least that beyond). The search goes on after the run.
  ///
  /// Each group sees the same runs in the same order as a byte-by-byte walk would give it;
  /// only the groups are interleaved, a tile at a time. The bytes are classified once per tile
  /// for all groups (``ByteClassifier``). A group's runs are then found a 64-byte block at a
  /// time, without a step per run:
  /// - `chars + needs` (a sum across the blocks, carry included): within a run, the sum's carry
  ///   from its lowest `needs` byte ripples through the rest of the run and stops at the byte
  ///   after it, which is outside `chars`; a run without `needs` adds nothing. So the sum's bits
  ///   outside `chars` are exactly the ends of the runs holding a `needs` byte.
  /// - Of those ends, only the ones after at least the group's shortest length of `chars` are
  ///   kept (the block and the one before it, ANDed with itself shifted).
  /// Most runs in logs are short (`GET`, `00:00:00`, `1.1`), so most blocks have no end left
  /// and cost a few word operations. A run that crosses a tile's start is walked back byte by
  /// byte beyond it.
  func forEachTiledToken(
    _ classifier: ByteClassifier, in base: UnsafePointer<UInt8>, count: Int,
    scratch: ScanScratch, _ body: (Range<Int>, Bool, Range<Int>, Int) -> Void
  ) {
    let tileBlocks = ByteClassifier.tileBlocks
    let maskWords = classifier.setCount * tileBlocks
    if scratch.tileMasks.count < maskWords + ByteClassifier.maxIntervals {
      scratch.tileMasks = [UInt64](
        repeating: 0, count: maskWords + ByteClassifier.maxIntervals)
    }
    // Per group, carried from tile to tile: the sum's carry, and the last block's `chars`.
    var state = scratch.tileState
    if state.count != 2 * tokenGroups.count {
      state = [UInt64](repeating: 0, count: 2 * tokenGroups.count)
    } else {
      for g in state.indices { state[g] = 0 }
    }
    tokenGroups.withUnsafeBufferPointer { groups in
      scratch.tileMasks.withUnsafeMutableBufferPointer { buffer in
        let masks = buffer.baseAddress!
        var tileStart = 0
        while tileStart < count {
          let tileCount = min(ByteClassifier.tileBytes, count &- tileStart)
          let tileEnd = tileStart &+ tileCount
          let blocks = (tileCount &+ 63) &>> 6
          // A run that ends at the segment's end, where a block ends too, has its end marked
          // in one more block, past the end (all clear).
          let markedBlocks = tileEnd == count && tileCount & 63 == 0 ? blocks &+ 1 : blocks
          classifier.classify(
            base + tileStart, count: tileCount, into: masks, intervalMasks: masks + maskWords)
          for g in groups.indices {
            guard let sets = groups[g].maskSets else { continue }
            let entries = groups[g].entries
            let runWindowed = groups[g].runWindowed
            let lengths = groups[g].lengths
            let shortest = min(lengths.lowerBound, 64)
            let longest = lengths.upperBound
            let needsCap = groups[g].needsCap
            let chars = masks + sets.chars &* tileBlocks
            let needs = masks + sets.needs &* tileBlocks
            var carry = state[2 &* g]
            var previous = state[2 &* g &+ 1]
            groups[g].classes.withUnsafeBufferPointer { table in
              let cls = table.baseAddress!
              var k = 0
              while k < markedBlocks {
                let c = k < blocks ? chars[k] : 0
                let n = k < blocks ? needs[k] : 0
                let (partial, overflow1) = c.addingReportingOverflow(n)
                let (sum, overflow2) = partial.addingReportingOverflow(carry)
                carry = overflow1 || overflow2 ? 1 : 0
                var ends = sum & ~c
                if ends != 0 {
                  ends &= Self.endsAfterRun(of: shortest, chars: c, previous: previous)
                }
                while ends != 0 {
                  let q = ends.trailingZeroBitCount
                  ends &= ends &- 1
                  let hi = tileStart &+ k &<< 6 &+ q
                  // Back to the run's start: the highest byte below `hi` outside `chars`.
                  var lo: Int
                  var needed = 0
                  var kb = k
                  var outside = ~c & ((1 &<< UInt64(q)) &- 1)
                  while outside == 0 && kb > 0 {
                    kb &-= 1
                    outside = ~chars[kb]
                  }
                  if outside != 0 {
                    lo = tileStart &+ kb &<< 6 &+ (64 &- outside.leadingZeroBitCount)
                  } else {
                    lo = tileStart
                    while lo > 0 && hi &- lo <= longest {
                      let b = cls[Int(base[lo &- 1])]
                      if b & 1 == 0 { break }
                      needed &+= Int(b &>> 1)
                      lo &-= 1
                    }
                  }
                  if !lengths.contains(hi &- lo) { continue }
                  // The `needs` bytes of the run's part inside the tile (none when it ended
                  // at the tile's start), counted up to `needsCap` (the entries compare the
                  // count with their `needs_count`, none above it).
                  if hi > tileStart {
                    let first = max(lo, tileStart) &- tileStart
                    let last = hi &- tileStart &- 1
                    var kn = first &>> 6
                    let kz = last &>> 6
                    var bits = needs[kn] & (UInt64.max &<< UInt64(first & 63))
                    while needed < needsCap {
                      if kn == kz { bits &= UInt64.max &>> UInt64(63 &- (last & 63)) }
                      needed &+= bits.nonzeroBitCount
                      if kn == kz { break }
                      kn &+= 1
                      bits = needs[kn]
                    }
                  }
                  body(entries, runWindowed, lo..<hi, needed)
                }
                previous = c
                k &+= 1
              }
            }
            state[2 &* g] = carry
            state[2 &* g &+ 1] = previous
          }
          tileStart = tileEnd
        }
      }
    }
    scratch.tileState = state
  }

  /// Bit `q` set when the `length` (1...64) bytes before byte `q` of a block are all in a
  /// set: `chars` is the block's mask of the set, `previous` the block before's (0 at the
  /// start).
  @inline(__always)
  static func endsAfterRun(of length: Int, chars: UInt64, previous: UInt64) -> UInt64 {
    // Bit i of `r` (the block before in the low half): the bytes i - span + 1 ... i all in the
    // set, doubling `span` by shifted ANDs.
    var r = UInt128(chars) &<< 64 | UInt128(previous)
    var span = 1
    while span &* 2 <= length {
      r &= r &<< UInt128(span)
      span &*= 2
    }
    if span < length { r &= r &<< UInt128(length &- span) }
    // Byte q's `length` bytes before it end at bit 63 + q.
    return UInt64(truncatingIfNeeded: r &>> 63)
  }
}
