import PCRE2

#if canImport(Glibc)
  import Glibc
#endif

/// A match that survived validation and context checks, in segment coordinates.
struct Candidate {
  var detector: Int
  var range: Range<Int>
  var validated: Bool
  var hasContext: Bool
  var confidence: Double
  var normalized: [UInt8]
}

/// A PCRE2 resource limit hit while scanning: the record it happened in is not fully scanned.
public struct MatchLimitHit: Sendable, Equatable {
  public var detector: String
  public var offset: Int
}

/// Per-worker scanning state. Not `Sendable`: one per worker, never shared.
public final class ScanScratch {
  let match: MatchScratch
  var windows: [[Range<Int>]] = []
  var candidates: [Candidate] = []
  var contextHits: [(start: Int, word: Int)] = []
  /// Digit-run prefilter state: the detectors qualified on the current line.
  var flagged: [Int] = []
  /// Per keyword anchor: the position before which its hits add nothing (reset per segment).
  var keywordResume: [Int] = []
  /// Per detector: the start of the line it was last flagged on, or -1.
  var lineMarks: [Int] = []
  /// The token tiles' set masks and interval scratch (``DetectorSet/forEachTiledToken``).
  var tileMasks: [UInt64] = []
  /// Per token group: the state its tiled walk carries from tile to tile.
  var tileState: [UInt64] = []
  /// The digit groups of the digit run being classified.
  let digitGroups = DigitGroups()
  /// For validators that run regexes (``Validator/check(_:scratch:)``), with the default
  /// limits they always had.
  let validation = MatchScratch()
  /// Per field name (a JSON Pointer or column name, which repeat from record to record): its
  /// lower-cased bytes and the detectors it gives context, for the detector set that
  /// `fieldFactsOwner` identifies (a scratch may serve several sets; held, so that its address
  /// is not reused by another set while the facts are kept).
  var fieldFacts: [String: FieldFacts] = [:]
  var fieldFactsOwner: AnyObject?

  public init(limits: MatchScratch.Limits = MatchScratch.Limits()) {
    match = MatchScratch(limits: limits)
  }
}

