internal import Crypto

/// Counts and SHA-256 of the raw bytes an input delivered, shared by reference between the
/// ``DigestingSource`` that fills it and whoever reports on the input (lineage, progress).
///
/// A class so that the reader and the reporter see the same numbers while the source is wrapped
/// in decompressors. Not `Sendable`: read it on the task that reads the input.
public final class RawStats {
  /// Raw (still compressed) bytes read so far; grows while the input is read, so it also
  /// serves for progress.
  public internal(set) var byteCount = 0
  /// The lowercase hex SHA-256 of all raw bytes, set once the input reached its end; nil
  /// before, and nil for good if reading stopped early (an error, or a reader that quit).
  public internal(set) var sha256Hex: String?

  /// Creates empty statistics.
  public init() {}
}

/// Passes bytes through unchanged while hashing them with SHA-256 (swift-crypto) and counting
/// them into a shared ``RawStats``.
///
/// Put it directly over the file, below any decompressor, so the digest covers the bytes as
/// stored. The digest is finalised when the base reports end of input.
public struct DigestingSource<Base: ByteSource>: ByteSource {
  private var base: Base
  private var hasher = SHA256()
  private var isFinished = false
  /// False: bytes are only counted, and `stats.sha256Hex` stays nil.
  private let hashes: Bool
  /// The statistics this source fills.
  public let stats: RawStats

  /// Wraps `base`, recording into `stats`; with `hashes` false it only counts.
  public init(_ base: Base, stats: RawStats = RawStats(), hashes: Bool = true) {
    self.base = base
    self.stats = stats
    self.hashes = hashes
  }

  /// Reads from the base, hashing and counting what it returns.
  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    guard !buffer.isEmpty, !isFinished else { return 0 }
    let n = try base.read(into: buffer)
    if n > 0 {
      if hashes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n])) }
      stats.byteCount += n
    } else {
      isFinished = true
      if hashes { stats.sha256Hex = Self.hex(hasher.finalize()) }
    }
    return n
  }

  private static func hex(_ digest: SHA256.Digest) -> String {
    let digits: [UInt8] = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(SHA256.Digest.byteCount * 2)
    for byte in digest {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
