/// A detector's context words, found in one pass over a window however many words there are.
///
/// A byte that can start a word (ASCII case folded) maps to the set of words starting with it,
/// so each byte of the window costs one table load and most cost nothing more. Matching is ASCII
/// case-insensitive; the words are stored lower-cased. Immutable after `init`.
final class WordMatcher: @unchecked Sendable {
  let words: [[UInt8]]
  /// Per folded byte: bit `w` set when word `w` starts with it (the first 64 words).
  private let starts: UnsafeMutablePointer<UInt64>
  /// All words, back to back; word `w` is `bytes[offsets[w] ..< offsets[w + 1]]`.
  private let bytes: UnsafeMutablePointer<UInt8>
  private let offsets: UnsafeMutablePointer<Int>

  var isEmpty: Bool { words.isEmpty }

  /// `words` lower-cased. More than 64 words fall back to one search per word.
  init(_ words: [[UInt8]]) {
    self.words = words
    starts = .allocate(capacity: 256)
    starts.initialize(repeating: 0, count: 256)
    let total = words.reduce(0) { $0 + $1.count }
    bytes = .allocate(capacity: max(1, total))
    offsets = .allocate(capacity: words.count + 1)
    var at = 0
    for (w, word) in words.enumerated() {
      offsets[w] = at
      for b in word {
        bytes[at] = b
        at += 1
      }
      if w < 64, let first = word.first { starts[Int(first)] |= 1 << UInt64(w) }
    }
    offsets[words.count] = at
  }

  deinit {
    starts.deallocate()
    bytes.deallocate()
    offsets.deallocate()
  }

  /// Whether some word lies wholly inside `base[range]`.
  func occurs(in base: UnsafePointer<UInt8>, _ range: Range<Int>) -> Bool {
    if words.count > 64 {
      return words.contains { containsFolded(base, range, $0) }
    }
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      var m = starts[Int(foldASCII(base[i]))]
      while m != 0 {
        let w = m.trailingZeroBitCount
        m &= m &- 1
        let lo = offsets[w]
        let n = offsets[w &+ 1] &- lo
        if n == 0 || i &+ n > end { continue }
        var j = 1
        while j < n && foldASCII(base[i &+ j]) == bytes[lo &+ j] { j &+= 1 }
        if j == n { return true }
      }
      i &+= 1
    }
    return false
  }
}

@inline(__always) func foldASCII(_ b: UInt8) -> UInt8 {
  b &- 0x41 < 26 ? b | 0x20 : b
}

/// Whether `word` (lower-cased) lies wholly inside `base[range]`, ASCII case-insensitive.
private func containsFolded(_ base: UnsafePointer<UInt8>, _ range: Range<Int>, _ word: [UInt8])
  -> Bool
{
  let n = word.count
  if n == 0 || range.count < n { return false }
  var i = range.lowerBound
  while i <= range.upperBound - n {
    var j = 0
    while j < n && foldASCII(base[i + j]) == word[j] { j += 1 }
    if j == n { return true }
    i += 1
  }
  return false
}
