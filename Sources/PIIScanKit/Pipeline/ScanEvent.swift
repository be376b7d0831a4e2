/// One input as the pipeline sees it.
public struct InputFile: Sendable, Hashable {
  /// The path as given (joined with the directory it was found under), `-` for standard input.
  public let path: String
  /// Position in the run's input order.
  public let index: Int
  /// Decompressed offset to start scanning at (append-only resume, plain files only): the
  /// bytes before it are read (so the raw digest still covers the whole file) but not scanned,
  /// and finding offsets stay absolute. 0 scans everything.
  public var startOffset: Int = 0
  /// Lines before `startOffset` (the previous scan's line count; the resume point is a line
  /// start), so finding lines stay absolute too.
  public var lineBase: Int = 0

  /// An input at `index` in the run's order.
  public init(path: String, index: Int, startOffset: Int = 0, lineBase: Int = 0) {
    self.path = path
    self.index = index
    self.startOffset = startOffset
    self.lineBase = lineBase
  }
}

/// What happened to one input.
public enum FileStatus: String, Sendable {
  /// Read to the end and scanned.
  case scanned
  /// Could not be read or decoded; findings before the fault are kept.
  case failed
  /// Deliberately not scanned (binary, unchanged since the last sweep).
  case skipped
  /// Scanned, but some records could not be searched fully (PCRE2 limits).
  case partial
}

/// The outcome for one input, delivered after its last findings.
public struct FileReport: Sendable {
  public var file: InputFile
  public var status: FileStatus
  public var compression: Compression?
  public var format: InputFormat?
  /// Bytes read from the file (compressed bytes for compressed inputs).
  public var rawBytes: Int = 0
  /// SHA-256 (hex) of the raw bytes, when the whole file was read and
  /// ``ScanOptions/digestsInputs`` is on.
  public var rawSHA256: String?
  /// Decompressed bytes scanned.
  public var bytes: Int = 0
  /// Lines (`\n`-terminated, plus a final unterminated one) in the decompressed stream.
  public var lines: Int = 0
  /// Findings per entity: (count, validated count).
  public var entityCounts: [String: EntityCount] = [:]
  /// The error that stopped or degraded the scan.
  public var error: ScanError?
  /// Why the file was skipped or what else is worth knowing.
  public var note: String?

  public init(file: InputFile, status: FileStatus) {
    self.file = file
    self.status = status
  }

  /// Total findings.
  public var findingCount: Int { entityCounts.values.reduce(0) { $0 + $1.count } }
}

/// A count of findings and how many of them were validated.
public struct EntityCount: Sendable, Equatable {
  public var count = 0
  public var validated = 0
  public init(count: Int = 0, validated: Int = 0) {
    self.count = count
    self.validated = validated
  }
}

/// Events a ``ScanSink`` receives, always in input order: a file's `fileStarted`, its
/// `findings` batches in stream order, then its `fileFinished`, then the next file's.
public enum ScanEvent: Sendable {
  case fileStarted(InputFile)
  case findings(InputFile, [Finding])
  case fileFinished(FileReport)
  /// A path that could not be expanded (unreadable directory, symlink loop, missing path).
  case inputProblem(ScanError)
}

/// Receives a run's events, serially and in input order.
public protocol ScanSink: AnyObject, Sendable {
  func handle(_ event: ScanEvent)
}

/// Consumes one file's chunks in stream order (redaction writes its copy this way).
///
/// `consume` gets the bytes a chunk owns and that chunk's findings (stream offsets); the bytes
/// are valid only during the call.
public protocol ChunkConsumer: AnyObject {
  func consume(_ bytes: UnsafeRawBufferPointer, streamOffset: Int, findings: [Finding]) throws
  /// The same, with how the chunk was read; the pipeline calls this one. The default forwards
  /// to ``consume(_:streamOffset:findings:)``.
  func consume(
    _ bytes: UnsafeRawBufferPointer, streamOffset: Int, context: ChunkContext, findings: [Finding]
  ) throws
  /// Called once after the last chunk; `report` says whether the file was read whole.
  func finish(_ report: inout FileReport)
}

extension ChunkConsumer {
  public func consume(
    _ bytes: UnsafeRawBufferPointer, streamOffset: Int, context: ChunkContext, findings: [Finding]
  ) throws {
    try consume(bytes, streamOffset: streamOffset, findings: findings)
  }
}

/// How a chunk was read, for consumers that write a copy of the input.
public struct ChunkContext: Sendable, Equatable {
  /// How the chunk's records were framed: the file's format, or `.text` for a piece of an
  /// over-long record (whose findings then have no `field`).
  public var format: InputFormat
  /// The input's compression.
  public var compression: Compression

  /// Creates a context.
  public init(format: InputFormat, compression: Compression) {
    self.format = format
    self.compression = compression
  }
}
