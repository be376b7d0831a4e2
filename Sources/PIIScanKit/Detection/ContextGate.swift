/// The prefilter for detectors with `requires_context`: such a detector can only report a value
/// that has one of its context words within its context window (or in the field name), so its
/// regex need not run on windows with no such word nearby.
///
/// Many national identifiers are bare digit runs of a common length (9 to 13 digits) whose
/// `digits` anchor fires on almost every log line (timestamps, IP addresses, epoch
/// milliseconds). Without this gate each of them would run its regex on every such line; with
/// it, one pass over the segment looks for every context word at once (a table of folded leading
/// byte pairs, then a case-insensitive compare) and only windows near a hit survive. The gate is
/// exact: a window is dropped only when no context word of the detector lies within its
/// context window of any byte of the window, so no reportable match is lost.
struct ContextGate: Sendable {
  /// Distinct lower-cased context words of the gated detectors.
  let words: [[UInt8]]
  /// Per detector index: whether it is gated, and which word ids are its own.
  let gated: [Bool]
  /// The indices of gated detectors, in order.
  let gatedIndices: [Int]
  let members: [[Bool]]
  /// Per folded leading byte pair (`b0 << 8 | b1`): 0, or 1 + an index into `pairWords`.
  private let pairIndex: [UInt16]
  private let pairWords: [[Int]]

  var isEmpty: Bool { words.isEmpty }

  init(_ detectors: [Detector]) {
    var words: [[UInt8]] = []
    var ids: [[UInt8]: Int] = [:]
    var perDetector: [[Int]?] = []
    for d in detectors {
      // Words shorter than two bytes cannot be indexed by pair; such a detector is not gated.
      guard d.requiresContext, !d.contextWords.isEmpty, d.contextWords.allSatisfy({ $0.count >= 2 })
      else {
        perDetector.append(nil)
        continue
      }
      var mine: [Int] = []
      for w in d.contextWords {
        if let id = ids[w] {
          mine.append(id)
        } else {
          ids[w] = words.count
          mine.append(words.count)
          words.append(w)
        }
      }
      perDetector.append(mine)
    }
    self.words = words
    gated = perDetector.map { $0 != nil }
    gatedIndices = perDetector.indices.filter { perDetector[$0] != nil }
    members = perDetector.map { mine in
      var set = [Bool](repeating: false, count: words.count)
      for id in mine ?? [] { set[id] = true }
      return set
    }
    var index = [UInt16](repeating: 0, count: 65536)
    var lists: [[Int]] = []
    for (id, w) in words.enumerated() {
      let key = Int(w[0]) << 8 | Int(w[1])
      if index[key] == 0 {
        lists.append([])
        index[key] = UInt16(lists.count)
      }
      lists[Int(index[key]) - 1].append(id)
    }
    pairIndex = index
    pairWords = lists
  }

  /// Appends `(start, word id)` for every occurrence of every word in `base[0..<count]`
  /// (ASCII case-insensitive, as context matching is), in offset order.
  func findHits(in base: UnsafePointer<UInt8>, count: Int, into hits: inout [(start: Int, word: Int)]) {
    if count < 2 { return }
    pairIndex.withUnsafeBufferPointer { table in
      var previous = Int(fold(base[0]))
      var i = 1
      while i < count {
        let current = Int(fold(base[i]))
        let slot = table[previous << 8 | current]
        previous = current
        if slot != 0 {
          let start = i - 1
          for id in pairWords[Int(slot) - 1] where matches(words[id], at: start, in: base, count: count) {
            hits.append((start, id))
          }
        }
        i += 1
      }
    }
  }

  private func matches(_ word: [UInt8], at start: Int, in base: UnsafePointer<UInt8>, count: Int)
    -> Bool
  {
    if start + word.count > count { return false }
    var j = 2
    while j < word.count {
      if fold(base[start + j]) != word[j] { return false }
      j += 1
    }
    return true
  }
}

@inline(__always) private func fold(_ b: UInt8) -> UInt8 {
  b >= 0x41 && b <= 0x5A ? b | 0x20 : b
}

extension DetectorSet {
  /// Drops the windows of gated detectors that have none of their context words near them,
  /// unless the field name holds one (then every window stays, as `hasWord` would accept it).
  ///
  /// Runs once per segment (a text chunk, a JSON string, a CSV field), so the common case (no
  /// context word anywhere) must cost little: one pass for hits, then clearing windows.
  func gateWindows(
    _ gate: ContextGate, base: UnsafePointer<UInt8>, count: Int, field: String?,
    scratch: ScanScratch
  ) {
    var anyWindow = false
    for d in gate.gatedIndices where !scratch.windows[d].isEmpty {
      anyWindow = true
      break
    }
    if !anyWindow { return }
    scratch.contextHits.removeAll(keepingCapacity: true)
    gate.findHits(in: base, count: count, into: &scratch.contextHits)
    let hits = scratch.contextHits
    let loweredField = field.map { Array($0.lowercased().utf8) }
    for d in gate.gatedIndices where !scratch.windows[d].isEmpty {
      if let lowered = loweredField,
        detectors[d].contextWords.contains(where: { lowered.containsSubsequence($0) })
      {
        continue
      }
      if hits.isEmpty {
        scratch.windows[d].removeAll(keepingCapacity: true)
        continue
      }
      // The spans where a word of this detector gives context: [start - reach, end + reach),
      // ascending and disjoint after merging, so each window needs one binary search.
      let reach = detectors[d].contextWindow
      let member = gate.members[d]
      var spans: [Range<Int>] = []
      for h in hits where member[h.word] {
        let span = (h.start - reach)..<(h.start + gate.words[h.word].count + reach)
        if let last = spans.last, span.lowerBound <= last.upperBound {
          spans[spans.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
        } else {
          spans.append(span)
        }
      }
      scratch.windows[d].removeAll { w in
        var lo = 0
        var hi = spans.count
        while lo < hi {
          let mid = (lo + hi) / 2
          if spans[mid].upperBound <= w.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo == spans.count || spans[lo].lowerBound >= w.upperBound
      }
    }
  }
}
