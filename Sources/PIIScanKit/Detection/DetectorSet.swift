internal import Crypto

/// The detectors of one run, with the prefilter tables derived from them.
///
/// Built once from pattern files (``PatternLoader``), filtered by `--enable`/`--disable`/
/// `--country`, then shared read-only by every worker.
public final class DetectorSet: Sendable {
  /// Detectors in a fixed order (pattern file order, then file order within a file).
  public let detectors: [Detector]
  /// SHA-256 over every detector's hash, in id order: identifies the detector set in catalogs and
  /// manifests.
  public let hash: String

  struct KeywordAnchor: Sendable {
    let keyword: [UInt8]
    /// Index in `keyword` of the first byte of its rarest pair of bytes, the pair the keyword
    /// pass stops at (0 for a one-byte keyword: its byte followed by any byte).
    let pairIndex: Int
    let detectors: [Int]
    /// Every detector of the anchor runs over whole lines (no `window`): once a line has a
    /// hit, later hits on it add nothing, and the search resumes after the line.
    let lineWindowed: Bool
  }
  let keywordAnchors: [KeywordAnchor]
  /// The keyword pass's stops: per pair of bytes (key `first | second << 8`, a little-endian
  /// 16-bit load), the anchors that have it as their rarest pair. One pass over a segment then
  /// finds every keyword's candidates at once, stopping at a few pairs instead of common bytes.
  let anchorsOfPair: KeyedLists
  /// The anchors of one-byte keywords: at the segment's last byte no pair starts.
  let singleByteAnchors: [Int]
  /// The `digits` detectors grouped by their separator set. A digit run (under the union of
  /// all separators) is split at bytes outside a class's set; each piece then serves the
  /// detectors of that class whose minimum digits and group it meets.
  struct DigitRunClass: Sendable {
    /// 256 entries: whether the byte separates digits in this class.
    let separator: [Bool]
    /// The smallest `digits` of its detectors: shorter runs skip the class.
    let minDigits: Int
    /// By ascending minimum digits, so a short piece stops at the first it cannot serve.
    /// `gated`: the detector is gated by ``ContextGate`` (see ``gatedDigitWords``); `shape`: its
    /// `digit_shape` (empty without one, or without the prefilter).
    let detectors:
      [(
        detector: Int, minDigits: Int, minGroup: Int, requires: UInt8, gated: Bool, shape: [Int]
      )]
  }
  /// The classes, flattened for the hot loop (see ``DigitTables``).
  let digitTables: DigitTables
  let smallestDigitRun: Int
  /// Whether a `digits` detector also sets `window` (its windows then follow each anchor).
  let hasWindowedDigitDetector: Bool
  /// Per detector: its `digit_lead`, or -1 (its digit anchors flag whole lines).
  let digitLeads: [Int]
  /// Per detector: its windows bound where matches start, not what the regex reads (a
  /// `digit_lead` detector, or a `token` one without `window`): the regex then reads on through
  /// the segment from each window, with PCRE2's offset limit at the window's last start.
  let startWindowed: [Bool]
  /// The gated `digits` detectors (each without `window` or `digit_lead`, so its windows stay
  /// inside the line of their anchor): a line with none of their words near it gives them no window, which
  /// ``ContextGate`` would drop anyway, so the digit-run pass skips them there.
  let gatedDigitDetectors: [Int]
  /// Per context word id: whether it is a word of a gated `digits` detector.
  let gatedDigitWords: [Bool]
  /// The widest context window of the gated `digits` detectors.
  let gatedDigitReach: Int
  /// Token anchors grouped by their (chars, needs) sets: one pass over a segment per group.
  struct TokenGroup: Sendable {
    /// Per byte: bit 0 set when in `chars`, bit 1 when in `needs` (one load per walked byte).
    let classes: [UInt8]
    /// Its entries' indices in ``DetectorSet/tokenEntries``.
    let entries: Range<Int>
    /// The shortest `min` and the longest `max` of its entries: a run outside them serves none.
    let lengths: ClosedRange<Int>
    /// The largest `needs_count` of its entries: counting a run's `needs` bytes can stop there.
    let needsCap: Int
    /// No entry has a `window`: each qualifying token is a window of its own, in which a
    /// match must start (it lies inside its maximal token, and that token qualifies).
    let runWindowed: Bool
    /// `needs` as up to three ASCII ranges, for the eight-bytes-at-a-time search; nil when it
    /// takes more (the search then goes byte by byte).
    let needRanges: ByteRanges?
    /// Set when every entry's detector is gated by ``ContextGate`` and has a `max` length:
    /// how far from a context word a token can lie and still hold a reportable value (the
    /// widest context window plus the longest token). Such a group is walked only near its
    /// detectors' words.
    let contextReach: Int?
    /// For a group walked everywhere (no `contextReach`): its `chars` and `needs` sets' indices
    /// in ``DetectorSet/tokenClassifier``; nil when there is no classifier.
    var maskSets: (chars: Int, needs: Int)? = nil
  }
  let tokenGroups: [TokenGroup]
  /// A token detector's thresholds, in detector order within each group.
  struct TokenEntry: Sendable {
    let detector: Int
    let min: Int
    let max: Int
    let needsCount: Int
  }
  /// Every group's entries, a group's contiguous: one flat array of plain values, so that a
  /// token's checks copy and retain nothing.
  let tokenEntries: [TokenEntry]
  /// The byte sets of the groups walked everywhere, answered sixteen bytes at a time; nil
  /// when there are none, or they need too many intervals, or the platform has no SSE2.
  let tokenClassifier: ByteClassifier?
  /// Detectors with no prefilter: they run over every byte.
  let unfiltered: [Int]
  /// The context-word prefilter of `requires_context` detectors; nil without prefilter.
  let contextGate: ContextGate?
  /// The keyword pass's pairs and the context gate's word-start pairs in one table (nil without
  /// both): one pass over a segment then stops for either, instead of one pass each.
  let keywordOrWordPairs: [UInt64]?