extension DetectorSet {
  /// Finds every detector's matches in `bytes` (one segment: a chunk of lines, a JSON string
  /// value or a CSV field) and resolves overlaps.
  ///
  /// Cheap checks run first: keyword and digit-run anchors pick the lines each detector runs on,
  /// then PCRE2, then normalization, then the validator, then context words (STYLE.md §5).
  /// `field` (a JSON Pointer or column name) also counts as context. Limit hits are appended to
  /// `limits` and never read as "no match".
  func scan(
    _ bytes: UnsafeRawBufferPointer, field: String?, scratch: ScanScratch,
    limits: inout [MatchLimitHit]
  ) -> [Candidate] {
    let count = bytes.count
    if count == 0 { return [] }
    if scratch.windows.count != detectors.count {
      scratch.windows = Array(repeating: [], count: detectors.count)
    }
    // Every detector's windows are empty here: the detector loop below empties each it runs
    // (clearing all of them per segment cost more than scanning a short JSON value).
    let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
    // The field name counts as context; lower-cased once per name (``fieldFacts(of:scratch:)``),
    // not per segment or match.
    let facts = field.map { fieldFacts(of: $0, scratch: scratch) }
    let loweredField = facts?.lowered

    // 1. Keyword anchors, all in one pass over the bytes that are some keyword's rarest. The
    // same pass collects the context gate's word hits (`haveHits`), which most segments need.
    var haveHits = false
    if !keywordAnchors.isEmpty {
      var resume = scratch.keywordResume
      if resume.count != keywordAnchors.count {
        resume = [Int](repeating: 0, count: keywordAnchors.count)
      }
      var hits: [(start: Int, word: Int)] = []
      if keywordOrWordPairs != nil {
        swap(&hits, &scratch.contextHits)
        hits.removeAll(keepingCapacity: true)
        haveHits = true
      }
      defer { if haveHits { swap(&hits, &scratch.contextHits) } }
      forEachKeywordHit(in: base, count: count, resume: &resume, wordHits: &hits) { a, pos in
        let anchor = keywordAnchors[a]
        var line: Range<Int>? = nil
        for d in anchor.detectors {
          Self.appendWindow(
            &scratch.windows[d], anchor: pos..<(pos + anchor.keyword.count),
            window: detectors[d].window,
            base: base, count: count, line: &line)
        }
        // The line is covered for every detector of the anchor: later hits on it add nothing.
        if anchor.lineWindowed {
          if let l = line {
            if let end = Self.endOfWholeLine(l, base: base, count: count) { return end }
          } else {
            // Every detector's last window already covered this hit to its line's end.
            guard let nl = memchr(base + pos, 0x0A, count - pos) else { return count }
            return base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
          }
        }
        return pos + 1
      }
      for a in resume.indices { resume[a] = 0 }
      scratch.keywordResume = resume
    }
    // 1b. Token anchors: each maximal run of a group's bytes that holds one of its `needs`.
    // A group whose detectors all require context is walked only near their words.
    if let classifier = tokenClassifier {
      var windows: [[Range<Int>]] = []
      swap(&windows, &scratch.windows)
      tokenEntries.withUnsafeBufferPointer { entries in
        forEachTiledToken(classifier, in: base, count: count, scratch: scratch) {
          groupEntries, runWindowed, run, needed in
          addTokenWindows(
            UnsafeBufferPointer(rebasing: entries[groupEntries]), runWindowed: runWindowed,
            run: run, needed: needed, to: &windows, base: base, count: count)
        }
      }
      swap(&windows, &scratch.windows)
    }
    for group in tokenGroups where group.maskSets == nil {
      var spans: [Range<Int>]? = nil
      if let reach = group.contextReach, let gate = contextGate {
        if !haveHits {
          scratch.contextHits.removeAll(keepingCapacity: true)
          gate.findHits(in: base, count: count, into: &scratch.contextHits)
          haveHits = true
        }
        spans = tokenSpans(
          of: group, reach: reach, gate: gate, hits: scratch.contextHits, count: count,
          field: facts)
      }
      // Out of the class while tokens are walked: no exclusivity check per token.
      var windows: [[Range<Int>]] = []
      swap(&windows, &scratch.windows)
      tokenEntries.withUnsafeBufferPointer { entries in
        forEachToken(of: group, in: base, count: count, spans: spans) { run, needed in
          addTokenWindows(
            UnsafeBufferPointer(rebasing: entries[group.entries]), runWindowed: group.runWindowed,
            run: run, needed: needed, to: &windows, base: base, count: count)
          return run.upperBound
        }
      }
      swap(&windows, &scratch.windows)
    }
    // 2. Digit-run anchors.
    // A line holds many digit runs; the line's window is added once, to every detector one of
    // its runs qualifies, when the scan leaves the line.
    if digitTables.classCount > 0 {
      var windows: [[Range<Int>]] = []
      swap(&windows, &scratch.windows)
      var flagged = scratch.flagged
      flagged.removeAll(keepingCapacity: true)
      if scratch.lineMarks.count != detectors.count {
        scratch.lineMarks = [Int](repeating: -1, count: detectors.count)
      }
      let windowed = hasWindowedDigitDetector
      let groupBuffer = scratch.digitGroups.bounds
      // Passed on, not read through `self`: while the detector set was a struct, a call that
      // needed `self` copied all of it (a retain per reference) per digit run whenever the
      // optimizer did not inline it.
      let tables = digitTables
      let all = detectors
      // The lines where gated detectors may keep a window (nil: all of them).
      var gatedLines: [Range<Int>]? = nil
      if !gatedDigitDetectors.isEmpty, let gate = contextGate {
        if !haveHits {
          scratch.contextHits.removeAll(keepingCapacity: true)
          gate.findHits(in: base, count: count, into: &scratch.contextHits)
          haveHits = true
        }
        gatedLines = gatedDigitLines(
          gate, hits: scratch.contextHits, base: base, count: count, field: facts)
      }
      let allLines = gatedLines == nil
      let lineSpans = gatedLines ?? []
      scratch.lineMarks.withUnsafeMutableBufferPointer { marks in
        lineSpans.withUnsafeBufferPointer { lineSpans in
          digitLeads.withUnsafeBufferPointer { leads in
            var current = 0..<0  // the whole line being collected; empty: none
            var currentMark = -1
            var nextLine = 0  // the first of lineSpans not wholly before the run
            DigitRuns.forEach(in: base, count: count, atLeast: smallestDigitRun) { run, digits in
              var skipGated = false
              if !allLines {
                while nextLine < lineSpans.count && lineSpans[nextLine].upperBound <= run.lowerBound
                {
                  nextLine &+= 1
                }
                skipGated =
                  nextLine == lineSpans.count || lineSpans[nextLine].lowerBound > run.lowerBound
              }
              // How this run's qualified detectors are recorded, decided at its first one.
              var mode = 0  // 0 undecided, 1 flag the current line, 2 one window per anchor
              var line: Range<Int>? = nil
              Self.forEachQualified(
                tables: tables, run: run, digits: digits, base: base, count: count,
                groups: groupBuffer,
                skipGated: skipGated
              ) { d, piece in
                let lead = leads[d]
                if lead >= 0 {
                  // `digit_lead`: the starts from `lead` bytes before the piece to its end.
                  Self.appendLine(&windows[d], max(0, piece.lowerBound - lead)..<piece.upperBound)
                  return
                }
                if mode == 0 {
                  if !current.isEmpty && run.upperBound <= current.upperBound {
                    mode = 1
                  } else {
                    if !current.isEmpty {
                      for f in flagged {
                        Self.appendLine(&windows[f], current)
                        marks[f] = -1
                      }
                      flagged.removeAll(keepingCapacity: true)
                      current = 0..<0
                    }
                    let bounds = Self.lineBounds(of: run, base: base, count: count)
                    let isWholeLine =
                      (bounds.lowerBound == 0 || base[bounds.lowerBound - 1] == 0x0A)
                      && (bounds.upperBound == count || base[bounds.upperBound] == 0x0A)
                    if isWholeLine && !windowed {
                      current = bounds
                      currentMark = bounds.lowerBound
                      mode = 1
                    } else {
                      // Lines longer than the 4 KiB bound keep one window per anchor.
                      line = bounds
                      mode = 2
                    }
                  }
                }
                if mode == 1 {
                  if marks[d] != currentMark {
                    marks[d] = currentMark
                    flagged.append(d)
                  }
                } else {
                  Self.appendWindow(
                    &windows[d], anchor: piece, window: all[d].window, base: base, count: count,
                    line: &line)
                }
              }
            }
            if !current.isEmpty {
              for f in flagged {
                Self.appendLine(&windows[f], current)
                marks[f] = -1
              }
            }
          }
        }
      }
      flagged.removeAll(keepingCapacity: true)
      swap(&windows, &scratch.windows)
      scratch.flagged = flagged
    }
    // 3. Unfiltered detectors see everything.
    for d in unfiltered { scratch.windows[d].append(0..<count) }
    // 4. Detectors that require context keep only the windows near one of their words.
    if let gate = contextGate {
      gateWindows(
        gate, base: base, count: count, field: facts, scratch: scratch, haveHits: haveHits)
    }

    // Out of the class while detectors run: an append to `scratch.candidates` was checked for
    // exclusive access at run time on every match.
    var candidates: [Candidate] = []
    swap(&candidates, &scratch.candidates)
    candidates.removeAll(keepingCapacity: true)
    var all: [[Range<Int>]] = []
    swap(&all, &scratch.windows)
    for d in all.indices where !all[d].isEmpty {
      let startsOnly = startWindowed[d]
      // Start ranges a few bytes apart are joined: one regex call trying a few more starts
      // costs less than a call per token.
      let windows = merged(all[d], gap: startsOnly ? startWindowGap : 1)
      all[d].removeAll(keepingCapacity: true)
      for w in windows {
        // A start window bounds where matches start; they and their lookarounds read on
        // through the segment.
        runDetector(
          d, in: UnsafeRawBufferPointer(start: base, count: startsOnly ? count : w.upperBound),
          from: w.lowerBound, startLimit: startsOnly ? w.upperBound : nil, segment: bytes,
          field: loweredField, scratch: scratch, into: &candidates, limits: &limits)
      }
    }
    swap(&all, &scratch.windows)
    let resolved = resolveOverlaps(candidates)
    swap(&candidates, &scratch.candidates)
    return resolved
  }

