import PIIScanKit
import TestSupport
import Testing

/// One validator's differential test against python-stdnum: how to build candidates and which
/// disagreements are documented differences.
struct DifferentialCase: Sendable, CustomTestStringConvertible {
  /// The validator name (ours and the oracle script's key).
  let name: String
  /// Builds a value that should be valid, check digits computed here from the spec.
  let valid: @Sendable (inout SeededRandom) -> [UInt8]
  /// Builds a value of the right shape with random content.
  let random: @Sendable (inout SeededRandom) -> [UInt8]
  /// The positions a mutation may touch, given the value's length.
  var mutable: @Sendable (_ count: Int) -> Range<Int> = { 0..<$0 }
  /// True when a disagreement on `value` is a documented difference between us and stdnum.
  /// Each case's closure says why, per difference.
  var isDocumentedDifference: @Sendable (_ value: [UInt8], _ ours: Verdict) -> Bool = { _, _ in
    false
  }

  var testDescription: String { name }

  /// `count` candidates: even indexes are built valid and then, half of the time, hit by one
  /// single-character substitution or adjacent transposition; odd ones are random.
  func candidates(count: Int) -> [[UInt8]] {
    var rng = SeededRandom(seed: Self.seed(for: name))
    return (0..<count).map { index in
      guard index % 2 == 0 else { return random(&rng) }
      let value = valid(&rng)
      return rng.chance(1, in: 2)
        ? Self.mutate(value, in: mutable(value.count), using: &rng) : value
    }
  }

  /// A fixed seed per validator (FNV-1a of the name), so cases differ but never change.
  private static func seed(for name: String) -> UInt64 {
    name.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
  }

  /// One substitution within the character's class (digit, upper- or lower-case letter) or one
  /// adjacent transposition, inside `range`.
  static func mutate(_ value: [UInt8], in range: Range<Int>, using rng: inout SeededRandom)
    -> [UInt8]
  {
    var mutated = value
    guard !range.isEmpty else { return mutated }
    if range.count >= 2 && rng.chance(1, in: 3) {
      let index = rng.int(in: range.lowerBound...(range.upperBound - 2))
      mutated.swapAt(index, index + 1)
      return mutated
    }
    let index = rng.int(in: range.lowerBound...(range.upperBound - 1))
    let byte = value[index]
    let (base, width): (UInt8, Int)
    switch byte {
    case 0x30...0x39: (base, width) = (0x30, 10)
    case 0x41...0x5A: (base, width) = (0x41, 26)
    case 0x61...0x7A: (base, width) = (0x61, 26)
    default: return mutated  // punctuation stays; the value is then simply unchanged
    }
    let offset = (Int(byte - base) + rng.int(in: 1...(width - 1))) % width
    mutated[index] = base + UInt8(offset)
    return mutated
  }

  /// Every case, one per validator the oracle script maps.
  static let all: [DifferentialCase] = core + europe + birthDated
}
