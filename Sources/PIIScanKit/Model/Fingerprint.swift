/// A finding's keyed fingerprint: the 32 bytes of an HMAC-SHA256, held inline.
///
/// A finding is made, copied and written once per match, so its fingerprint is four words in
/// the finding itself rather than a 64-character string on the heap; writers render ``hex``
/// (or append the hex digits straight into their output) only when they write it.
public struct Fingerprint: Sendable, Hashable {
  /// The digest bytes in order, eight per word (the first byte is the low byte of `words.0`).
  private var words: (UInt64, UInt64, UInt64, UInt64)

  /// All zero (a placeholder where no value was fingerprinted).
  public static let zero = Fingerprint(words: (0, 0, 0, 0))

  private init(words: (UInt64, UInt64, UInt64, UInt64)) { self.words = words }

  /// The first 32 bytes of `bytes` (zero-padded if shorter).
  public init(bytes: UnsafeRawBufferPointer) {
    words = (0, 0, 0, 0)
    withUnsafeMutableBytes(of: &words) { out in
      out.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes.prefix(32)))
    }
  }

  /// Parses 64 lower- or upper-case hex digits; nil for anything else.
  public init?(hex: String) {
    let digits = Array(hex.utf8)
    guard digits.count == 64 else { return nil }
    var bytes = [UInt8](repeating: 0, count: 32)
    for i in 0..<32 {
      guard let high = ASCII.hexValue(digits[2 * i]), let low = ASCII.hexValue(digits[2 * i + 1])
      else { return nil }
      bytes[i] = UInt8(high << 4 | low)
    }
    self = bytes.withUnsafeBytes { Fingerprint(bytes: $0) }
  }

  public static func == (a: Fingerprint, b: Fingerprint) -> Bool {
    a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2
      && a.words.3 == b.words.3
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(words.0)
    hasher.combine(words.1)
    hasher.combine(words.2)
    hasher.combine(words.3)
  }

  /// The 32 bytes.
  public var bytes: [UInt8] {
    withUnsafeBytes(of: words) { Array($0) }
  }

  /// 64 lower-case hex digits.
  public var hex: String {
    String(unsafeUninitializedCapacity: 64) { out in
      writeHex(to: out.baseAddress!)
      return 64
    }
  }

  /// Appends the first `count` (at most 64) hex digits to `out`.
  func appendHex(digits count: Int, to out: inout [UInt8]) {
    withUnsafeBytes(of: words) { bytes in
      for i in 0..<min(count, 64) {
        let b = bytes[i &>> 1]
        out.append(lowerHexDigit(i & 1 == 0 ? b &>> 4 : b & 0xF))
      }
    }
  }

  /// Writes the 64 hex digits at `out`.
  func writeHex(to out: UnsafeMutablePointer<UInt8>) {
    withUnsafeBytes(of: words) { bytes in
      for i in 0..<32 {
        out[2 &* i] = lowerHexDigit(bytes[i] &>> 4)
        out[2 &* i &+ 1] = lowerHexDigit(bytes[i] & 0xF)
      }
    }
  }
}

extension Fingerprint: CustomStringConvertible {
  public var description: String { hex }
}
