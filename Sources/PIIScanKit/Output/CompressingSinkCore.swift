internal import Zlib
internal import Zstd

/// A streaming compressor as the compressing sinks drive it: `compress` until the input is
/// consumed and `finish` until complete, draining one output buffer in between.
protocol StreamCompressor: AnyObject {
  associatedtype Failure: Error & CustomStringConvertible
  func compress(
    _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
  ) throws(Failure) -> (inputConsumed: Int, outputProduced: Int)
  func finish(
    into output: UnsafeMutableRawBufferPointer
  ) throws(Failure) -> (outputProduced: Int, isComplete: Bool)
}

extension GzipCompressor: StreamCompressor {}
extension ZstdCompressor: StreamCompressor {}

/// The write and finish loops ``GzipSink`` and ``ZstdSink`` share: feeds the compressor and
/// hands each filled stretch of its output buffer to the base sink.
final class CompressingSinkCore<Compressor: StreamCompressor> {
  private let compressor: Compressor
  /// `gzip` or `zstd`, for error messages.
  private let format: String
  private let output: UnsafeMutableRawBufferPointer
  private var isFinished = false

  init(_ compressor: Compressor, format: String, outputSize: Int) {
    self.compressor = compressor
    self.format = format
    output = .allocate(byteCount: outputSize, alignment: 16)
  }

  deinit { output.deallocate() }

  /// Compresses `bytes`, passing any finished compressed data to `base`.
  func write(_ bytes: UnsafeRawBufferPointer, to base: inout some ByteSink) throws {
    precondition(!isFinished, "\(format) sink: write after finish()")
    var offset = 0
    while offset < bytes.count {
      let rest = UnsafeRawBufferPointer(rebasing: bytes[offset...])
      let step: (inputConsumed: Int, outputProduced: Int)
      do {
        step = try compressor.compress(rest, into: output)
      } catch {
        throw failure(error)
      }
      offset += step.inputConsumed
      try emit(step.outputProduced, to: &base)
      if step.inputConsumed == 0 && step.outputProduced == 0 {
        throw ScanError(.writeFailed, "\(format) compression stopped making progress")
      }
    }
  }

  /// Ends the compressed stream, then finishes `base`.
  func finish(to base: inout some ByteSink) throws {
    precondition(!isFinished, "\(format) sink: finish() called twice")
    isFinished = true
    while true {
      let step: (outputProduced: Int, isComplete: Bool)
      do {
        step = try compressor.finish(into: output)
      } catch {
        throw failure(error)
      }
      try emit(step.outputProduced, to: &base)
      if step.isComplete { break }
    }
    try base.finish()
  }

  private func emit(_ count: Int, to base: inout some ByteSink) throws {
    guard count > 0 else { return }
    try base.write(UnsafeRawBufferPointer(rebasing: output[0..<count]))
  }

  private func failure(_ error: Compressor.Failure) -> ScanError {
    ScanError(.writeFailed, "\(format) compression failed", cause: error.description)
  }
}
