internal import CZlib

/// A streaming gzip decoder (RFC 1952) that owns one zlib `z_stream` (`inflate` with
/// windowBits 15 + 16: gzip wrapper only, 32 KiB window).
///
/// **Multi-member streams.** A gzip file may be several members back to back (`cat a.gz b.gz`,
/// `pigz`, `bgzip`); `gzip -dc` outputs all of them. After a member ends (`Z_STREAM_END`), the
/// next call that brings more input resets the stream (`inflateReset`) and decodes the next
/// member, so members need no handling by the caller.
///
/// **Trailing zero padding.** Zero bytes after the last member (tape and block-device padding)
/// are accepted and skipped, as `gzip -d` does ("decompression OK, trailing zero bytes
/// ignored"). A member never begins with a zero byte (its magic is `1F 8B`), so this is
/// unambiguous. A nonzero byte after the padding is an error (``ZlibError/Kind/data``) rather
/// than being ignored: `gzip -d` silently drops such data, and a scanner must not.
/// Any other bytes after a member must be a valid gzip member, or decoding fails with
/// "incorrect header check".
///
/// **Truncation** is the caller's call: if the input ends while ``isAtMemberBoundary`` is
/// false, the stream was cut inside a member.
///
/// Not `Sendable`: one decoder per input.
public final class GzipDecompressor {
  /// What one ``GzipDecompressor/decompress(_:into:)`` call did.
  public struct Progress: Sendable, Equatable {
    /// Bytes of the input buffer consumed.
    public var inputConsumed: Int
    /// Bytes written to the start of the output buffer.
    public var outputProduced: Int
  }

  private enum State {
    /// Before any input, or right after a member ended.
    case betweenMembers
    /// Inside a member: header, deflate data or trailer.
    case inMember
    /// After the last member, skipping zero bytes.
    case padding
  }

  /// zlib `windowBits`: 15 (a 32 KiB window, the maximum) plus 16 to read a gzip wrapper
  /// rather than a zlib one (zlib.h, `inflateInit2`).
  private static let gzipWindowBits: Int32 = 15 + 16

  private let stream: UnsafeMutablePointer<z_stream>
  private var state = State.betweenMembers
  /// A failure found by a call that also produced output: that call returns the output and
  /// the next call throws this.
  private var pendingError: ZlibError?

  /// The number of members fully decoded so far (trailer CRC-32 and length verified).
  public private(set) var membersCompleted = 0

  /// True when no member is in progress: nothing has been read yet, the last member ended
  /// with a verified trailer, or only trailing zero padding followed it. Ending the input
  /// anywhere else means it was truncated.
  public var isAtMemberBoundary: Bool { state != .inMember }

  /// Creates the inflate stream (`inflateInit2` through `CZlib_inflateInit2`).
  public init() throws(ZlibError) {
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())  // zalloc/zfree nil: zlib's defaults
    let rc = CZlib_inflateInit2(stream, Self.gzipWindowBits)
    guard rc == Z_OK else {
      let error = ZlibError(code: rc, stream: UnsafePointer(stream))
      stream.deallocate()
      throw error
    }
  }

  deinit {
    inflateEnd(stream)
    stream.deallocate()
  }

  /// Decodes as much of `input` into `output` as fits (`inflate` with `Z_NO_FLUSH`).
  ///
  /// Call again with the unconsumed rest of the input until it is used up. If the output
  /// buffer came back full, zlib may still hold output: call again, even with empty input,
  /// until a call produces nothing. Throws on invalid data, including a CRC-32 or length
  /// mismatch in a member's trailer. If a call finds a fault after writing output, it returns
  /// that output and the next call throws, so every decoded byte is handed out first. Errors
  /// are sticky.
  public func decompress(
    _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
  ) throws(ZlibError) -> Progress {
    if let pendingError { throw pendingError }
    var consumed = 0
    switch state {
    case .inMember:
      break
    case .betweenMembers, .padding:
      // After a member, skip zero padding; the first nonzero byte starts a member (or is an
      // error after padding). Before the first member, zeros go to inflate, which rejects
      // them as "incorrect header check".
      while membersCompleted > 0 && consumed < input.count && input[consumed] == 0 {
        consumed += 1
        state = .padding
      }
      guard consumed < input.count else {
        return Progress(inputConsumed: consumed, outputProduced: 0)
      }
      if state == .padding {
        throw ZlibError(
          .data, message: "data follows the zero padding after the last gzip member")
      }
      if membersCompleted > 0 {
        let rc = inflateReset(stream)
        guard rc == Z_OK else { throw ZlibError(code: rc, stream: UnsafePointer(stream)) }
      }
      state = .inMember
    }

    let rest = UnsafeRawBufferPointer(rebasing: input[consumed...])
    let inCount = clampedCount(rest.count)
    let outCount = clampedCount(output.count)
    stream.pointee.next_in = UnsafeMutablePointer(
      mutating: rest.baseAddress?.assumingMemoryBound(to: UInt8.self))
    stream.pointee.avail_in = inCount
    stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
    stream.pointee.avail_out = outCount
    let rc = inflate(stream, Z_NO_FLUSH)
    let progress = Progress(
      inputConsumed: consumed + Int(inCount - stream.pointee.avail_in),
      outputProduced: Int(outCount - stream.pointee.avail_out))
    stream.pointee.next_in = nil
    stream.pointee.next_out = nil

    switch rc {
    case Z_OK:
      return progress
    case Z_BUF_ERROR:
      // No progress was possible (no input, or no room): not an error in itself (zlib.h).
      return progress
    case Z_STREAM_END:
      // The trailer's CRC-32 and ISIZE matched; the next input starts a new member.
      membersCompleted += 1
      state = .betweenMembers
      return progress
    default:
      let error = ZlibError(code: rc, stream: UnsafePointer(stream))
      // inflate may have written output before it found the fault (a CRC-32 mismatch is
      // only seen after the member's last byte was produced): hand that out first.
      guard progress.outputProduced > 0 else { throw error }
      pendingError = error
      return progress
    }
  }
}
