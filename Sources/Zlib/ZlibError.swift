internal import CZlib

/// A failure reported by zlib (or by the gzip member logic around it): the kind, zlib's raw
/// return code and zlib's message (`z_stream.msg`, else `zError`).
///
/// The message never contains input bytes; zlib's messages are fixed texts such as
/// "incorrect data check".
public struct ZlibError: Error, Sendable, CustomStringConvertible {
  /// The broad class of a zlib failure.
  public enum Kind: Sendable, Equatable {
    /// The compressed data is invalid: a bad header, bad deflate data, a CRC-32 or length
    /// mismatch in the gzip trailer (`Z_DATA_ERROR`, `Z_NEED_DICT`), or data after trailing
    /// zero padding.
    case data
    /// zlib could not allocate memory (`Z_MEM_ERROR`).
    case allocation
    /// zlib rejected a parameter or the stream state (`Z_STREAM_ERROR`, `Z_VERSION_ERROR`);
    /// a programming error in the wrapper rather than bad data.
    case usage
  }

  /// The broad class of the failure.
  public let kind: Kind
  /// zlib's raw return code (`Z_DATA_ERROR` is -3), or 0 for a failure found by the wrapper.
  public let code: Int32
  /// zlib's message for the failure.
  public let message: String

  init(code: Int32, stream: UnsafePointer<z_stream>?) {
    self.code = code
    switch code {
    case Z_DATA_ERROR, Z_NEED_DICT: kind = .data
    case Z_MEM_ERROR: kind = .allocation
    default: kind = .usage
    }
    if code == Z_NEED_DICT {
      // A gzip member never needs a preset dictionary (RFC 1952 has no FDICT flag).
      message = "stream asks for a preset dictionary, which gzip does not have"
    } else if let text = stream?.pointee.msg {
      message = String(cString: text)
    } else {
      message = String(cString: zError(code))
    }
  }

  init(_ kind: Kind, message: String) {
    self.kind = kind
    self.code = 0
    self.message = message
  }

  public var description: String { "zlib error \(code): \(message)" }
}

/// zlib counts buffer space in `uInt` (32 bits); larger buffers are offered in pieces.
@inline(__always)
func clampedCount(_ count: Int) -> UInt32 { UInt32(clamping: count) }
