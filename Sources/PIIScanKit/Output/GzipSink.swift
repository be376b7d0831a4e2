internal import Zlib

/// Compresses everything written into one gzip member (RFC 1952) and passes the compressed
/// bytes to another sink.
///
/// The header has no name and modification time 0, so output is reproducible; `gzip -dc`
/// reads it. ``finish()`` writes the CRC-32/length trailer, then finishes the base sink.
public final class GzipSink<Base: ByteSink>: ByteSink {
  /// The sink receiving compressed bytes.
  public private(set) var base: Base
  private let core: CompressingSinkCore<GzipCompressor>

  /// Wraps `base`. `level` is 1 (fastest) to 9 (smallest); 6 is gzip's default. Throws
  /// ``ScanError`` `.writeFailed` if zlib cannot be set up.
  public init(_ base: Base, level: Int = 6) throws(ScanError) {
    let compressor: GzipCompressor
    do {
      compressor = try GzipCompressor(level: level)
    } catch {
      throw ScanError(
        .writeFailed, "cannot start gzip compression (level \(level))", cause: error.description)
    }
    self.base = base
    core = CompressingSinkCore(compressor, format: "gzip", outputSize: 128 * 1024)
  }

  /// Compresses `bytes`, passing any finished compressed data to the base sink.
  public func write(_ bytes: UnsafeRawBufferPointer) throws { try core.write(bytes, to: &base) }

  /// Ends the member (final block, CRC-32 and length), then finishes the base sink.
  public func finish() throws { try core.finish(to: &base) }
}
