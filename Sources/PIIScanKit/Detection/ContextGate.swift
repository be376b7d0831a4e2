#if canImport(Glibc)
  import Glibc
#endif

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
final class ContextGate: Sendable {
  /// Distinct lower-cased context words of the gated detectors.
  let words: [[UInt8]]
  /// Per detector index: whether it is gated, and which word ids are its own.
  let gated: [Bool]
  /// The indices of gated detectors, in order.
  let gatedIndices: [Int]
  let members: [[Bool]]
  /// Per byte: a 6-bit code (letters folded to 1...26, digits 27, other ASCII 28...31, other
  /// bytes 32...63). Three codes make an 18-bit key for the bytes that may start a word.
  private let code: [UInt8]
  /// Per key: the ids of the words that may start with those three bytes (a 32 KiB bit table).
  private let wordsOfKey: KeyedLists
  /// Per pair of raw bytes (``PairScan``): set when some word starts with the pair, folded
  /// (an 8 KiB table). The search stops only there, then checks the three-byte key.
  let startPairs: [UInt64]
  /// The ids of two-byte words: at the segment's last two bytes they have no third byte.
  private let shortWordIDs: [Int]
  /// Every word's bytes back to back: word `w` is `wordBytes[wordStart[w] ..< wordStart[w + 1]]`.
  private let wordBytes: [UInt8]
  private let wordStart: [Int]

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
    let code: [UInt8] = (0..<256).map { b in
      let f = foldASCII(UInt8(b))
      if f >= 0x61 && f <= 0x7A { return f - 0x60 }
      if f >= 0x30 && f <= 0x39 { return 27 }
      if f < 0x80 { return 28 + f % 4 }
      return 32 + f % 32
    }
    self.code = code
    // A word of three or more bytes has one key; a two-byte word has every key it can start.
    var idsOfKey: [Int: [Int]] = [:]
    for (id, w) in words.enumerated() {
      let prefix = Int(code[Int(w[0])]) << 12 | Int(code[Int(w[1])]) << 6
      let keys = w.count >= 3 ? [prefix | Int(code[Int(w[2])])] : (0..<64).map { prefix | $0 }
      for key in keys { idsOfKey[key, default: []].append(id) }
    }
    wordsOfKey = KeyedLists(keyCount: 1 << 18, lists: idsOfKey)
    var unfolded = [[Int]](repeating: [], count: 256)  // the bytes that fold to each byte
    for b in 0..<256 { unfolded[Int(foldASCII(UInt8(b)))].append(b) }
    var pairs = [UInt64](repeating: 0, count: 1 << 10)
    for w in words {
      for first in unfolded[Int(w[0])] {
        for second in unfolded[Int(w[1])] {
          let key = first | second << 8
          pairs[key >> 6] |= 1 << UInt64(key & 63)
        }
      }
    }
    startPairs = pairs
    shortWordIDs = words.indices.filter { words[$0].count == 2 }
    wordBytes = words.flatMap { $0 }
    wordStart = words.reduce(into: [0]) { $0.append($0.last! + $1.count) }
  }

  /// Appends `(start, word id)` for every occurrence of every word in `base[0..<count]`
  /// (ASCII case-insensitive, as context matching is), in offset order.
  func findHits(
    in base: UnsafePointer<UInt8>, count: Int, into hits: inout [(start: Int, word: Int)]
  ) {
    if count < 2 { return }
    // The search stops only at pairs of bytes some word starts with (8% of the bench log); the
    // three-byte key and the word compares run there. A rolling key tested at every byte was
    // a chain of dependent shifts per byte.
    startPairs.withUnsafeBufferPointer { pairs in
      let last = count &- 2  // words of three or more bytes start before it
      var i = 0
      while true {
        i = PairScan.next(in: base, from: i, to: last, bits: pairs.baseAddress!)
        if i >= last { break }
        appendHits(at: i, base: base, count: count, into: &hits)
        i &+= 1
      }
    }
    appendHitsAtEnd(base: base, count: count, into: &hits)
  }

  /// Whether a word may start at `i` by its pair of bytes (`PairScan.key(base, i)`).
  @inline(__always)
  func startsWord(pair key: Int) -> Bool {
    (startPairs[key &>> 6] &>> UInt64(key & 63)) & 1 != 0
  }

  /// The hits at `i` (below `count - 2`), whose pair ``startsWord(pair:)``: the three-byte key,
  /// then every byte of its words. For ``findHits(in:count:into:)`` and for a pass that stops
  /// at these pairs among others (``DetectorSet``'s keyword pass).
  @inline(__always)
  func appendHits(
    at i: Int, base: UnsafePointer<UInt8>, count: Int, into hits: inout [(start: Int, word: Int)]
  ) {
    let key =
      Int(code[Int(base[i])]) &<< 12 | Int(code[Int(base[i &+ 1])]) &<< 6
      | Int(code[Int(base[i &+ 2])])
    if (wordsOfKey.bits[key &>> 6] &>> UInt64(key & 63)) & 1 != 0 {
      appendWords(ofKey: key, at: i, base: base, count: count, into: &hits)
    }
  }

  /// The hits that start at `count - 2` (two-byte words, which have no third byte there): the
  /// last step of a pass that called ``appendHits(at:base:count:into:)`` below `count - 2`.
  func appendHitsAtEnd(
    base: UnsafePointer<UInt8>, count: Int, into hits: inout [(start: Int, word: Int)]
  ) {
    if count < 2 { return }
    for id in shortWordIDs where isWord(id, at: count - 2, base: base, count: count) {
      hits.append((count - 2, id))
    }
  }

  /// Appends the words of `key` (whose bit is set) that occur at `start`.
  @inline(never)
  private func appendWords(
    ofKey key: Int, at start: Int, base: UnsafePointer<UInt8>, count: Int,
    into hits: inout [(start: Int, word: Int)]
  ) {
    wordsOfKey.forEachID(ofKey: key) { id in
      if isWord(id, at: start, base: base, count: count) { hits.append((start, id)) }
    }
  }

  /// Whether word `id` is at `start` (every byte compared: keys are lossy).
  private func isWord(_ id: Int, at start: Int, base: UnsafePointer<UInt8>, count: Int) -> Bool {
    wordBytes.withUnsafeBufferPointer { bytes in
      let lo = wordStart[id]
      let n = wordStart[id &+ 1] &- lo
      if start &+ n > count { return false }
      var j = 0
      while j < n && foldASCII(base[start &+ j]) == bytes[lo &+ j] { j &+= 1 }
      return j == n
    }
  }
}

