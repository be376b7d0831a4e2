#if canImport(Glibc)
  import Glibc
#endif

/// Where and how one input's redacted copy is written (``OutputPlan`` makes these).
public struct RedactionTarget: Sendable, Hashable {
  /// The final path; `-` for standard output.
  public var path: String
  /// The compression of the copy; nil keeps the input's.
  public var compression: Compression?
  /// Compression level (zstd: 1…19, default 3; gzip: 1…9, default 6); nil for the default.
  public var level: Int?
  /// Permission bits of the committed file.
  public var mode: mode_t
  /// Where an incomplete copy goes when the input fails (`--allow-partial`); nil discards it.
  public var partialPath: String?

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
