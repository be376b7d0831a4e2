/// What one step of a streaming decompressor did, as ``DecodingCore`` sees it.
struct DecodeStep {
  var inputConsumed: Int
  var outputProduced: Int
  /// True when the stream is between frames (zstd) or members (gzip) after this step, so the
  /// input may end here without being truncated.
  var isAtBoundary: Bool
  /// True when this step finished a frame or member.
  var completedUnit: Bool
}

/// A streaming decompressor that ``DecodingCore`` can drive. Conformers map their library's
/// errors to ``ScanError`` (without path or offset; the core adds them).
protocol StreamDecoder: AnyObject {
  func decode(
    _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
  ) throws(ScanError) -> DecodeStep
  /// The error for input that ends inside a frame or member.
  static func truncationError() -> ScanError
}

/// The read loop shared by ``ZstdSource`` and ``GzipSource``: refill a bounded input buffer from
/// the base source, decode into the caller's buffer, detect truncation at end of input.
///
/// The loop follows zstd `examples/streaming_decompression.c`: refill only when the decoder has
/// consumed its input and has no pending output (a full output buffer means it may hold more);
/// never call the decoder with empty input after a frame ended, since zstd would answer with a
/// nonzero header hint that looks like truncation.
///
/// Error timing: a fault found after some bytes were decoded in this call is held back; the
/// good bytes are returned and the next call throws. Errors are sticky.
final class DecodingCore<Decoder: StreamDecoder> {
  let decoder: Decoder
  let path: String?
  private let inputBuffer: UnsafeMutableRawBufferPointer
  private var inputStart = 0
  private var inputEnd = 0
  private var baseEnded = false
  private var isAtBoundary = true
  private var hasPendingOutput = false
  private var pendingError: (any Error)?
  private var stalledCalls = 0

  private(set) var compressedBytesRead = 0
  private(set) var decompressedBytesProduced = 0
  private(set) var unitsCompleted = 0

  init(decoder: Decoder, path: String?, inputBufferSize: Int) {
    precondition(inputBufferSize > 0, "the compressed input buffer needs at least one byte")
    self.decoder = decoder
    self.path = path
    self.inputBuffer = .allocate(byteCount: inputBufferSize, alignment: 16)
  }

  deinit { inputBuffer.deallocate() }

  func read<Base: ByteSource>(
    from base: inout Base, into output: UnsafeMutableRawBufferPointer
  ) throws -> Int {
    if let pendingError { throw pendingError }
    guard output.count > 0 else { return 0 }
    var produced = 0
    do {
      while produced < output.count {
        if inputStart == inputEnd && !hasPendingOutput {
          // Hand over what is decoded rather than block on a slow base (a pipe).
          if baseEnded || produced > 0 { break }
          let n = try base.read(into: inputBuffer)
          if n == 0 {
            baseEnded = true
            break
          }
          inputStart = 0
          inputEnd = n
          compressedBytesRead += n
        }
        let input = UnsafeRawBufferPointer(rebasing: inputBuffer[inputStart..<inputEnd])
        let room = UnsafeMutableRawBufferPointer(rebasing: output[produced...])
        let step: DecodeStep
        do {
          step = try decoder.decode(input, into: room)
        } catch {
          throw located(error, at: produced)
        }
        inputStart += step.inputConsumed
        produced += step.outputProduced
        isAtBoundary = step.isAtBoundary
        if step.completedUnit { unitsCompleted += 1 }
        // A full output buffer means the decoder may hold more output for the next call.
        hasPendingOutput = !step.isAtBoundary && step.outputProduced == room.count
        // zstd and zlib progress whenever they have input and room; guard against a spin
        // anyway, with the same tolerance as zstd's own `ZSTD_NO_FORWARD_PROGRESS_MAX` (16).
        if step.inputConsumed == 0 && step.outputProduced == 0 && !input.isEmpty {
          stalledCalls += 1
          if stalledCalls >= 16 {
            throw located(
              ScanError(.corrupt, "the decompressor stopped making progress"), at: produced)
          }
        } else {
          stalledCalls = 0
        }
      }
      if produced == 0 && baseEnded && !isAtBoundary {
        throw located(Decoder.truncationError(), at: produced)
      }
    } catch {
      return try deliver(produced, thenFail: error)
    }
    decompressedBytesProduced += produced
    return produced
  }

  /// Adds the input path and the decompressed offset of the fault to a decoder error.
  private func located(_ error: ScanError, at produced: Int) -> ScanError {
    var error = error
    error.path = error.path ?? path
    error.offset = decompressedBytesProduced + produced
    return error
  }

  private func deliver(_ produced: Int, thenFail error: any Error) throws -> Int {
    pendingError = error
    guard produced > 0 else { throw error }
    decompressedBytesProduced += produced
    return produced
  }
}