  /// With `prefilter` false every detector runs over every byte: the reference behaviour the
  /// prefilter must reproduce exactly (tests compare the two).
  public init(_ detectors: [Detector], prefilter: Bool = true) {
    self.detectors = detectors
    var byKeyword: [[UInt8]: [Int]] = [:]
    var order: [[UInt8]] = []
    var digits: [Int] = []
    var unfiltered: [Int] = []
    for (i, d) in detectors.enumerated() {
      for k in d.keywords {
        if byKeyword[k] == nil { order.append(k) }
        byKeyword[k, default: []].append(i)
      }
      if d.minDigits != nil { digits.append(i) }
      if !prefilter || (d.keywords.isEmpty && d.minDigits == nil && d.token == nil) {
        unfiltered.append(i)
      }
    }
    if !prefilter {
      byKeyword = [:]
      order = []
      digits = []
    }
    let anchors = order.map { k in
      KeywordAnchor(
        keyword: k, pairIndex: ByteRarity.rarestPairIndex(in: k), detectors: byKeyword[k]!,
        lineWindowed: byKeyword[k]!.allSatisfy { detectors[$0].window == nil })
    }
    keywordAnchors = anchors
    var anchorsOfPair: [Int: [Int]] = [:]
    for (a, anchor) in anchors.enumerated() {
      let first = Int(anchor.keyword[anchor.pairIndex])
      if anchor.keyword.count == 1 {
        for second in 0..<256 { anchorsOfPair[first | second << 8, default: []].append(a) }
      } else {
        anchorsOfPair[first | Int(anchor.keyword[anchor.pairIndex + 1]) << 8, default: []]
          .append(a)
      }
    }
    self.anchorsOfPair = KeyedLists(keyCount: 1 << 16, lists: anchorsOfPair)
    singleByteAnchors = anchors.indices.filter { anchors[$0].keyword.count == 1 }
    let gate = ContextGate(detectors)
    let usedGate = prefilter && !gate.isEmpty ? gate : nil
    // A `digit_lead` window may start on the line before its piece: such a detector is left
    // to the gate alone.
    let gatedDigits = digits.filter {
      usedGate?.gated[$0] == true && detectors[$0].window == nil && detectors[$0].digitLead == nil
    }
    gatedDigitDetectors = gatedDigits
    gatedDigitWords = (usedGate?.words.indices ?? 0..<0).map { w in
      gatedDigits.contains { usedGate!.members[$0][w] }
    }
    gatedDigitReach = gatedDigits.map { detectors[$0].contextWindow }.max() ?? 0
    var bySeparators: [[UInt8]: [Int]] = [:]
    var classOrder: [[UInt8]] = []
    for i in digits {
      // The same separators in another order are the same class.
      let key = detectors[i].digitSeparators.sorted()
      if bySeparators[key] == nil { classOrder.append(key) }
      bySeparators[key, default: []].append(i)
    }
    let digitClasses = classOrder.map { key in
      var member = [Bool](repeating: false, count: 256)
      for b in key { member[Int(b)] = true }
      let ds = bySeparators[key]!.map {
        (
          detector: $0, minDigits: detectors[$0].minDigits!, minGroup: detectors[$0].digitGroup,
          requires: detectors[$0].digitRequires, gated: gatedDigits.contains($0),
          shape: prefilter ? detectors[$0].digitShape : []
        )
      }.sorted { ($0.minDigits, $0.detector) < ($1.minDigits, $1.detector) }
      return DigitRunClass(separator: member, minDigits: ds[0].minDigits, detectors: ds)
    }
    smallestDigitRun = digitClasses.map(\.minDigits).min() ?? Int.max
    digitTables = DigitTables(digitClasses)
    hasWindowedDigitDetector = digits.contains { detectors[$0].window != nil }
    digitLeads = detectors.map { prefilter ? $0.digitLead ?? -1 : -1 }
    startWindowed = detectors.map {
      prefilter && ($0.digitLead != nil || ($0.token != nil && $0.window == nil))
    }
    self.unfiltered = unfiltered
    var byToken: [ByteSet: [ByteSet: [Int]]] = [:]
    var tokenOrder: [(ByteSet, ByteSet)] = []
    for (i, d) in detectors.enumerated() where prefilter {
      guard let t = d.token else { continue }
      if byToken[t.chars]?[t.needs] == nil { tokenOrder.append((t.chars, t.needs)) }
      byToken[t.chars, default: [:]][t.needs, default: []].append(i)
    }
    var entries: [TokenEntry] = []
    var groups = tokenOrder.map { chars, needs in
      let members = byToken[chars]![needs]!
      let firstEntry = entries.count
      for i in members {
        let t = detectors[i].token!
        entries.append(TokenEntry(detector: i, min: t.min, max: t.max, needsCount: t.needsCount))
      }
      let reach: Int?
      if let usedGate,
        members.allSatisfy({ usedGate.gated[$0] && detectors[$0].token!.max < Int.max })
      {
        reach =
          members.map { detectors[$0].contextWindow }.max()!
          + members.map { detectors[$0].token!.max }.max()!
      } else {
        reach = nil
      }
      return TokenGroup(
        classes: (0..<256).map { b in
          (chars.members[b] ? 1 : 0) | (needs.members[b] ? 2 : 0)
        },
        entries: firstEntry..<entries.count,
        lengths: entries[firstEntry...].map(\.min).min()!...entries[firstEntry...].map(\.max)
          .max()!,
        needsCap: entries[firstEntry...].map(\.needsCount).max()!,
        runWindowed: members.allSatisfy { detectors[$0].window == nil },
        needRanges: ByteRanges(needs.members), contextReach: reach)
    }
    // The groups walked everywhere share one classification of each block's bytes.
    var sets: [[Bool]] = []
    func setIndex(_ members: [Bool]) -> Int {
      if let i = sets.firstIndex(of: members) { return i }
      sets.append(members)
      return sets.count - 1
    }
    var maskSets: [Int: (chars: Int, needs: Int)] = [:]
    for (g, (chars, needs)) in tokenOrder.enumerated() where groups[g].contextReach == nil {
      maskSets[g] = (setIndex(chars.members), setIndex(needs.members))
    }
    tokenClassifier = sets.isEmpty ? nil : ByteClassifier(sets)
    if tokenClassifier != nil {
      for (g, m) in maskSets { groups[g].maskSets = m }
    }
    tokenGroups = groups
    tokenEntries = entries
    contextGate = usedGate
    if let usedGate, !anchors.isEmpty {
      keywordOrWordPairs = zip(self.anchorsOfPair.bits, usedGate.startPairs).map { $0 | $1 }
    } else {
      keywordOrWordPairs = nil
    }
    let joined = detectors.sorted { $0.id < $1.id }.map { "\($0.id)=\($0.hash)" }
      .joined(separator: "\n")
    hash = SHA256.hash(data: Array(joined.utf8)).hexString
  }

