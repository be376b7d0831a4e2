import TestSupport
import Testing

@testable import PIIScanKit

/// The bit-mask digit-run finder must report exactly the runs a byte-by-byte walk does, at every
/// length (blocks of 64 and the zero-padded tail) and across block boundaries.
@Suite struct DigitRunsTests {
  struct Run: Equatable, CustomStringConvertible {
    var range: Range<Int>
    var digits: Int
    var description: String { "\(range) \(digits)" }
  }

  /// The reference: walk from each digit while bytes are digits or at most two separators in a
  /// row; the run ends after its last digit, and the walk goes on where it stopped.
  static func reference(_ bytes: [UInt8], atLeast: Int) -> [Run] {
    let separators = Array(DigitClass.separators.utf8)
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    var runs: [Run] = []
    var i = 0
    while i < bytes.count {
      while i < bytes.count && !isDigit(bytes[i]) { i += 1 }
      if i == bytes.count { break }
      let start = i
      var digits = 0
      var seps = 0
      var end = i
      while i < bytes.count {
        if isDigit(bytes[i]) {
          digits += 1
          seps = 0
          end = i + 1
        } else if separators.contains(bytes[i]) {
          seps += 1
          if seps > 2 { break }
        } else {
          break
        }
        i += 1
      }
      if digits >= atLeast { runs.append(Run(range: start..<end, digits: digits)) }
    }
    return runs
  }

  static func found(_ bytes: [UInt8], atLeast: Int) -> [Run] {
    var runs: [Run] = []
    bytes.withUnsafeBufferPointer { p in
      // A real pointer even for an empty array.
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, p.count)) { copy in
        if p.count > 0 { copy.baseAddress!.update(from: p.baseAddress!, count: p.count) }
        DigitRuns.forEach(in: UnsafePointer(copy.baseAddress!), count: p.count, atLeast: atLeast) {
          range, digits in
          runs.append(Run(range: range, digits: digits))
        }
      }
    }
    return runs
  }

  @Test func everyByteClassifiesAsTheTableSays() {
    // Each byte value at each of the eight positions of a word, among bytes of other kinds.
    for b in 0..<256 {
      for position in 0..<8 {
        var word: UInt64 = 0x4141_4141_4141_4141  // "AAAAAAAA"
        word &= ~(0xFF << UInt64(8 * position))
        word |= UInt64(b) << UInt64(8 * position)
        let (digits, separators) = DigitRuns.classify8(word)
        let kind = DigitClass.table[b]
        #expect(digits == (kind == 1 ? 1 << UInt64(position) : 0), "byte \(b) at \(position)")
        #expect(
          separators == (kind == 2 ? 1 << UInt64(position) : 0), "byte \(b) at \(position)")
      }
    }
  }

  @Test func blocksClassifyAsTheTableSays() {
    // Every byte value at every position of a 64-byte block (SSE2 on x86-64, words elsewhere).
    var rng = SeededRandom(seed: 0xD1_6175)
    for b in 0..<256 {
      var block = (0..<64).map { _ in UInt8(rng.int(in: 0...255)) }
      block[rng.int(in: 0...63)] = UInt8(b)
      let (digits, separators) = block.withUnsafeBufferPointer {
        DigitRuns.classify64($0.baseAddress!)
      }
      var expectedDigits: UInt64 = 0
      var expectedSeparators: UInt64 = 0
      for (j, byte) in block.enumerated() {
        if DigitClass.table[Int(byte)] == 1 { expectedDigits |= 1 << UInt64(j) }
        if DigitClass.table[Int(byte)] == 2 { expectedSeparators |= 1 << UInt64(j) }
      }
      #expect(digits == expectedDigits, "block with byte \(b)")
      #expect(separators == expectedSeparators, "block with byte \(b)")
    }
  }

  @Test func handPickedRuns() {
    // `10.1.2.3` holds five digits; `64 (0)12-3` is one run of six (two separators at most).
    let text = Array("at 2024-03-01T00:00:00.000Z 10.1.2.3 - - 555 0100, 1 - 2 x86_64 (0)12-3".utf8)
    #expect(
      Self.found(text, atLeast: 1).map(\.description)
        == Self.reference(text, atLeast: 1).map(\.description))
    #expect(
      Self.found(text, atLeast: 6).map(\.description) == ["3..<13 8", "41..<49 7", "61..<71 6"])
  }

  @Test func matchesTheByteWalkOnRandomText() {
    var rng = SeededRandom(seed: 0xD161_7255)
    // Digits, every separator, and bytes that break a run, weighted towards digits.
    let alphabet =
      Array("0123456789012345678901234567890123456789 -./()+ -./()+a:,*_\n\u{00}".utf8)
      + [0xFF, 0x80, 0xB0, 0xA0, 0xAE]
    var compared = 0
    for length in Array(0...200) + [255, 256, 257, 511, 1000, 4099] {
      for _ in 0..<3 {
        let bytes = (0..<length).map { _ in alphabet[rng.int(in: 0...(alphabet.count - 1))] }
        for atLeast in [1, 2, 6, 11] {
          let expected = Self.reference(bytes, atLeast: atLeast)
          #expect(Self.found(bytes, atLeast: atLeast) == expected, "length \(length)")
          compared += expected.count
        }
      }
    }
    #expect(compared > 10_000)
  }

  @Test func runsSpanningBlockBoundaries() {
    // A run whose joining separators sit on either side of each 64-byte boundary.
    for offset in 56..<72 {
      for gap in ["", " ", "-.", " - "] {
        let text =
          [UInt8](repeating: 0x61, count: offset) + Array("123\(gap)456".utf8)
          + [UInt8](repeating: 0x61, count: 70)
        #expect(
          Self.found(text, atLeast: 1) == Self.reference(text, atLeast: 1),
          "offset \(offset) gap '\(gap)'")
      }
    }
  }

  @Test func longRunsCountAsTheByteWalk() {
    // A run's digits are counted 64 bytes at a time from its first digit: runs of every
    // length around those edges and the blocks', at several phases.
    for length in [62, 63, 64, 65, 127, 128, 129, 190, 300] {
      for offset in [0, 1, 31, 63, 64, 65] {
        let run = (0..<length).map { i in i % 3 == 2 ? UInt8(ascii: "-") : UInt8(48 + i % 10) }
        let trimmed = run.last == UInt8(ascii: "-") ? Array(run.dropLast()) : run
        let text =
          [UInt8](repeating: 0x61, count: offset) + trimmed + [UInt8](repeating: 0x61, count: 5)
        let expected = Self.reference(text, atLeast: 1)
        #expect(expected.count == 1 && expected[0].digits > length / 2)
        #expect(Self.found(text, atLeast: 1) == expected, "length \(length) offset \(offset)")
      }
    }
  }
}
