internal import CZstd

/// A failure reported by libzstd: what kind of failure, the raw `ZSTD_ErrorCode` and zstd's own
/// message (`ZSTD_getErrorName`).
///
/// The message never contains input bytes; libzstd's error strings are fixed texts.
public struct ZstdError: Error, Sendable, CustomStringConvertible {
  /// The broad class of a zstd failure, so callers can map it without knowing zstd's codes.
  public enum Kind: Sendable, Equatable {
    /// The input does not start with a zstd (or skippable) frame magic number.
    case unknownFormat
    /// The compressed data is damaged (`ZSTD_error_corruption_detected` and friends).
    case corruption
    /// The frame's XXH64 content checksum does not match the decoded bytes.
    case checksumMismatch
    /// The frame needs a larger window than the decoder allows (`windowLogMax`).
    case windowTooLarge
    /// libzstd could not allocate memory.
    case allocation
    /// A compression or decompression parameter was rejected.
    case parameter
    /// Any other code; see ``ZstdError/code``.
    case other
  }

  /// The broad class of the failure.
  public let kind: Kind
  /// The raw `ZSTD_ErrorCode` value (`ZSTD_getErrorCode`), stable across zstd versions.
  public let code: Int
  /// zstd's text for the error (`ZSTD_getErrorName`), e.g. "Data corruption detected".
  public let message: String

  /// Builds the error from a `size_t` result for which `ZSTD_isError` is true.
  init(result: Int) {
    let errorCode = ZSTD_getErrorCode(result)
    self.code = Int(errorCode.rawValue)
    self.message = String(cString: ZSTD_getErrorName(result))
    self.kind = ZstdError.kind(of: errorCode)
  }

  /// Builds an error that did not come from a zstd return value (a failed context creation).
  init(_ kind: Kind, message: String) {
    self.kind = kind
    self.code = 0
    self.message = message
  }

  private static func kind(of code: ZSTD_ErrorCode) -> Kind {
    switch code {
    case ZSTD_error_prefix_unknown:
      return .unknownFormat
    case ZSTD_error_checksum_wrong:
      return .checksumMismatch
    case ZSTD_error_frameParameter_windowTooLarge:
      return .windowTooLarge
    case ZSTD_error_memory_allocation:
      return .allocation
    case ZSTD_error_corruption_detected, ZSTD_error_literals_headerWrong,
      ZSTD_error_frameParameter_unsupported, ZSTD_error_version_unsupported,
      ZSTD_error_tableLog_tooLarge, ZSTD_error_maxSymbolValue_tooLarge,
      ZSTD_error_maxSymbolValue_tooSmall, ZSTD_error_dictionary_wrong,
      ZSTD_error_dictionary_corrupted, ZSTD_error_srcSize_wrong:
      return .corruption
    case ZSTD_error_parameter_unsupported, ZSTD_error_parameter_outOfBound,
      ZSTD_error_parameter_combination_unsupported:
      return .parameter
    default:
      return .other
    }
  }

  public var description: String { "zstd error \(code): \(message)" }
}

/// Turns a `size_t` zstd result into a value or a typed error (`ZSTD_isError`).
@inline(__always)
func checked(_ result: Int) throws(ZstdError) -> Int {
  if ZSTD_isError(result) != 0 { throw ZstdError(result: result) }
  return result
}
