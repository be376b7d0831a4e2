internal import CZstd

/// A streaming zstd decoder that owns one `ZSTD_DCtx`.
///
/// Feed it compressed bytes and an output buffer; it reports how much of each it used and
/// whether a frame just ended. Concatenated frames and skippable frames need no special
/// handling: after a frame ends, the next call starts the next frame (zstd
/// `examples/streaming_decompression.c`).
///
/// The caller decides what "end of input" means. The library never reports truncation itself:
/// if the input ends while ``Progress/isFrameComplete`` of the last call is `false`, the input
/// ended mid-frame. Do not call ``decompress(_:into:)`` again with empty input once a frame is
/// complete: zstd then returns a nonzero "header size" hint and that would look like truncation.
///
/// ```swift
/// let decoder = try ZstdDecompressor()
/// let step = try decoder.decompress(compressed, into: output)
/// // step.inputConsumed, step.outputProduced, step.isFrameComplete
/// ```
///
/// Not `Sendable`: a context holds per-stream state; use one per input.
public final class ZstdDecompressor {
  /// What one ``ZstdDecompressor/decompress(_:into:)`` call did.
  public struct Progress: Sendable, Equatable {
    /// Bytes of the input buffer the decoder consumed.
    public var inputConsumed: Int
    /// Bytes written to the start of the output buffer.
    public var outputProduced: Int
    /// True when `ZSTD_decompressStream` returned 0: a frame (or skippable frame) was fully
    /// decoded and flushed, so ending the input here is not truncation.
    public var isFrameComplete: Bool
  }

  /// zstd's recommended compressed-input chunk size (`ZSTD_DStreamInSize`, 131,075 bytes with
  /// zstd 1.5): one block plus its header, so every call can make progress.
  public static var recommendedInputSize: Int { ZSTD_DStreamInSize() }
  /// zstd's recommended output chunk size (`ZSTD_DStreamOutSize`, one 128 KiB block).
  public static var recommendedOutputSize: Int { ZSTD_DStreamOutSize() }

  /// The largest window log zstd allows on 64-bit systems (`ZSTD_WINDOWLOG_MAX_64`, which sits
  /// in the static-linking-only part of `zstd.h`, so it is spelled out here).
  public static let maximumWindowLog = 31

  private let context: OpaquePointer

  /// Creates a decoding context (`ZSTD_createDCtx`) and raises its window limit
  /// (`ZSTD_d_windowLogMax`) to `windowLogMax`.
  ///
  /// The default, 31, accepts frames made with `zstd --long=N` for any N. The library's own
  /// default (27, 128 MiB) rejects them with "Frame requires too much memory for decoding". The
  /// memory is only allocated when a frame asks for it, up to the frame's content size.
  public init(windowLogMax: Int = ZstdDecompressor.maximumWindowLog) throws(ZstdError) {
    guard let context = ZSTD_createDCtx() else {
      throw ZstdError(.allocation, message: "ZSTD_createDCtx failed: out of memory")
    }
    self.context = context
    _ = try checked(ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, Int32(windowLogMax)))
  }

  deinit { ZSTD_freeDCtx(context) }

  /// Decodes as much of `input` into `output` as fits (`ZSTD_decompressStream`).
  ///
  /// Call again with the unconsumed rest of the input (and a drained output buffer) until the
  /// input is used up. If the output buffer came back full, the decoder may still hold output:
  /// call again, even with empty input, before deciding that the stream ended. Throws on corrupt
  /// data, checksum mismatch or an oversized window. Output of the failing call is lost: zstd
  /// does not report it, and for a checksum mismatch it withholds the frame's last block
  /// (measured: 299,008 of 300,000 bytes came out before `checksum_wrong`).
  public func decompress(
    _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
  ) throws(ZstdError) -> Progress {
    var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
    var outBuffer = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
    let hint = try checked(ZSTD_decompressStream(context, &outBuffer, &inBuffer))
    return Progress(
      inputConsumed: inBuffer.pos, outputProduced: outBuffer.pos, isFrameComplete: hint == 0)
  }

  /// Drops any partly decoded frame so the context can decode a new stream
  /// (`ZSTD_DCtx_reset` with `ZSTD_reset_session_only`); parameters are kept.
  public func reset() {
    // Resetting the session only cannot fail (zstd.h: it only returns an error for
    // parameter resets while a frame is in progress, which session_only is not).
    _ = ZSTD_DCtx_reset(context, ZSTD_reset_session_only)
  }
}
