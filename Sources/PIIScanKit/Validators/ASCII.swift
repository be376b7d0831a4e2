/// Byte-level helpers shared by the validators: ASCII classification and fixed-width numbers.
///
/// Validators see normalized ASCII bytes; these helpers keep them free of `String` and
/// `Character`, which would allocate or decode Unicode on the hot path.
enum ASCII {
  /// The value of an ASCII digit `0`–`9`, or nil.
  @inline(__always)
  static func digit(_ byte: UInt8) -> Int? {
    byte >= 0x30 && byte <= 0x39 ? Int(byte &- 0x30) : nil
  }

  /// True for ASCII `0`–`9`.
  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool {
    byte >= 0x30 && byte <= 0x39
  }

  /// The upper-case form of an ASCII letter; any other byte is returned unchanged.
  @inline(__always)
  static func uppercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x61 && byte <= 0x7A ? byte &- 0x20 : byte
  }

  /// `0`–`25` for an ASCII letter of either case, or nil.
  @inline(__always)
  static func letterIndex(_ byte: UInt8) -> Int? {
    let upper = uppercased(byte)
    return upper >= 0x41 && upper <= 0x5A ? Int(upper &- 0x41) : nil
  }

  /// `0`–`15` for an ASCII hex digit of either case, or nil.
  @inline(__always)
  static func hexValue(_ byte: UInt8) -> Int? {
    if let value = digit(byte) { return value }
    let upper = uppercased(byte)
    return upper >= 0x41 && upper <= 0x46 ? Int(upper &- 0x41 &+ 10) : nil
  }

  /// True for `A`–`Z`, `a`–`z` and `0`–`9`: the base62 alphabet.
  @inline(__always)
  static func isAlphanumeric(_ byte: UInt8) -> Bool {
    isDigit(byte) || letterIndex(byte) != nil
  }

  /// True when every byte is an ASCII digit (false for an empty array).
  static func isAllDigits(_ bytes: [UInt8]) -> Bool {
    guard !bytes.isEmpty else { return false }
    for byte in bytes where !isDigit(byte) { return false }
    return true
  }

  /// True when every byte of `bytes[range]` is an ASCII digit.
  static func isAllDigits(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    for index in range where !isDigit(bytes[index]) { return false }
    return true
  }

  /// True when `bytes` is non-empty and every byte equals the first.
  static func isAllSame(_ bytes: [UInt8]) -> Bool {
    guard let first = bytes.first else { return false }
    for byte in bytes where byte != first { return false }
    return true
  }

  /// The decimal number spelled by `count` digits starting at `start`, or nil when a byte is
  /// not a digit. The caller guarantees the range lies inside `bytes`.
  static func number(_ bytes: [UInt8], at start: Int, count: Int) -> Int? {
    var value = 0
    for index in start..<(start + count) {
      guard let d = digit(bytes[index]) else { return nil }
      value = value &* 10 &+ d
    }
    return value
  }
}