  /// Adds the windows of a token `run` holding `needed` of its group's `needs` bytes to every
  /// entry of the group (`entries`, from ``tokenEntries``) it qualifies for.
  @inline(__always)
  private func addTokenWindows(
    _ entries: UnsafeBufferPointer<TokenEntry>, runWindowed: Bool, run: Range<Int>, needed: Int,
    to windows: inout [[Range<Int>]], base: UnsafePointer<UInt8>, count: Int
  ) {
    if runWindowed {
      // The token is the window: a match starts inside it (see `startWindowed`).
      for e in entries
      where run.count >= e.min && run.count <= e.max && needed >= e.needsCount {
        Self.appendLine(&windows[e.detector], run)
      }
      return
    }
    // Some entry has a `window` (bytes after the token, not a line).
    var line: Range<Int>? = nil
    for e in entries where run.count >= e.min && run.count <= e.max && needed >= e.needsCount {
      Self.appendWindow(
        &windows[e.detector], anchor: run, window: detectors[e.detector].window, base: base,
        count: count, line: &line)
    }
  }

  /// Runs one detector's regex over `subject` (the segment up to the end of a window) from
  /// `start`. Context words are looked for in the whole `segment`, as the unfiltered reference
  /// scan does, so a word on the line after a value counts however the window was cut.
  /// `field` is the field name, lower-cased (it counts as context). Matches that pass their
  /// checks are appended to `candidates`.
  private func runDetector(
    _ index: Int, in subject: UnsafeRawBufferPointer, from start: Int, startLimit: Int?,
    segment: UnsafeRawBufferPointer, field: [UInt8]?, scratch: ScanScratch,
    into candidates: inout [Candidate], limits: inout [MatchLimitHit]
  ) {
    let detector = detectors[index]
    // A start window's starts are `start ..< startLimit`; PCRE2's offset limit is the last
    // start it may try. Once a match ends at or past the window's end no start is left, and
    // the call that would find that out is not made (a token window holds one value, so every
    // match was followed by such a call).
    let lastStart = startLimit.map { $0 - 1 }
    let end = lastStart ?? subject.count
    var position = start
    while position <= end {
      let found: (whole: Range<Int>, group: Range<Int>?)?
      do {
        found = try detector.pattern.firstSpan(
          in: subject, from: position, group: detector.group, scratch: scratch.match,
          startLimit: lastStart)
      } catch {
        limits.append(MatchLimitHit(detector: detector.id, offset: position))
        return
      }
      guard let match = found else { return }
      position = match.whole.isEmpty ? match.whole.upperBound + 1 : match.whole.upperBound
      guard let span = match.group, !span.isEmpty else { continue }
      let value = UnsafeRawBufferPointer(rebasing: subject[span])
      // Cheap checks before the validator: context words are a few byte compares, while some
      // validators (phone numbering plans) run regexes of their own.
      let hasContext = hasWord(
        detector.contextMatcher, within: detector.contextWindow, around: span, in: segment,
        field: field)
      if detector.requiresContext && !hasContext { continue }
      if !detector.negativeMatcher.isEmpty
        && hasWord(
          detector.negativeMatcher, within: detector.negativeWindow, around: span, in: segment,
          field: field, beforeOnly: true)
      {
        continue
      }
      let normalized = detector.normalized(value)
      var validated = false
      if let validator = detector.validator {
        switch validator.check(normalized, scratch: scratch.validation) {
        case .confirmed: validated = true
        case .rejected: continue
        case .unverifiable: break
        }
      }
      var confidence = detector.spec.confidence
      if hasContext { confidence = min(1, confidence + detector.contextBoost) }
      candidates.append(
        Candidate(
          detector: index, range: span, validated: validated, hasContext: hasContext,
          confidence: confidence, normalized: normalized))
    }
  }