  /// The detectors whose id, entity or country matches the filters.
  ///
  /// `enable` keeps only detectors named by id or entity (empty keeps all); `disable` then removes
  /// those named; `countries` keeps detectors with no country or one of those given. Unknown names
  /// throw, so a typo never silently disables nothing.
  public func filtered(enable: [String], disable: [String], countries: [String]) throws
    -> DetectorSet
  {
    let known = Set(detectors.map(\.id)).union(detectors.map(\.entity))
    for name in enable + disable where !known.contains(name) {
      throw ScanError(
        .badUsage,
        "unknown detector or entity '\(name)'; `piiscan detectors` lists them")
    }
    let upper = Set(countries.map { $0.uppercased() })
    let kept = detectors.filter { d in
      (enable.isEmpty || enable.contains(d.id) || enable.contains(d.entity))
        && !disable.contains(d.id) && !disable.contains(d.entity)
        && (upper.isEmpty || d.spec.country == nil || upper.contains(d.spec.country!.uppercased()))
    }
    return DetectorSet(kept)
  }
}

/// A fixed estimate of how common each byte is in logs and text, used to pick the pair of bytes
/// of a keyword that the keyword pass stops at (the rarest), much as ripgrep's `memchr` crate
/// picks the bytes it searches for.
enum ByteRarity {
  static func rank(_ b: UInt8) -> Int {
    switch b {
    case 0x20: return 255  // space
    case 0x61...0x66: return 199  // a-f: hex digests and UUIDs fill logs with them
    case 0x67...0x7A:  // other lower case, by English frequency
      let common: [UInt8] = Array("etaoinshrdlcumwfgypbvkjxqz".utf8)
      let i = common.firstIndex(of: b) ?? 25
      return 200 - i * 3
    case 0x30...0x39: return 180
    case 0x41...0x5A: return 100
    // . , - : / " = fill logs (timestamps, paths, JSON, UUIDs): more common than most
    // letters. `sk-ant-` is searched by its `k`, `"private_key_id"` by its `k`, `://` by `/`.
    case 0x2E, 0x2C, 0x2D, 0x3A, 0x2F, 0x22, 0x3D: return 230
    case 0x5F: return 120  // _
    default: return 40
    }
  }

