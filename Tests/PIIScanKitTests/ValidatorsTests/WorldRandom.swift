import TestSupport
/// SplitMix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014): a tiny fixed-seed generator, so every test run sees the same candidates.
typealias WorldRandom = SeededRandom

extension SeededRandom {
  /// A uniformly chosen byte of `alphabet`.
  mutating func pick(_ alphabet: [UInt8]) -> UInt8 {
    alphabet[Int.random(in: 0..<alphabet.count, using: &self)]
  }

  /// `count` bytes drawn from `alphabet`.
  mutating func string(_ alphabet: [UInt8], count: Int) -> [UInt8] {
    (0..<count).map { _ in pick(alphabet) }
  }
}

/// Character classes and edit helpers shared by the world-validator tests.
enum WorldBytes {
  static let digits: [UInt8] = Array("0123456789".utf8)
  static let upper: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
  static let upperAlphanumeric: [UInt8] = digits + upper

  /// The bytes of `text`.
  static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  /// Every value that differs from `value` in exactly one position within `positions`, the new
  /// byte drawn from `alphabet`.
  static func substitutions(
    of value: String, at positions: Range<Int>? = nil, from alphabet: [UInt8] = digits
  ) -> [[UInt8]] {
    let original = bytes(value)
    var result = [[UInt8]]()
    for index in positions ?? 0..<original.count {
      guard alphabet.contains(original[index]) else { continue }
      for replacement in alphabet where replacement != original[index] {
        var copy = original
        copy[index] = replacement
        result.append(copy)
      }
    }
    return result
  }

  /// Every swap of two adjacent, different bytes of `value`.
  static func adjacentTranspositions(of value: String) -> [[UInt8]] {
    let original = bytes(value)
    var result = [[UInt8]]()
    for index in 0..<(original.count - 1) where original[index] != original[index + 1] {
      var copy = original
      copy.swapAt(index, index + 1)
      result.append(copy)
    }
    return result
  }
}