  private func hasWord(
    _ matcher: WordMatcher, within window: Int, around span: Range<Int>,
    in subject: UnsafeRawBufferPointer, field: [UInt8]?, beforeOnly: Bool = false
  ) -> Bool {
    if matcher.isEmpty { return false }
    if let field {
      for word in matcher.words where field.containsSubsequence(word) { return true }
    }
    let base = subject.baseAddress!.assumingMemoryBound(to: UInt8.self)
    let lower = max(0, span.lowerBound - window)
    let upper = min(subject.count, span.upperBound + window)
    return matcher.occurs(in: base, lower..<span.lowerBound)
      || (!beforeOnly && matcher.occurs(in: base, span.upperBound..<upper))
  }

  /// Adds the window a detector runs over for one anchor: the anchor's line (bounded), or
  /// `window` bytes from the line start for multi-line detectors. `line` caches the anchor's
  /// line between the detectors sharing the anchor, so it is found once per anchor.
  private static func appendWindow(
    _ windows: inout [Range<Int>], anchor: Range<Int>, window: Int?,
    base: UnsafePointer<UInt8>, count: Int, line: inout Range<Int>?
  ) {
    // A later anchor on a line whose window already runs to the line end adds nothing; skipping
    // it keeps the cost per line, not per anchor (a line holds many short digit runs).
    if window == nil, let last = windows.last,
      last.lowerBound <= anchor.lowerBound, anchor.upperBound <= last.upperBound,
      last.upperBound == count || base[last.upperBound] == 0x0A
    {
      return
    }
    let bounds = line ?? Self.lineBounds(of: anchor, base: base, count: count)
    line = bounds
    let lo = bounds.lowerBound
    let hi = window.map { min(count, anchor.upperBound + $0) } ?? bounds.upperBound
    if let last = windows.last, last.upperBound >= lo, last.lowerBound <= lo {
      windows[windows.count - 1] = last.lowerBound..<max(last.upperBound, hi)
    } else {
      windows.append(lo..<hi)
    }
  }

  /// Adds a range (a line) to ascending ranges (a detector's windows), joining it to the last one
  /// when they overlap or touch.
  static func appendLine(_ windows: inout [Range<Int>], _ line: Range<Int>) {
    if let last = windows.last, last.upperBound >= line.lowerBound,
      last.lowerBound <= line.lowerBound
    {
      windows[windows.count - 1] = last.lowerBound..<max(last.upperBound, line.upperBound)
    } else {
      windows.append(line)
    }
  }

  /// The end of `line` when it ends at a newline or the segment's end, nil when it was cut at
  /// the 4 KiB bound of ``lineBounds(of:base:count:)`` (a later anchor's window on the same line
  /// would then reach further, so the search must not skip it).
  private static func endOfWholeLine(_ line: Range<Int>, base: UnsafePointer<UInt8>, count: Int)
    -> Int?
  {
    line.upperBound == count || base[line.upperBound] == 0x0A ? line.upperBound : nil
  }