  /// The index of the first byte of the keyword's rarest pair of adjacent bytes (lowest summed
  /// rank; the first of equals); 0 for a one-byte keyword.
  static func rarestPairIndex(in keyword: [UInt8]) -> Int {
    var best = 0
    var bestRank = Int.max
    for i in 0..<max(0, keyword.count - 1) {
      let r = rank(keyword[i]) + rank(keyword[i + 1])
      if r < bestRank {
        best = i
        bestRank = r
      }
    }
    return best
  }
}

/// The digit-run classes as flat, immutable buffers, so the per-run loop reads them without
/// reference counting. Allocated once per detector set and never written after `init`.
final class DigitTables: @unchecked Sendable {
  let classCount: Int
  /// Per byte: bit `c` set when the byte separates digits in class `c`.
  let separatorMask: UnsafeMutablePointer<UInt64>
  /// Per class: the smallest minimum digits of its detectors.
  let minDigits: UnsafeMutablePointer<Int>
  /// Class `c`'s entries are `entries[first[c] ..< first[c + 1]]`, by ascending minimum digits.
  let first: UnsafeMutablePointer<Int>
  let entryDetector: UnsafeMutablePointer<Int>
  let entryMinDigits: UnsafeMutablePointer<Int>
  let entryMinGroup: UnsafeMutablePointer<Int>
  let entryRequires: UnsafeMutablePointer<UInt8>
  /// Per entry: its detector is a gated one (``DetectorSet/gatedDigitDetectors``).
  let entryGated: UnsafeMutablePointer<Bool>
  /// Per entry: its `digit_shape` is `shapes[entryShapeStart[e] ..< entryShapeStart[e + 1]]`
  /// (empty: none).
  let entryShapeStart: UnsafeMutablePointer<Int>
  let shapes: UnsafeMutablePointer<Int>
  /// Bit `c` set when class `c` has an entry that is not gated.
  let ungatedClasses: UInt64
  /// Per byte: its bit among the union separators (index in `DigitClass.separators`), or 0.
  let separatorBit: UnsafeMutablePointer<UInt8>
  /// Per class: the `separatorBit`s of the separators it allows.
  let classSeparatorBits: UnsafeMutablePointer<UInt8>
  /// Per digit count (``maxCountedDigits`` and more share the last entry): bit `c` set when
  /// class `c`'s smallest minimum digits is at most that count. One load per run instead of a
  /// compare per class.
  let classesWithin: UnsafeMutablePointer<UInt64>
  static let maxCountedDigits = 64

