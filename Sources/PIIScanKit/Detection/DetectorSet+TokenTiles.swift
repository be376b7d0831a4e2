extension DetectorSet {
  /// Calls `body` with each maximal run of a group's `chars` that holds at least one of its
  /// `needs` bytes, for every group walked everywhere (those with ``TokenGroup/maskSets``):
  /// the group's ``TokenGroup/entries`` and ``TokenGroup/runWindowed``, the run and its count
  /// of `needs` bytes (exact up to ``TokenGroup/needsCap``, at least that beyond). Runs of a
  /// length no entry takes are skipped. `body` returns where that group's search goes on (at
  /// least the run's end).
  ///
  /// Each group sees the same runs in the same order as a byte-by-byte walk would give it;
  /// only the groups are interleaved, a tile at a time. The bytes are classified once per tile
  /// for all groups (``ByteClassifier``); a group then finds its next `needs` byte, its run's
  /// ends and the run's `needs` count with bit operations on the tile's masks. A run that
  /// crosses the tile's edges is walked on byte by byte beyond them.
  func forEachTiledToken(
    _ classifier: ByteClassifier, in base: UnsafePointer<UInt8>, count: Int,
    scratch: ScanScratch, _ body: (Range<Int>, Bool, Range<Int>, Int) -> Int
  ) {
    let tileBlocks = ByteClassifier.tileBlocks
    let maskWords = classifier.setCount * tileBlocks
    if scratch.tileMasks.count < maskWords + ByteClassifier.maxIntervals {
      scratch.tileMasks = [UInt64](
        repeating: 0, count: maskWords + ByteClassifier.maxIntervals)
    }
    var resume = scratch.tileResume
    if resume.count != tokenGroups.count {
      resume = [Int](repeating: 0, count: tokenGroups.count)
    } else {
      for g in resume.indices { resume[g] = 0 }
    }
    tokenGroups.withUnsafeBufferPointer { groups in
      scratch.tileMasks.withUnsafeMutableBufferPointer { buffer in
        let masks = buffer.baseAddress!
        var tileStart = 0
        while tileStart < count {
          let tileCount = min(ByteClassifier.tileBytes, count &- tileStart)
          let tileEnd = tileStart &+ tileCount
          let blocks = (tileCount &+ 63) &>> 6
          classifier.classify(
            base + tileStart, count: tileCount, into: masks, intervalMasks: masks + maskWords)
          for g in groups.indices {
            guard let sets = groups[g].maskSets else { continue }
            let entries = groups[g].entries
            let runWindowed = groups[g].runWindowed
            let lengths = groups[g].lengths
            let needsCap = groups[g].needsCap
            let chars = masks + sets.chars &* tileBlocks
            let needs = masks + sets.needs &* tileBlocks
            var i = max(resume[g], tileStart)
            groups[g].classes.withUnsafeBufferPointer { table in
              let cls = table.baseAddress!
              search: while i < tileEnd {
                // The next `needs` byte at or after `i`.
                var k = (i &- tileStart) &>> 6
                var w = needs[k] & (UInt64.max &<< UInt64(i & 63))
                while w == 0 {
                  k &+= 1
                  if k == blocks { break search }
                  w = needs[k]
                }
                let p = tileStart &+ k &<< 6 &+ w.trailingZeroBitCount
                var needed = 0
                // Back to the run's start: the highest byte below `p` outside `chars`.
                var lo: Int
                var kb = k
                var outside = ~chars[kb] & ((1 &<< UInt64(p & 63)) &- 1)
                while outside == 0 && kb > 0 {
                  kb &-= 1
                  outside = ~chars[kb]
                }
                if outside != 0 {
                  lo = tileStart &+ kb &<< 6 &+ (64 &- outside.leadingZeroBitCount)
                } else {
                  lo = tileStart
                  while lo > 0 {
                    let c = cls[Int(base[lo &- 1])]
                    if c & 1 == 0 { break }
                    needed &+= Int(c &>> 1)
                    lo &-= 1
                  }
                }
                // On to its end: the lowest byte from `p` on outside `chars`.
                var hi: Int
                var kf = k
                outside = ~chars[kf] & (UInt64.max &<< UInt64(p & 63))
                while outside == 0 && kf &+ 1 < blocks {
                  kf &+= 1
                  outside = ~chars[kf]
                }
                if outside != 0 {
                  hi = tileStart &+ kf &<< 6 &+ outside.trailingZeroBitCount
                } else {
                  hi = tileEnd
                  while hi < count {
                    let c = cls[Int(base[hi])]
                    if c & 1 == 0 { break }
                    needed &+= Int(c &>> 1)
                    hi &+= 1
                  }
                }
                if !lengths.contains(hi &- lo) {
                  i = hi
                  continue
                }
                // The `needs` bytes of the run's part inside the tile, counted up to `needsCap`
                // (the entries compare the count with their `needs_count`, none above it).
                let first = max(lo, tileStart) &- tileStart
                let last = min(hi, tileEnd) &- tileStart &- 1
                var kn = first &>> 6
                let kz = last &>> 6
                var bits = needs[kn] & (UInt64.max &<< UInt64(first & 63))
                while needed < needsCap {
                  if kn == kz { bits &= UInt64.max &>> UInt64(63 &- (last & 63)) }
                  if bits == 0 {
                    if kn == kz { break }
                    kn &+= 1
                    bits = needs[kn]
                    continue
                  }
                  needed &+= 1
                  bits &= bits &- 1
                }
                i = max(hi, body(entries, runWindowed, lo..<hi, needed))
              }
            }
            resume[g] = i
          }
          tileStart = tileEnd
        }
      }
    }
    scratch.tileResume = resume
  }
}
