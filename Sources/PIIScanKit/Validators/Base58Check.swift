internal import Crypto

/// Base58Check as used by Bitcoin addresses (Bitcoin Core `base58.cpp`, "Base58Check encoding"
/// on the Bitcoin wiki): the alphabet `123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz`,
/// one leading `1` per leading zero byte, and a 4-byte suffix equal to the first 4 bytes of
/// SHA-256(SHA-256(payload)).
enum Base58Check {
  private static let alphabet: [UInt8] = Array(
    "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

  /// The value of each alphabet byte, -1 elsewhere.
  private static let reverse: [Int8] = {
    var table = [Int8](repeating: -1, count: 128)
    for (index, byte) in alphabet.enumerated() { table[Int(byte)] = Int8(index) }
    return table
  }()

  /// Decodes `value` into exactly `count` bytes (payload and checksum), or nil when a character
  /// is outside the alphabet or the number does not fit `count` bytes canonically.
  static func decode(_ value: [UInt8], count: Int) -> [UInt8]? {
    guard !value.isEmpty else { return nil }
    var bytes = [UInt8](repeating: 0, count: count)
    for character in value {
      guard character < 128, reverse[Int(character)] >= 0 else { return nil }
      var carry = Int(reverse[Int(character)])
      for index in stride(from: count - 1, through: 0, by: -1) {
        carry += 58 * Int(bytes[index])
        bytes[index] = UInt8(truncatingIfNeeded: carry)
        carry >>= 8
      }
      guard carry == 0 else { return nil }
    }
    // Canonical: the leading '1's are exactly the leading zero bytes.
    let leadingOnes = value.prefix { $0 == UInt8(ascii: "1") }.count
    let leadingZeros = bytes.prefix { $0 == 0 }.count
    guard leadingOnes == leadingZeros else { return nil }
    return bytes
  }

  /// True when the last 4 bytes of `bytes` are the double-SHA-256 checksum of the rest.
  static func hasValidChecksum(_ bytes: [UInt8]) -> Bool {
    guard bytes.count > 4 else { return false }
    let payload = Array(bytes.dropLast(4))
    let second = sha256(Array(sha256(payload)))
    return Array(second.prefix(4)) == Array(bytes.suffix(4))
  }

  /// SHA-256 through swift-crypto's pointer API (no Foundation `DataProtocol` needed).
  private static func sha256(_ bytes: [UInt8]) -> SHA256.Digest {
    var hasher = SHA256()
    bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    return hasher.finalize()
  }
}
