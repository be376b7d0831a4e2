internal import Zlib

/// Compresses everything written into one gzip member (RFC 1952) and passes the compressed
/// bytes to another sink.
///
/// The header has no name and modification time 0, so output is reproducible; `gzip -dc`
/// reads it. ``finish()`` writes the CRC-32/length trailer, then finishes the base sink.
public final class GzipSink<Base: ByteSink>: ByteSink {
  /// The sink receiving compressed bytes.
  public private(set) var base: Base
  private let compressor: GzipCompressor
  private let output: UnsafeMutableRawBufferPointer
  private var isFinished = false

  private static var outputSize: Int { 128 * 1024 }

  /// Wraps `base`. `level` is 1 (fastest) to 9 (smallest); 6 is gzip's default. Throws
  /// ``ScanError`` `.writeFailed` if zlib cannot be set up.
  public init(_ base: Base, level: Int = 6) throws(ScanError) {
    do {
      compressor = try GzipCompressor(level: level)
    } catch {
      throw ScanError(
        .writeFailed, "cannot start gzip compression (level \(level))", cause: error.description)
    }
    self.base = base
    self.output = .allocate(byteCount: Self.outputSize, alignment: 16)
  }

  deinit { output.deallocate() }

  /// Compresses `bytes`, passing any finished compressed data to the base sink.
  public func write(_ bytes: UnsafeRawBufferPointer) throws {
    precondition(!isFinished, "GzipSink: write after finish()")
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
        throw ScanError(.writeFailed, "gzip compression stopped making progress")
      }
    }
  }

  /// Ends the member (final block, CRC-32 and length), then finishes the base sink.
  public func finish() throws {
    precondition(!isFinished, "GzipSink: finish() called twice")
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

  private static func failure(_ error: ZlibError) -> ScanError {
    ScanError(.writeFailed, "gzip compression failed", cause: error.description)
  }
}
