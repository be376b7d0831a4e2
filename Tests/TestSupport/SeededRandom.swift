/// A fixed-seed pseudo-random generator for reproducible synthetic test data: SplitMix64
/// (Steele, Lea and Flood, "Fast Splittable Pseudorandom Number Generators", OOPSLA 2014; the
/// constants of Vigna's reference `splitmix64.c`).
///
/// The helpers below derive bounded values with plain modulo arithmetic rather than the
/// standard library's `random(in:using:)`, so a seed yields the same sequence on every Swift
/// version. The slight modulo bias is irrelevant for test data.
public struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator whose whole sequence is determined by `seed`.
  public init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A value in `range` (which must not be empty).
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    precondition(!range.isEmpty, "SeededRandom.int(in:) needs a non-empty range")
    let width = UInt64(range.upperBound - range.lowerBound) &+ 1
    return range.lowerBound + Int(width == 0 ? next() : next() % width)
  }

  /// True with probability `numerator / denominator`.
  public mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
    int(in: 0...(denominator - 1)) < numerator
  }

  /// A uniformly chosen element of a non-empty array.
  public mutating func element<T>(of elements: [T]) -> T {
    elements[int(in: 0...(elements.count - 1))]
  }

  /// An ASCII digit `0`–`9`.
  public mutating func digit() -> UInt8 {
    UInt8(0x30 + int(in: 0...9))
  }

  /// `count` ASCII digits.
  public mutating func digits(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in digit() }
  }

  /// An upper-case ASCII letter `A`–`Z`.
  public mutating func letter() -> UInt8 {
    UInt8(0x41 + int(in: 0...25))
  }
}
