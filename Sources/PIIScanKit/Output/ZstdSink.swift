internal import Zstd

/// Compresses everything written into one zstd frame (RFC 8878) and passes the compressed bytes
/// to another sink.
///
/// Frames carry an XXH64 content checksum and no content size, like `zstd` reading a pipe;
/// `zstd -dc` reads them. ``finish()`` ends the frame, then finishes the base sink (for an
/// ``AtomicFileWriter``, that commits the file).
///
/// ```swift
/// let sink = try ZstdSink(AtomicFileWriter(path: "out.log.zst"), level: 3)
/// try sink.write(bytes)
/// try sink.finish()
/// ```
public final class ZstdSink<Base: ByteSink>: ByteSink {
  /// The sink receiving compressed bytes.
  public private(set) var base: Base
  private let core: CompressingSinkCore<ZstdCompressor>

  /// Wraps `base`. `level` is zstd's compression level (3 is zstd's default); `workers` > 0
  /// compresses on that many background threads (`ZSTD_c_nbWorkers`). Throws ``ScanError``
  /// `.writeFailed` if the compressor cannot be set up.
  public init(_ base: Base, level: Int = 3, workers: Int = 0) throws(ScanError) {
    let compressor: ZstdCompressor
    do {
      compressor = try ZstdCompressor(level: level, workers: workers)
    } catch {
      throw ScanError(
        .writeFailed, "cannot start zstd compression (level \(level), \(workers) workers)",
        cause: error.description)
    }
    self.base = base
    core = CompressingSinkCore(
      compressor, format: "zstd", outputSize: ZstdCompressor.recommendedOutputSize)
  }

  /// Compresses `bytes`, passing any finished compressed blocks to the base sink.
  public func write(_ bytes: UnsafeRawBufferPointer) throws { try core.write(bytes, to: &base) }

  /// Ends the frame (checksum included), then finishes the base sink.
  public func finish() throws { try core.finish(to: &base) }
}
