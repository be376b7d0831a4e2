internal import CZlib

/// A streaming gzip encoder (RFC 1952) that owns one zlib `z_stream` (`deflate` with
/// windowBits 15 + 16).
///
/// The gzip header is zlib's default: no file name, modification time 0, OS code of the build
/// platform, so the same input and level always give the same bytes.
///
/// ```swift
/// let encoder = try GzipCompressor(level: 6)
/// let step = try encoder.compress(chunk, into: output)   // repeat until the chunk is used up
/// let end = try encoder.finish(into: output)             // repeat until end.isComplete
/// ```
///
/// After ``finish(into:)`` completes, the stream is reset (`deflateReset`) and the next
/// ``compress(_:into:)`` starts a new member. Not `Sendable`: one encoder per output stream.
public final class GzipCompressor {
  private let stream: UnsafeMutablePointer<z_stream>

  /// Creates the deflate stream (`deflateInit2` through `CZlib_deflateInit2`, memLevel 8,
  /// default strategy).
  ///
  /// - Parameter level: 1 (fastest) to 9 (smallest); 6 is gzip's default, 0 stores.
  public init(level: Int = 6) throws(ZlibError) {
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    let rc = CZlib_deflateInit2(stream, Int32(clamping: level), 15 + 16)
    guard rc == Z_OK else {
      let error = ZlibError(code: rc, stream: UnsafePointer(stream))
      stream.deallocate()
      throw error
    }
  }

  deinit {
    deflateEnd(stream)
    stream.deallocate()
  }

  /// Compresses from `input` into `output` (`deflate` with `Z_NO_FLUSH`).
  ///
  /// zlib buffers input internally, so `outputProduced` is often 0. Call again with the
  /// unconsumed rest until `inputConsumed` covers the input, draining `output` in between.
  public func compress(
    _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
  ) throws(ZlibError) -> (inputConsumed: Int, outputProduced: Int) {
    let (consumed, produced, _) = try run(input, output, flush: Z_NO_FLUSH)
    return (consumed, produced)
  }

  /// Ends the current member (`deflate` with `Z_FINISH`): the last deflate block, then the
  /// CRC-32 and length trailer.
  ///
  /// Call repeatedly, draining `output` each time, until `isComplete` is true. Finishing with
  /// nothing compressed writes a valid empty member.
  public func finish(
    into output: UnsafeMutableRawBufferPointer
  ) throws(ZlibError) -> (outputProduced: Int, isComplete: Bool) {
    let (_, produced, ended) = try run(
      UnsafeRawBufferPointer(start: nil, count: 0), output,
      flush: Z_FINISH)
    if ended {
      let rc = deflateReset(stream)
      guard rc == Z_OK else { throw ZlibError(code: rc, stream: UnsafePointer(stream)) }
    }
    return (produced, ended)
  }

  private func run(
    _ input: UnsafeRawBufferPointer, _ output: UnsafeMutableRawBufferPointer, flush: Int32
  ) throws(ZlibError) -> (Int, Int, Bool) {
    let inCount = clampedCount(input.count)
    let outCount = clampedCount(output.count)
    stream.pointee.next_in = UnsafeMutablePointer(
      mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
    stream.pointee.avail_in = inCount
    stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
    stream.pointee.avail_out = outCount
    let rc = deflate(stream, flush)
    let consumed = Int(inCount - stream.pointee.avail_in)
    let produced = Int(outCount - stream.pointee.avail_out)
    stream.pointee.next_in = nil
    stream.pointee.next_out = nil
    switch rc {
    case Z_OK, Z_BUF_ERROR:
      // Z_BUF_ERROR: no progress possible with these buffers; not fatal (zlib.h).
      return (consumed, produced, false)
    case Z_STREAM_END:
      return (consumed, produced, true)
    default:
      throw ZlibError(code: rc, stream: UnsafePointer(stream))
    }
  }
}
