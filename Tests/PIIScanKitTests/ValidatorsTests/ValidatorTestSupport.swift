import PIIScanKit

/// Helpers shared by the validator suites: all values are synthetic or published test vectors.
enum Mutations {
  /// Every value obtained by replacing one ASCII digit of `value` by another digit, optionally
  /// only in `positions`.
  static func singleDigit(_ value: String, positions: Range<Int>? = nil) -> [String] {
    let bytes = Array(value.utf8)
    var result: [String] = []
    for index in positions ?? 0..<bytes.count where bytes[index] >= 0x30 && bytes[index] <= 0x39 {
      for digit in UInt8(0x30)...UInt8(0x39) where digit != bytes[index] {
        var mutated = bytes
        mutated[index] = digit
        result.append(String(decoding: mutated, as: UTF8.self))
      }
    }
    return result
  }

  /// Every value obtained by swapping two adjacent, different characters of `value`.
  static func adjacentTranspositions(_ value: String) -> [String] {
    let bytes = Array(value.utf8)
    var result: [String] = []
    for index in 0..<(bytes.count - 1) where bytes[index] != bytes[index + 1] {
      var mutated = bytes
      mutated.swapAt(index, index + 1)
      result.append(String(decoding: mutated, as: UTF8.self))
    }
    return result
  }
}

extension Verdict {
  /// The verdict `check` gives the ASCII bytes of `value`.
  static func of(_ value: String, _ check: ([UInt8]) -> Verdict) -> Verdict {
    check(Array(value.utf8))
  }
}
