/// Byte-level ASCII classification shared by the validators (no `Character`, no `String`).
///
/// Validators receive normalized ASCII bytes; these helpers keep their loops free of locale
/// or Unicode logic. Lower case folds to upper case only where a format is case-insensitive.
enum ASCIIByte {
  /// The value of an ASCII decimal digit, or nil.
  @inline(__always)
  static func digit(_ byte: UInt8) -> Int? {
    byte >= 0x30 && byte <= 0x39 ? Int(byte &- 0x30) : nil
  }

  /// True for `0`–`9`.
  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// `a`–`z` folded to `A`–`Z`; every other byte unchanged.
  @inline(__always)
  static func upper(_ byte: UInt8) -> UInt8 {
    byte >= 0x61 && byte <= 0x7A ? byte &- 0x20 : byte
  }

  /// True for `A`–`Z` (call ``upper(_:)`` first to accept lower case).
  @inline(__always)
  static func isUpperLetter(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

  /// True for `A`–`Z` or `0`–`9` (call ``upper(_:)`` first to accept lower case).
  @inline(__always)
  static func isUpperAlphanumeric(_ byte: UInt8) -> Bool {
    isUpperLetter(byte) || isDigit(byte)
  }

  /// The digit values of `bytes`, or nil when any byte is not an ASCII digit.
  static func digits(_ bytes: [UInt8]) -> [Int]? {
    var values = [Int]()
    values.reserveCapacity(bytes.count)
    for byte in bytes {
      guard let value = digit(byte) else { return nil }
      values.append(value)
    }
    return values
  }

  /// The number formed by `digits[range]` (at most 9 digits, so no overflow).
  static func number(_ digits: [Int], _ range: Range<Int>) -> Int {
    var value = 0
    for index in range { value = value &* 10 &+ digits[index] }
    return value
  }
}