  /// The line holding `anchor`, at most 4 KiB either side of it.
  private static func lineBounds(of anchor: Range<Int>, base: UnsafePointer<UInt8>, count: Int)
    -> Range<Int>
  {
    let maxSpan = 4096
    var lo = anchor.lowerBound
    let loLimit = max(0, anchor.lowerBound - maxSpan)
    while lo > loLimit && base[lo - 1] != 0x0A { lo -= 1 }
    let hiLimit = min(count, anchor.upperBound + maxSpan)
    if anchor.upperBound >= hiLimit { return lo..<hiLimit }
    if let nl = memchr(base + anchor.upperBound, 0x0A, hiLimit - anchor.upperBound) {
      return lo..<base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
    }
    return lo..<hiLimit
  }

  /// Sorts and joins windows that overlap or lie at most `gap` bytes apart (1 for lines: the
  /// newline): one regex call then scans a run of anchored lines, as an unfiltered scan would,
  /// instead of one call per line.
  private func merged(_ windows: [Range<Int>], gap: Int) -> [Range<Int>] {
    if windows.count < 2 { return windows }
    var isSorted = true
    for i in 1..<windows.count where windows[i].lowerBound < windows[i - 1].lowerBound {
      isSorted = false
      break
    }
    let sorted = isSorted ? windows : windows.sorted { $0.lowerBound < $1.lowerBound }
    var out: [Range<Int>] = [sorted[0]]
    for w in sorted.dropFirst() {
      if w.lowerBound <= out[out.count - 1].upperBound + gap {
        out[out.count - 1] =
          out[out.count - 1].lowerBound..<max(out[out.count - 1].upperBound, w.upperBound)
      } else {
        out.append(w)
      }
    }
    return out
  }

  /// Calls `body(anchor, start)` for every occurrence of every keyword, from one pass over the
  /// segment that stops only at byte pairs some keyword has as its rarest (0.3% of the bench
  /// log's bytes). `body` returns the position before which that anchor's later occurrences add
  /// nothing; `resume` holds it per anchor (all zero on entry).
  ///
  /// With ``keywordOrWordPairs`` the pass also stops where a context word may start (8% of the
  /// bench log's bytes) and appends the gate's hits to `wordHits`, in offset order, as
  /// ``ContextGate/findHits(in:count:into:)`` would: that pass then need not run.
  private func forEachKeywordHit(
    in base: UnsafePointer<UInt8>, count: Int, resume: inout [Int],
    wordHits: inout [(start: Int, word: Int)], _ body: (Int, Int) -> Int
  ) {
    if count == 0 { return }
    let gate = keywordOrWordPairs == nil ? nil : contextGate
    resume.withUnsafeMutableBufferPointer { resume in
      /// Checks anchor `a`, whose pair is at `i`.
      @inline(__always) func check(_ a: Int, at i: Int) {
        let anchor = keywordAnchors[a]
        let start = i &- anchor.pairIndex
        let n = anchor.keyword.count
        if start < resume[a] || start < 0 || start &+ n > count { return }
        let equal = anchor.keyword.withUnsafeBufferPointer { kp in
          var j = 0
          while j < n && base[start &+ j] == kp[j] { j &+= 1 }
          return j == n
        }
        if equal { resume[a] = body(a, start) }
      }
      let stops = keywordOrWordPairs ?? anchorsOfPair.bits
      stops.withUnsafeBufferPointer { stops in
        let stops = stops.baseAddress!
        let last = count &- 1
        var i = 0
        if let gate {
          let wordsEnd = count &- 2  // the gate's three-byte keys start before it
          while true {
            i = PairScan.next(in: base, from: i, to: last, bits: stops)
            if i >= last { break }
            let key = PairScan.key(base, i)
            if (anchorsOfPair.bits[key &>> 6] &>> UInt64(key & 63)) & 1 != 0 {
              anchorsOfPair.forEachID(ofKey: key) { check($0, at: i) }
            }
            if i < wordsEnd && gate.startsWord(pair: key) {
              gate.appendHits(at: i, base: base, count: count, into: &wordHits)
            }
            i &+= 1
          }
          gate.appendHitsAtEnd(base: base, count: count, into: &wordHits)
        } else {
          while true {
            i = PairScan.next(in: base, from: i, to: last, bits: stops)
            if i >= last { break }
            anchorsOfPair.forEachID(ofKey: PairScan.key(base, i)) { check($0, at: i) }
            i &+= 1
          }
        }
        for a in singleByteAnchors where base[last] == keywordAnchors[a].keyword[0] {
          check(a, at: last)
        }
      }
    }
  }

