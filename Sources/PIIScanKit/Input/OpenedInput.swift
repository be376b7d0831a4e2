/// An input opened for scanning: plain bytes to read, how they were stored, and the raw-byte
/// statistics for lineage and progress.
///
/// ```swift
/// var input = try openInput("logs/app.log.zst")     // or "-" for standard input
/// while try input.source.read(into: buffer) > 0 { ... }
/// let digest = input.rawDigest()                     // SHA-256 of the .zst bytes
/// ```
public struct OpenedInput {
  /// The path as given (`"-"` for standard input).
  public let path: String
  /// The decompressed bytes. Read until it returns 0.
  public var source: any ByteSource
  /// The compression found by sniffing the first bytes.
  public let compression: Compression
  /// Raw (stored, still compressed) byte count and digest, filled while `source` is read.
  public let rawStats: RawStats

  /// Raw bytes read so far; the compressed position, for progress.
  public var rawByteCount: Int { rawStats.byteCount }

  /// The lowercase hex SHA-256 of the raw bytes, available once `source` returned 0 (end of
  /// input); nil before that or if reading failed.
  public func rawDigest() -> String? { rawStats.sha256Hex }
}

/// Opens `path` (`"-"` is standard input), sniffs its compression from the first bytes
/// (``Compression/sniff(_:)``, never the file name) and wraps the matching decompressor.
///
/// The stack is `FileSource` → ``DigestingSource`` (raw bytes hashed once) →
/// ``PeekableSource`` (the sniffed bytes are replayed) → ``ZstdSource`` / ``GzipSource`` or
/// nothing. Throws ``ScanError`` `.unreadable` if the file cannot be opened or its first bytes
/// cannot be read.
public func openInput(_ path: String, digest: Bool = true) throws -> OpenedInput {
  let file = path == "-" ? FileSource.standardInput() : try FileSource(path: path)
  let stats = RawStats()
  var peekable = PeekableSource(DigestingSource(file, stats: stats, hashes: digest))
  let magic = try peekable.peek(Compression.sniffLength)
  let compression = magic.withUnsafeBytes { Compression.sniff($0) }
  let source: any ByteSource
  switch compression {
  case .none: source = peekable
  case .gzip: source = try GzipSource(peekable, path: path)
  case .zstd: source = try ZstdSource(peekable, path: path)
  }
  return OpenedInput(path: path, source: source, compression: compression, rawStats: stats)
}
