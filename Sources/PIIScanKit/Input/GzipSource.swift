internal import Zlib

/// Decompressed bytes from a gzip stream read from another ``ByteSource`` (RFC 1952).
///
/// Multi-member files (`cat a.gz b.gz`, `pigz`, `bgzip`) decode fully, like `gzip -dc`. Zero
/// bytes after the last member are skipped (tape padding); anything else after a member must
/// be another member. Memory stays bounded: one 128 KiB compressed chunk plus zlib's 32 KiB
/// window.
///
/// Errors (``ScanError``, with the decompressed `offset` of the fault) are thrown by the
/// ``read(into:)`` call that reaches the fault, after every good byte was returned:
/// - `.truncated` when the input ends inside a member;
/// - `.corrupt` for invalid deflate data, a CRC-32 or length mismatch, a bad header or data
///   after the zero padding, with zlib's message in `cause`.
///
/// Empty input decodes to empty output without error.
public final class GzipSource<Base: ByteSource>: ByteSource {
  /// The compressed chunk size: zlib has no recommendation; 128 KiB matches zstd's and
  /// `gzip`'s own 32-64 KiB buffers within a factor of a few.
  static var inputBufferSize: Int { 128 * 1024 }

  private var base: Base
  private let core: DecodingCore<GzipDecompressor>

  /// Compressed bytes read from the base source so far, for progress reporting.
  public var compressedBytesRead: Int { core.compressedBytesRead }
  /// Decompressed bytes returned so far.
  public var decompressedBytesRead: Int { core.decompressedBytesProduced }
  /// Members fully decoded so far (trailer CRC-32 and length verified).
  public var membersCompleted: Int { core.unitsCompleted }

  /// Wraps `base`. `path` is only used in error messages. Throws ``ScanError`` `.unreadable`
  /// if zlib cannot be initialised (out of memory).
  public init(_ base: Base, path: String? = nil) throws(ScanError) {
    let decoder: GzipDecompressor
    do {
      decoder = try GzipDecompressor()
    } catch {
      throw ScanError(
        .unreadable, "cannot start gzip decompression", path: path, cause: error.description)
    }
    self.base = base
    self.core = DecodingCore(
      decoder: decoder, path: path, inputBufferSize: Self.inputBufferSize)
  }

  /// Reads up to `buffer.count` decompressed bytes; 0 means the stream ended cleanly.
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    try core.read(from: &base, into: buffer)
  }
}

extension GzipDecompressor: StreamDecoder {
  func decode(
    _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
  ) throws(ScanError) -> DecodeStep {
    let membersBefore = membersCompleted
    let progress: Progress
    do {
      progress = try decompress(input, into: output)
    } catch {
      if error.kind == .allocation {
        throw ScanError(
          .unreadable, "not enough memory for gzip decompression", cause: error.description)
      }
      throw ScanError(
        .corrupt, "gzip data is corrupt; re-copy the file or restore it from a backup",
        cause: error.description)
    }
    return DecodeStep(
      inputConsumed: progress.inputConsumed, outputProduced: progress.outputProduced,
      isAtBoundary: isAtMemberBoundary, completedUnit: membersCompleted > membersBefore)
  }

  static func truncationError() -> ScanError {
    ScanError(
      .truncated,
      "compressed stream ends mid-member: the file is truncated; re-copy it, or recover the "
        + "readable part with `gzip -dc`")
  }
}