  /// Calls `body` with each maximal run of the group's `chars` that holds at least one of its
  /// `needs` bytes, and how many; `body` returns where the search goes on (at least the run's
  /// end). With `spans`, only needs bytes inside them are searched (the runs they start still
  /// extend as far as they go); ascending and disjoint spans are expected.
  private func forEachToken(
    of group: TokenGroup, in base: UnsafePointer<UInt8>, count: Int, spans: [Range<Int>]?,
    _ body: (Range<Int>, Int) -> Int
  ) {
    var next = 0  // the next span to search
    var i = 0
    var to = count
    if let spans {
      if spans.isEmpty { return }
      i = spans[0].lowerBound
      to = spans[0].upperBound
      next = 1
    }
    group.classes.withUnsafeBufferPointer { table in
      let cls = table.baseAddress!
      while true {
        if i >= to {
          // One call site for `body` (so that it is inlined): the next span is taken here.
          guard let spans else { return }
          while next < spans.count && spans[next].upperBound <= i { next &+= 1 }
          if next == spans.count { return }
          i = max(i, spans[next].lowerBound)
          to = spans[next].upperBound
          next &+= 1
        }
        if let ranges = group.needRanges {
          while i &+ 8 <= to {
            let f = ranges.flags(
              UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self).littleEndian)
            if f != 0 {
              i &+= f.trailingZeroBitCount &>> 3
              break
            }
            i &+= 8
          }
        }
        while i < to && cls[Int(base[i])] & 2 == 0 { i &+= 1 }
        if i >= to { continue }
        // The walk back also counts needs: a search that starts inside a run (at a span's
        // start) may have passed some.
        var lo = i
        var needed = 0
        while lo > 0 {
          let c = cls[Int(base[lo &- 1])]
          if c & 1 == 0 { break }
          needed &+= Int(c &>> 1)
          lo &-= 1
        }
        var hi = i
        while hi < count {
          let c = cls[Int(base[hi])]
          if c & 1 == 0 { break }
          needed &+= Int(c &>> 1)
          hi &+= 1
        }
        i = max(hi, body(lo..<hi, needed))
      }
    }
  }

  /// Splits a digit run at the bytes outside each class's separators and calls `body` with each
  /// detector whose minimum digits and group one of the pieces meets, and that piece.
  ///
  /// Exact: a match's digits are joined only by its class's separators (one or two at a time),
  /// so they lie in one piece, which holds at least as many digits and as long a group. A class
  /// whose separators include every separator in the run has the whole run as its one piece.
  @inline(__always)
  private static func forEachQualified(
    tables t: DigitTables, run: Range<Int>, digits: Int, base: UnsafePointer<UInt8>, count: Int,
    groups: UnsafeMutablePointer<Int>,
    skipGated: Bool, _ body: (Int, Range<Int>) -> Void
  ) {
    var classes = t.classesWithin[min(digits, DigitTables.maxCountedDigits)]
    if skipGated { classes &= t.ungatedClasses }
    if classes == 0 { return }
    // One pass: the run's longest group, the separators in it, and the classes some of them
    // would split.
    // It also records the run's separator-free digit groups (up to `DigitGroups.capacity`): a
    // class that allows none of the run's separators has exactly these as its pieces.
    var splits: UInt64 = 0
    var present: UInt8 = 0
    var longest = 0
    var groupCount = 0
    // Digit masks, 64 bytes at a time, not a byte loop: a group is a run of set bits and the
    // bytes between groups (the clear bits) are few. A loop per byte kept `longest` in memory
    // in this large function, a store-to-load wait on every digit.
    var openStart = -1  // the group not yet recorded (it may go on in the next window)
    var openEnd = -1
    var w = run.lowerBound
    while w < run.upperBound {
      let inside = DigitRuns.lowBits(min(64, run.upperBound &- w))
      let digitBits = DigitRuns.digitMask(base + w, available: count &- w) & inside
      var others = ~digitBits & inside
      while others != 0 {
        let b = base[w &+ others.trailingZeroBitCount]
        others &= others &- 1
        splits |= ~t.separatorMask[Int(b)]
        present |= t.separatorBit[Int(b)]
      }
      var rest = digitBits
      while rest != 0 {
        let s = rest.trailingZeroBitCount
        let length = (~(rest &>> UInt64(s))).trailingZeroBitCount
        rest &= rest &+ (1 &<< UInt64(s))  // clears this group's bits
        let start = w &+ s
        if start == openEnd {
          openEnd = start &+ length  // the group goes on from the window before
          continue
        }
        if openStart >= 0 {
          if groupCount < DigitGroups.capacity {
            groups[2 &* groupCount] = openStart
            groups[2 &* groupCount &+ 1] = openEnd
          }
          groupCount &+= 1
          longest = max(longest, openEnd &- openStart)
        }
        openStart = start
        openEnd = start &+ length
      }
      w &+= 64
    }
    if openStart >= 0 {
      if groupCount < DigitGroups.capacity {
        groups[2 &* groupCount] = openStart
        groups[2 &* groupCount &+ 1] = openEnd
      }
      groupCount &+= 1
      longest = max(longest, openEnd &- openStart)
    }
    // A constant from here on: a `var` read by the local functions below was checked for
    // exclusive access at run time (`swift_beginAccess`) on every read.
    let groupTotal = groupCount
    // Whether `piece` holds entry `e`'s `digit_shape`: that many of its digit groups in a row
    // with those lengths. The run's groups are recorded in order, so the piece's are a range of
    // them. A run with more groups than recorded passes (no promise is checked).
    @inline(__always) func hasShape(_ e: Int, _ piece: Range<Int>) -> Bool {
      let shapeStart = t.entryShapeStart[e]
      let shapeCount = t.entryShapeStart[e &+ 1] &- shapeStart
      if shapeCount == 0 || groupTotal > DigitGroups.capacity { return true }
      let shape = t.shapes + shapeStart
      var first = 0
      while first < groupTotal && groups[2 &* first] < piece.lowerBound { first &+= 1 }
      var end = first
      while end < groupTotal && groups[2 &* end &+ 1] <= piece.upperBound { end &+= 1 }
      var g = first
      while g &+ shapeCount <= end {
        var k = 0
        while k < shapeCount
          && groups[2 &* (g &+ k) &+ 1] &- groups[2 &* (g &+ k)] == shape[k]
        {
          k &+= 1
        }
        if k == shapeCount { return true }
        g &+= 1
      }
      return false
    }
    @inline(__always) func emit(
      _ c: Int, _ piece: Range<Int>, _ pieceDigits: Int, _ pieceGroup: Int, _ pieceSeparators: UInt8
    ) {
      var e = t.first[c]
      let end = t.first[c + 1]
      while e < end {
        if pieceDigits < t.entryMinDigits[e] { return }
        let required = t.entryRequires[e]
        if pieceGroup >= t.entryMinGroup[e] && pieceSeparators & required == required
          && !(skipGated && t.entryGated[e]) && hasShape(e, piece)
        {
          body(t.entryDetector[e], piece)
        }
        e += 1
      }
    }
    while classes != 0 {
      let c = classes.trailingZeroBitCount
      classes &= classes &- 1
      let bit: UInt64 = 1 << UInt64(c)
      if splits & bit == 0 {
        emit(c, run, digits, longest, present)
        continue
      }
      let minDigits = t.minDigits[c]
      if longest < minDigits && present & t.classSeparatorBits[c] == 0 { continue }
      if present & t.classSeparatorBits[c] == 0 && groupTotal <= DigitGroups.capacity {
        // Every separator in the run splits this class: its pieces are the digit groups.
        var g = 0
        while g < groupTotal {
          let lo = groups[2 &* g]
          let hi = groups[2 &* g &+ 1]
          let n = hi &- lo
          if n >= minDigits { emit(c, lo..<hi, n, n, 0) }
          g &+= 1
        }
        continue
      }
      var pieceStart = run.lowerBound
      var pieceEnd = run.lowerBound
      var pieceDigits = 0
      var pieceGroup = 0
      var pieceLongest = 0
      var pieceSeparators: UInt8 = 0
      var j = run.lowerBound
      while j < run.upperBound {
        let b = base[j]
        if b &- 0x30 < 10 {
          if pieceDigits == 0 { pieceStart = j }
          pieceDigits += 1
          pieceGroup += 1
          if pieceGroup > pieceLongest { pieceLongest = pieceGroup }
          pieceEnd = j + 1
        } else if t.separatorMask[Int(b)] & bit != 0 {
          pieceGroup = 0
          if pieceDigits > 0 { pieceSeparators |= t.separatorBit[Int(b)] }
        } else {
          if pieceDigits >= minDigits {
            emit(c, pieceStart..<pieceEnd, pieceDigits, pieceLongest, pieceSeparators)
          }
          pieceDigits = 0
          pieceGroup = 0
          pieceLongest = 0
          pieceSeparators = 0
        }
        j += 1
      }
      if pieceDigits >= minDigits {
        emit(c, pieceStart..<pieceEnd, pieceDigits, pieceLongest, pieceSeparators)
      }
    }
  }

  /// Overlaps resolve deterministically: validated beats unvalidated, then context-supported
  /// beats unsupported, then longer, then higher confidence, then higher priority, then the
  /// detector listed first. The survivors are returned in offset order.
  ///
  /// Candidates are sorted by offset and split into clusters of transitively overlapping
  /// spans; only a cluster of two or more needs ranking, so the common case is linear.
  private func resolveOverlaps(_ candidates: [Candidate]) -> [Candidate] {
    if candidates.count < 2 { return candidates }
    // Indices are sorted, not candidates: moving a candidate retains and releases its value.
    let order = candidates.indices.sorted {
      let a = candidates[$0]
      let b = candidates[$1]
      return a.range.lowerBound != b.range.lowerBound
        ? a.range.lowerBound < b.range.lowerBound : a.detector < b.detector
    }
    var out: [Candidate] = []
    out.reserveCapacity(order.count)
    var i = 0
    while i < order.count {
      var j = i + 1
      var end = candidates[order[i]].range.upperBound
      while j < order.count && candidates[order[j]].range.lowerBound < end {
        end = max(end, candidates[order[j]].range.upperBound)
        j += 1
      }
      if j == i + 1 {
        out.append(candidates[order[i]])
      } else {
        out.append(contentsOf: resolveCluster(order[i..<j].map { candidates[$0] }))
      }
      i = j
    }
    return out
  }

  private func resolveCluster(_ cluster: [Candidate]) -> [Candidate] {
    let ranked = cluster.sorted { a, b in
      if a.validated != b.validated { return a.validated }
      if a.hasContext != b.hasContext { return a.hasContext }
      if a.range.count != b.range.count { return a.range.count > b.range.count }
      if a.confidence != b.confidence { return a.confidence > b.confidence }
      let pa = detectors[a.detector].spec.priority ?? 0
      let pb = detectors[b.detector].spec.priority ?? 0
      if pa != pb { return pa > pb }
      if a.detector != b.detector { return a.detector < b.detector }
      return a.range.lowerBound < b.range.lowerBound
    }
    var kept: [Candidate] = []
    for c in ranked where !kept.contains(where: { $0.range.overlaps(c.range) }) {
      kept.append(c)
    }
    return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }
}