  init(_ classes: [DetectorSet.DigitRunClass]) {
    precondition(classes.count <= 64, "at most 64 digit separator classes")
    classCount = classes.count
    separatorMask = .allocate(capacity: 256)
    separatorMask.initialize(repeating: 0, count: 256)
    minDigits = .allocate(capacity: max(1, classes.count))
    first = .allocate(capacity: classes.count + 1)
    let total = classes.reduce(0) { $0 + $1.detectors.count }
    entryDetector = .allocate(capacity: max(1, total))
    entryMinDigits = .allocate(capacity: max(1, total))
    entryMinGroup = .allocate(capacity: max(1, total))
    entryRequires = .allocate(capacity: max(1, total))
    entryGated = .allocate(capacity: max(1, total))
    entryShapeStart = .allocate(capacity: total + 1)
    let shapeTotal = classes.reduce(0) { $0 + $1.detectors.reduce(0) { $0 + $1.shape.count } }
    shapes = .allocate(capacity: max(1, shapeTotal))
    var shapeAt = 0
    separatorBit = .allocate(capacity: 256)
    separatorBit.initialize(repeating: 0, count: 256)
    for b in 0..<256 { separatorBit[b] = DigitClass.bit(UInt8(b)) }
    classSeparatorBits = .allocate(capacity: max(1, classes.count))
    var at = 0
    var ungated: UInt64 = 0
    for (c, cls) in classes.enumerated() {
      classSeparatorBits[c] = 0
      for b in 0..<256 where cls.separator[b] {
        separatorMask[b] |= 1 << UInt64(c)
        classSeparatorBits[c] |= separatorBit[b]
      }
      minDigits[c] = cls.minDigits
      first[c] = at
      for e in cls.detectors {
        entryDetector[at] = e.detector
        entryMinDigits[at] = e.minDigits
        entryMinGroup[at] = e.minGroup
        entryRequires[at] = e.requires
        entryGated[at] = e.gated
        entryShapeStart[at] = shapeAt
        for n in e.shape {
          shapes[shapeAt] = n
          shapeAt += 1
        }
        if !e.gated { ungated |= 1 << UInt64(c) }
        at += 1
      }
    }
    first[classes.count] = at
    entryShapeStart[at] = shapeAt
    ungatedClasses = ungated
    classesWithin = .allocate(capacity: Self.maxCountedDigits + 1)
    for n in 0...Self.maxCountedDigits {
      var within: UInt64 = 0
      for (c, cls) in classes.enumerated() where n >= cls.minDigits { within |= 1 << UInt64(c) }
      classesWithin[n] = within
    }
  }

  deinit {
    separatorMask.deallocate()
    minDigits.deallocate()
    first.deallocate()
    entryDetector.deallocate()
    entryMinDigits.deallocate()
    entryMinGroup.deallocate()
    entryRequires.deallocate()
    entryGated.deallocate()
    entryShapeStart.deallocate()
    shapes.deallocate()
    separatorBit.deallocate()
    classSeparatorBits.deallocate()
    classesWithin.deallocate()
  }
}

/// A byte set of at most three ASCII ranges, searched eight bytes at a time.
///
/// For a word `w`, with `v = w & 0x7F…` (no byte above 0x7F, so no carry crosses a byte),
/// `v + (0x80 - lo)` sets a byte's top bit when its value is at least `lo`, and
/// `v + (0x7F - hi)` when it is above `hi`; `& ~w` drops bytes that were 0x80 or more. The
/// flags are exact per byte, so the lowest one is the first member.
struct ByteRanges: Sendable {
  private let low: (UInt64, UInt64, UInt64)
  private let high: (UInt64, UInt64, UInt64)
  private let count: Int

  init?(_ members: [Bool]) {
    var ranges: [(Int, Int)] = []
    var b = 0
    while b < 256 {
      if members[b] {
        let lo = b
        while b + 1 < 256 && members[b + 1] { b += 1 }
        ranges.append((lo, b))
      }
      b += 1
    }
    guard (1...3).contains(ranges.count), ranges.allSatisfy({ $0.1 < 0x80 }) else { return nil }
    let ones: UInt64 = 0x0101_0101_0101_0101
    func add(_ r: (Int, Int)) -> (UInt64, UInt64) {
      (UInt64(0x80 - r.0) &* ones, UInt64(0x7F - r.1) &* ones)
    }
    let a = add(ranges[0])
    let b2 = ranges.count > 1 ? add(ranges[1]) : a
    let c = ranges.count > 2 ? add(ranges[2]) : a
    low = (a.0, b2.0, c.0)
    high = (a.1, b2.1, c.1)
    count = ranges.count
  }

  /// Top bit of each byte of `w` that is a member.
  @inline(__always) func flags(_ w: UInt64) -> UInt64 {
    let v = w & 0x7F7F_7F7F_7F7F_7F7F
    var f = (v &+ low.0) & ~(v &+ high.0)
    if count > 1 { f |= (v &+ low.1) & ~(v &+ high.1) }
    if count > 2 { f |= (v &+ low.2) & ~(v &+ high.2) }
    return f & ~w & 0x8080_8080_8080_8080
  }
}
