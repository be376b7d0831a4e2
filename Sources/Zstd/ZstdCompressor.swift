internal import CZstd

/// A streaming zstd encoder that owns one `ZSTD_CCtx` (`ZSTD_compressStream2`).
///
/// Output frames carry an XXH64 content checksum (`ZSTD_c_checksumFlag`), so a reader detects
/// corruption, and no content size (the size is not known when streaming), like `zstd` reading
/// from a pipe.
///
/// ```swift
/// let encoder = try ZstdCompressor(level: 3)
/// let step = try encoder.compress(chunk, into: output)     // repeat until the chunk is used up
/// let end = try encoder.finish(into: output)               // repeat until end.isComplete
/// ```
///
/// After ``finish(into:)`` reports completion the context starts a new frame on the next
/// ``compress(_:into:)``. Not `Sendable`: one encoder per output stream.
public final class ZstdCompressor {
  /// zstd's recommended output chunk size (`ZSTD_CStreamOutSize`): room for one complete
  /// compressed block, so every flush makes progress.
  public static var recommendedOutputSize: Int { ZSTD_CStreamOutSize() }
  /// zstd's recommended input chunk size (`ZSTD_CStreamInSize`, one 128 KiB block).
  public static var recommendedInputSize: Int { ZSTD_CStreamInSize() }

  private let context: OpaquePointer

  /// Creates an encoding context (`ZSTD_createCCtx`) and sets its parameters.
  ///
  /// - Parameters:
  ///   - level: the compression level (`ZSTD_c_compressionLevel`), 1 to 19 in normal use; 3 is
  ///     zstd's default.
  ///   - workers: background compression threads (`ZSTD_c_nbWorkers`); 0 compresses on the
  ///     calling thread. Throws ``ZstdError/Kind/parameter`` if libzstd was built without
  ///     multithreading and `workers > 0`.
  ///   - checksum: append an XXH64 content checksum to each frame (`ZSTD_c_checksumFlag`).
  ///   - longWindowLog: like `zstd --long=N`: sets `ZSTD_c_windowLog` to N and enables
  ///     long-distance matching. Readers with zstd's default limit (27) then need `--long=N`
  ///     or `--memory=`; ``ZstdDecompressor`` accepts up to 31.
  public init(
    level: Int = 3, workers: Int = 0, checksum: Bool = true, longWindowLog: Int? = nil
  ) throws(ZstdError) {
    guard let context = ZSTD_createCCtx() else {
      throw ZstdError(.allocation, message: "ZSTD_createCCtx failed: out of memory")
    }
    self.context = context
    try set(ZSTD_c_compressionLevel, level)
    try set(ZSTD_c_checksumFlag, checksum ? 1 : 0)
    if let longWindowLog {
      try set(ZSTD_c_windowLog, longWindowLog)
      try set(ZSTD_c_enableLongDistanceMatching, 1)
    }
    // Set last: with workers the other parameters are copied to each job.
    if workers > 0 { try set(ZSTD_c_nbWorkers, workers) }
  }

  deinit { ZSTD_freeCCtx(context) }

  private func set(_ parameter: ZSTD_cParameter, _ value: Int) throws(ZstdError) {
    _ = try checked(ZSTD_CCtx_setParameter(context, parameter, Int32(clamping: value)))
  }

  /// Compresses from `input` into `output` (`ZSTD_compressStream2` with `ZSTD_e_continue`).
  ///
  /// zstd buffers input internally, so `outputProduced` is often 0. Call again with the
  /// unconsumed rest until `inputConsumed` covers the input, draining `output` in between.
  public func compress(
    _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
  ) throws(ZstdError) -> (inputConsumed: Int, outputProduced: Int) {
    var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
    var outBuffer = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
    _ = try checked(ZSTD_compressStream2(context, &outBuffer, &inBuffer, ZSTD_e_continue))
    return (inBuffer.pos, outBuffer.pos)
  }

  /// Ends the current frame (`ZSTD_compressStream2` with `ZSTD_e_end` and no input), writing
  /// buffered data, the last block and the checksum into `output`.
  ///
  /// Call repeatedly, draining `output` each time, until `isComplete` is true (zstd returned 0).
  /// Finishing with no frame in progress writes an empty frame.
  public func finish(
    into output: UnsafeMutableRawBufferPointer
  ) throws(ZstdError) -> (outputProduced: Int, isComplete: Bool) {
    var inBuffer = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
    var outBuffer = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
    let remaining = try checked(
      ZSTD_compressStream2(context, &outBuffer, &inBuffer, ZSTD_e_end))
    return (outBuffer.pos, remaining == 0)
  }
}
