#if canImport(Glibc)
  import Glibc
#endif

/// Where and how one input's redacted copy is written (``OutputPlan`` makes these).
public struct RedactionTarget: Sendable, Hashable {
  /// The final path; `-` for standard output.
  public var path: String
  /// The compression of the copy; nil keeps the input's.
  public var compression: Compression?
  /// Compression level (zstd: 1…19, default ``defaultZstdLevel``; gzip: 1…9, default
  /// ``defaultGzipLevel``); nil for the default.
  public var level: Int?
  /// Permission bits of the committed file.
  public var mode: mode_t
  /// Where an incomplete copy goes when the input fails (`--allow-partial`); nil discards it.
  public var partialPath: String?

  /// zstd level of a copy when none is given: 1, not zstd's own 3. On the bench log level 3
  /// costs about 0.6 s of CPU per 64 MB, most of the 0.85 s that 150 MB/s on two cores allows,
  /// while level 1 takes 0.25 s and its output was smaller (17.6 against 18.6 MB; docs/bench.md).
  public static let defaultZstdLevel = 1
  /// gzip level of a copy when none is given (zlib's own default).
  public static let defaultGzipLevel = 6

  /// A target; `mode` defaults to 0600.
  public init(
    path: String, compression: Compression? = nil, level: Int? = nil, mode: mode_t = 0o600,
    partialPath: String? = nil
  ) {
    self.path = path
    self.compression = compression
    self.level = level
    self.mode = mode
    self.partialPath = partialPath
  }
}