extension DetectorSet {
  /// Drops the windows of gated detectors that have none of their context words near them,
  /// unless the field name holds one (then every window stays, as `hasWord` would accept it).
  ///
  /// Runs once per segment (a text chunk, a JSON string, a CSV field), so the common case (no
  /// context word anywhere) must cost little: one pass for hits, then clearing windows.
  func gateWindows(
    _ gate: ContextGate, base: UnsafePointer<UInt8>, count: Int, field: FieldFacts?,
    scratch: ScanScratch, haveHits: Bool
  ) {
    var anyWindow = false
    for d in gate.gatedIndices where !scratch.windows[d].isEmpty {
      anyWindow = true
      break
    }
    if !anyWindow { return }
    if !haveHits {
      scratch.contextHits.removeAll(keepingCapacity: true)
      gate.findHits(in: base, count: count, into: &scratch.contextHits)
    }
    let hits = scratch.contextHits
    for d in gate.gatedIndices where !scratch.windows[d].isEmpty {
      if fieldGivesContext(d, field) { continue }
      if hits.isEmpty {
        scratch.windows[d].removeAll(keepingCapacity: true)
        continue
      }
      // The spans where a word of this detector gives context, ascending and disjoint, so
      // each window needs one binary search.
      let member = gate.members[d]
      let spans = contextSpans(
        gate, hits: hits, reach: detectors[d].contextWindow, count: count, where: { member[$0] })
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

  /// Where a token of `group` (whose detectors are all gated, see ``TokenGroup/contextReach``)
  /// can hold a reportable value: the bytes within `reach` of one of its detectors' words in
  /// `hits`, ascending and disjoint. Nil when the field name holds such a word: every token of
  /// the segment then has context.
  func tokenSpans(
    of group: TokenGroup, reach: Int, gate: ContextGate, hits: [(start: Int, word: Int)],
    count: Int, field: FieldFacts?
  ) -> [Range<Int>]? {
    if tokenEntries[group.entries].contains(where: { fieldGivesContext($0.detector, field) }) {
      return nil
    }
    return contextSpans(gate, hits: hits, reach: reach, count: count) { word in
      tokenEntries[group.entries].contains { gate.members[$0.detector][word] }
    }
  }

  /// Whether the field name (lower-cased) holds one of detector `d`'s context words: every
  /// value of the segment then has context.
  func fieldGivesContext(_ d: Int, _ field: FieldFacts?) -> Bool {
    field?.givesContext[d] ?? false
  }

  /// `[start - reach, end + reach)` of each hit whose word `isMine`, within the segment,
  /// merged: ascending and disjoint.
  func contextSpans(
    _ gate: ContextGate, hits: [(start: Int, word: Int)], reach: Int, count: Int,
    where isMine: (Int) -> Bool
  ) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    for h in hits where isMine(h.word) {
      let span = max(0, h.start - reach)..<min(count, h.start + gate.words[h.word].count + reach)
      if let last = spans.last, span.lowerBound <= last.upperBound {
        spans[spans.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
      } else {
        spans.append(span)
      }
    }
    return spans
  }

  /// The lines of the segment that a gated `digits` detector's window can overlap one of its
  /// context spans in: each span widened to the whole lines it touches (newline included),
  /// merged. A run whose start lies outside all of them is on a line where every gated
  /// `digits` window would be dropped by ``gateWindows``. Nil when the field name gives one of
  /// those detectors context (every line then keeps its windows).
  func gatedDigitLines(
    _ gate: ContextGate, hits: [(start: Int, word: Int)], base: UnsafePointer<UInt8>, count: Int,
    field: FieldFacts?
  ) -> [Range<Int>]? {
    if gatedDigitDetectors.contains(where: { fieldGivesContext($0, field) }) { return nil }
    let spans = contextSpans(gate, hits: hits, reach: gatedDigitReach, count: count) {
      gatedDigitWords[$0]
    }
    var lines: [Range<Int>] = []
    lines.reserveCapacity(spans.count)
    for span in spans where !span.isEmpty {
      var lo = span.lowerBound
      while lo > 0 && base[lo - 1] != 0x0A { lo -= 1 }
      let hi =
        memchr(base + span.upperBound - 1, 0x0A, count - span.upperBound + 1).map {
          base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) + 1
        } ?? count
      DetectorSet.appendLine(&lines, lo..<hi)
    }
    return lines
  }
}