/// Start windows (``DetectorSet/startWindowed``) at most this many bytes apart are scanned by one
/// regex call.
let startWindowGap = 32

/// Room for the separator-free digit groups of one digit run: (start, end) pairs, allocated
/// once per worker. A run with more groups takes the general splitting path.
final class DigitGroups {
  static let capacity = 32
  let bounds = UnsafeMutablePointer<Int>.allocate(capacity: 2 * DigitGroups.capacity)
  deinit { bounds.deallocate() }
}

/// Byte classes for digit runs: 1 = ASCII digit, 2 = a separator allowed inside a run.
enum DigitClass {
  /// Every byte a digit run may hold between digits: space `-./()+`.
  static let separators = " -./()+"
  static let table: [UInt8] = (0..<256).map { b in
    if b >= 0x30 && b <= 0x39 { return 1 }
    return separators.utf8.contains(UInt8(b)) ? 2 : 0
  }

  /// The bit of separator `b` (`1 << its index in separators`), 0 for any other byte.
  static func bit(_ b: UInt8) -> UInt8 {
    Array(separators.utf8).firstIndex(of: b).map { 1 << UInt8($0) } ?? 0
  }
}

/// What a field name gives a segment's scan: its lower-cased bytes (context words are looked
/// for in them) and, per detector, whether one of its context words is in them.
struct FieldFacts {
  let lowered: [UInt8]
  let givesContext: [Bool]
}

