internal import Zstd

/// Decompressed bytes from a zstd stream read from another ``ByteSource`` (RFC 8878).
///
/// Streams of several frames, skippable frames and frames without a content size decode as
/// one byte stream, like `zstd -dc`. Windows up to 2 GiB (`zstd --long=31`) are accepted.
/// Memory stays bounded: one compressed chunk (`ZSTD_DStreamInSize`, about 128 KiB) plus the
/// frame's window.
///
/// Errors (``ScanError``, with the decompressed `offset` of the fault) are thrown by the
/// ``read(into:)`` call that reaches the fault, after every good byte was returned:
/// - `.truncated` when the input ends inside a frame (zstd's last hint was nonzero);
/// - `.corrupt` for damaged data, a checksum mismatch or bytes that are not a zstd frame, with
///   zstd's message in `cause`. zstd checks the checksum before flushing the frame's last
///   block, so on a mismatch up to one block (128 KiB) of decoded but unverified bytes is
///   never returned.
///
/// Empty input decodes to empty output without error.
///
/// ```swift
/// var source = try ZstdSource(FileSource(path: "app.log.zst"), path: "app.log.zst")
/// let n = try source.read(into: buffer)
/// ```
public final class ZstdSource<Base: ByteSource>: ByteSource {
  private var base: Base
  private let core: DecodingCore<ZstdDecompressor>

  /// Compressed bytes read from the base source so far, for progress reporting.
  public var compressedBytesRead: Int { core.compressedBytesRead }
  /// Decompressed bytes returned so far.
  public var decompressedBytesRead: Int { core.decompressedBytesProduced }
  /// Frames fully decoded so far, skippable frames included.
  public var framesCompleted: Int { core.unitsCompleted }

  /// Wraps `base`. `path` is only used in error messages. Throws ``ScanError`` `.unreadable`
  /// if the decoder cannot be created (out of memory).
  public init(_ base: Base, path: String? = nil) throws(ScanError) {
    let decoder: ZstdDecompressor
    do {
      decoder = try ZstdDecompressor()
    } catch {
      throw ScanError(
        .unreadable, "cannot start zstd decompression", path: path, cause: error.description)
    }
    self.base = base
    self.core = DecodingCore(
      decoder: decoder, path: path, inputBufferSize: ZstdDecompressor.recommendedInputSize)
  }

  /// Reads up to `buffer.count` decompressed bytes; 0 means the stream ended cleanly.
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    try core.read(from: &base, into: buffer)
  }
}

extension ZstdDecompressor: StreamDecoder {
  func decode(
    _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
  ) throws(ScanError) -> DecodeStep {
    let progress: Progress
    do {
      progress = try decompress(input, into: output)
    } catch {
      throw Self.scanError(error)
    }
    return DecodeStep(
      inputConsumed: progress.inputConsumed, outputProduced: progress.outputProduced,
      isAtBoundary: progress.isFrameComplete, completedUnit: progress.isFrameComplete)
  }

  static func truncationError() -> ScanError {
    ScanError(
      .truncated,
      "compressed stream ends mid-frame: the file is truncated; re-copy it, or recover the "
        + "readable part with `zstd -dc`")
  }

  private static func scanError(_ error: ZstdError) -> ScanError {
    let message: String
    switch error.kind {
    case .checksumMismatch:
      message =
        "zstd checksum mismatch: the decompressed data is damaged; re-copy the file or "
        + "restore it from a backup"
    case .unknownFormat:
      message =
        "data that is not a zstd frame follows the compressed stream; check how the file "
        + "was made (`zstd -l` lists its frames)"
    case .windowTooLarge:
      message =
        "zstd frame asks for a window beyond 2 GiB, which zstd never writes; the file is damaged"
    case .allocation:
      return ScanError(
        .unreadable, "not enough memory for the zstd frame's window; free memory and retry",
        cause: error.description)
    case .corruption, .parameter, .other:
      message = "zstd data is corrupt; re-copy the file or restore it from a backup"
    }
    return ScanError(.corrupt, message, cause: error.description)
  }
}
