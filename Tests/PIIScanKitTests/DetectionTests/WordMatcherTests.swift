import TestSupport
import Testing

@testable import PIIScanKit

/// `WordMatcher` finds a word wholly inside a range exactly when a naive search does.
@Suite struct WordMatcherTests {
  static func naive(_ words: [[UInt8]], _ text: [UInt8], _ range: Range<Int>) -> Bool {
    words.contains { w in
      !w.isEmpty && range.count >= w.count
        && (range.lowerBound...(range.upperBound - w.count)).contains { s in
          (0..<w.count).allSatisfy { foldASCII(text[s + $0]) == w[$0] }
        }
    }
  }

  @Test(arguments: [3, 70])  // 70 words take the one-search-per-word path
  func occursEqualsANaiveSearch(wordCount: Int) {
    var rng = SeededRandom(seed: UInt64(wordCount))
    let alphabet = Array("abcAB-=1".utf8)
    func random(_ n: Int) -> [UInt8] {
      (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
    }
    let words = (0..<wordCount).map { i in random(1 + i % 4).map { foldASCII($0) } }
    let matcher = WordMatcher(words)
    for _ in 0..<500 {
      let text = random(Int(rng.next() % 24))
      let lo = text.isEmpty ? 0 : Int(rng.next() % UInt64(text.count + 1))
      let hi = lo + Int(rng.next() % UInt64(text.count - lo + 1))
      let got = text.withUnsafeBufferPointer { p in
        p.baseAddress.map { matcher.occurs(in: $0, lo..<hi) } ?? false
      }
      #expect(got == Self.naive(words, text, lo..<hi), "text \(text) range \(lo)..<\(hi)")
    }
  }

  /// Windows of 0 to 100 bytes and words up to 9 bytes long, with upper case (folded) and bytes
  /// that only a careless fold would match (`@`/`` ` ``, `[`/`{`, 0x1D/`=`, 0xC1/0xE1).
  @Test(arguments: [1, 7, 20, 64])
  func occursEqualsANaiveSearchInLongWindows(wordCount: Int) {
    var rng = SeededRandom(seed: 1000 + UInt64(wordCount))
    let alphabet = Array("aAbBcC=@`[{v".utf8) + [0x1D, 0xC1, 0xE1]
    func random(_ n: Int) -> [UInt8] {
      (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
    }
    for _ in 0..<40 {
      let words = (0..<wordCount).map { i in
        random(1 + (i * 7 + Int(rng.next() % 3)) % 9).map { foldASCII($0) }
      }
      let matcher = WordMatcher(words)
      for _ in 0..<100 {
        let text = random(Int(rng.next() % 101))
        let lo = text.isEmpty ? 0 : Int(rng.next() % UInt64(text.count / 4 + 1))
        let hi = lo + Int(rng.next() % UInt64(text.count - lo + 1))
        let got = text.withUnsafeBufferPointer { p in
          p.baseAddress.map { matcher.occurs(in: $0, lo..<hi) } ?? false
        }
        #expect(
          got == Self.naive(words, text, lo..<hi), "words \(words) text \(text) range \(lo)..<\(hi)"
        )
      }
    }
  }

  /// A word at the very end of a window, and one cut by the window's end.
  @Test func findsAWordEndingAtTheWindowsEnd() {
    let matcher = WordMatcher([Array("client".utf8)])
    let text = Array(String(repeating: "x", count: 58).utf8) + Array("CLIENT".utf8) + [0x20]
    text.withUnsafeBufferPointer { p in
      #expect(matcher.occurs(in: p.baseAddress!, 0..<64))
      #expect(!matcher.occurs(in: p.baseAddress!, 0..<63))
      #expect(matcher.occurs(in: p.baseAddress!, 58..<64))
      #expect(!matcher.occurs(in: p.baseAddress!, 59..<65))
    }
  }
}