extension DetectorSet {
  /// The facts of `field`, computed once per field name and detector set: a JSON Lines file
  /// repeats a few dozen pointers, and lower-casing one and looking for every detector's words
  /// in it cost more per value than scanning a short value.
  func fieldFacts(of field: String, scratch: ScanScratch) -> FieldFacts {
    if scratch.fieldFactsOwner !== digitTables {
      scratch.fieldFacts.removeAll()
      scratch.fieldFactsOwner = digitTables
    }
    if let known = scratch.fieldFacts[field] { return known }
    let lowered = Array(field.lowercased().utf8)
    let facts = FieldFacts(
      lowered: lowered,
      givesContext: detectors.map { d in d.contextWords.contains { lowered.containsSubsequence($0) }
      }
    )
    // Bounded: a file whose keys never repeat (ids as keys) keeps at most this many.
    if scratch.fieldFacts.count >= 4096 { scratch.fieldFacts.removeAll(keepingCapacity: true) }
    scratch.fieldFacts[field] = facts
    return facts
  }
}

extension Array where Element == UInt8 {
  func containsSubsequence(_ needle: [UInt8]) -> Bool {
    if needle.isEmpty { return true }
    if needle.count > count { return false }
    for i in 0...(count - needle.count) where self[i] == needle[0] {
      if self[i..<(i + needle.count)].elementsEqual(needle) { return true }
    }
    return false
  }
}

/// A match reported by ``DetectorSet/matches(in:field:)``: for tests and tools that scan a
/// single buffer without the pipeline.
public struct SegmentMatch: Sendable, Equatable {
  public var detector: String
  public var entity: String
  public var range: Range<Int>
  public var validated: Bool
  public var confidence: Double
}

extension DetectorSet {
  /// Every finding in `bytes`, scanned as one segment, in offset order.
  public func matches(in bytes: [UInt8], field: String? = nil, scratch: ScanScratch = ScanScratch())
    -> [SegmentMatch]
  {
    var limits: [MatchLimitHit] = []
    return bytes.withUnsafeBytes { raw in
      scan(raw, field: field, scratch: scratch, limits: &limits).map {
        SegmentMatch(
          detector: detectors[$0.detector].id, entity: detectors[$0.detector].entity,
          range: $0.range, validated: $0.validated, confidence: $0.confidence)
      }
    }
  }
}
