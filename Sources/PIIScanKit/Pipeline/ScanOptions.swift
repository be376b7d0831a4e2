import PCRE2

#if canImport(Glibc)
  import Glibc
#endif

/// User choices for a scan; every field has a sensible default.
public struct ScanOptions: Sendable {
  /// Scanning workers; default: the number of active cores.
  public var threads: Int = ScanOptions.activeCores
  /// Target size of a chunk handed to a worker (records are never split below this).
  public var chunkSize: Int = 4 << 20
  /// Longest record kept whole; a longer one is scanned as text in overlapping pieces.
  public var maxRecordBytes: Int = 16 << 20
  /// Overlap between the pieces of an over-long record: the longest finding that can straddle
  /// a piece boundary and still be found once.
  public var overlap: Int = 64 << 10
  /// Bytes past a text chunk's end that multi-line detectors (PEM keys) may read into.
  public var lookahead: Int = 16 << 10
  /// Input files read at the same time.
  public var filesInFlight: Int = 2
  /// Chunks in flight (read but not yet consumed), across files: bounds memory.
  public var chunksInFlight: Int? = nil
  /// Force a format instead of detecting it.
  public var format: InputFormat? = nil
  /// Scan inputs that look binary (NUL bytes in the first 8 KiB) instead of skipping them.
  public var scanBinary: Bool = false
  /// Which JSON Lines fields and CSV columns are searched (default: all).
  public var fieldScope = FieldScope()
  /// PCRE2 limits per match attempt.
  public var matchLimits = MatchScratch.Limits()
  /// Hash each input's raw bytes (SHA-256) into its ``FileReport/rawSHA256``, for catalogs,
  /// lineage manifests and sweeps. A plain scan that records neither turns it off: hashing
  /// costs about as much as reading the file.
  public var digestsInputs: Bool = true

  public init() {}

  /// The in-flight chunk bound actually used.
  var effectiveChunksInFlight: Int { chunksInFlight ?? max(4, threads * 2 + 2) }

  /// Cores online (`sysconf(_SC_NPROCESSORS_ONLN)`), at least 1.
  public static var activeCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
