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
  private let compressor: ZstdCompressor
  private let output: UnsafeMutableRawBufferPointer
  private var isFinished = false

  /// Wraps `base`. `level` is zstd's compression level (3 is zstd's default); `workers` > 0
  /// compresses on that many background threads (`ZSTD_c_nbWorkers`). Throws ``ScanError``
  /// `.writeFailed` if the compressor cannot be set up.
  public init(_ base: Base, level: Int = 3, workers: Int = 0) throws(ScanError) {
    do {
      compressor = try ZstdCompressor(level: level, workers: workers)
    } catch {
      throw ScanError(
        .writeFailed, "cannot start zstd compression (level \(level), \(workers) workers)",
        cause: error.description)
    }
    self.base = base
    self.output = .allocate(
      byteCount: ZstdCompressor.recommendedOutputSize, alignment: 16)
  }

  deinit { output.deallocate() }

  /// Compresses `bytes`, passing any finished compressed blocks to the base sink.
  public func write(_ bytes: UnsafeRawBufferPointer) throws {
    precondition(!isFinished, "ZstdSink: write after finish()")
    var offset = 0
    while offset < bytes.count {
      let rest = UnsafeRawBufferPointer(rebasing: bytes[offset...])
      let step: (inputConsumed: Int, outputProduced: Int)
      do {
        step = try compressor.compress(rest, into: output)
      } catch {
        throw Self.failure(error)
      }
      offset += step.inputConsumed
      try emit(step.outputProduced)
      if step.inputConsumed == 0 && step.outputProduced == 0 {
        throw ScanError(.writeFailed, "zstd compression stopped making progress")
      }
    }
  }

  /// Ends the frame (checksum included), then finishes the base sink.
  public func finish() throws {
    precondition(!isFinished, "ZstdSink: finish() called twice")
    isFinished = true
    while true {
      let step: (outputProduced: Int, isComplete: Bool)
      do {
        step = try compressor.finish(into: output)
      } catch {
        throw Self.failure(error)
      }
      try emit(step.outputProduced)
      if step.isComplete { break }
    }
    try base.finish()
  }

  private func emit(_ count: Int) throws {
    guard count > 0 else { return }
    try base.write(UnsafeRawBufferPointer(rebasing: output[0..<count]))
  }

  private static func failure(_ error: ZstdError) -> ScanError {
    ScanError(.writeFailed, "zstd compression failed", cause: error.description)
  }
}
