internal import Crypto

/// Passes bytes through to another ``ByteSink`` while hashing them with SHA-256, so a command
/// can record the digest of a file it wrote (``LineageRecorder/recordOutput(input:path:sha256:policy:)``)
/// without reading it back.
///
/// A class so the writer that owns it and the code that records lineage see the same digest.
/// Not `Sendable`: one writer at a time.
public final class DigestingSink: ByteSink {
  private var base: any ByteSink
  private var hasher = SHA256()
  /// Bytes written so far.
  public private(set) var byteCount = 0
  /// Lowercase hex SHA-256 of everything written; set by a successful ``finish()``.
  public private(set) var sha256Hex: String?

  /// Wraps `base`.
  public init(_ base: any ByteSink) { self.base = base }

  /// Hashes `bytes` and writes them to the base sink.
  public func write(_ bytes: UnsafeRawBufferPointer) throws {
    hasher.update(bufferPointer: bytes)
    byteCount += bytes.count
    try base.write(bytes)
  }

  /// Finishes the base sink, then fixes the digest.
  public func finish() throws {
    try base.finish()
    sha256Hex = hasher.finalize().hexString
  }
}
