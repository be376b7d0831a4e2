internal import Crypto
import Dispatch
import GRDB
import Synchronization

/// What is known about a file before it is read (from `stat(2)`), recorded with its scan so
/// the next sweep can tell whether it changed.
public struct FileFacts: Sendable, Equatable {
  /// Size in bytes.
  public var size: Int
  /// mtime in nanoseconds since the epoch.
  public var modificationNanoseconds: Int
  /// Inode number.
  public var inode: UInt64
  /// Device number.
  public var device: UInt64

  /// Facts as given.
  public init(size: Int, modificationNanoseconds: Int, inode: UInt64, device: UInt64) {
    self.size = size
    self.modificationNanoseconds = modificationNanoseconds
    self.inode = inode
    self.device = device
  }

  /// The facts of `path` now, or nil when it is not a regular file.
  public static func of(_ path: String) -> FileFacts? {
    let s = FileSystem.status(path)
    guard s.kind == .file else { return nil }
    return FileFacts(
      size: s.size,
      modificationNanoseconds: s.modificationSeconds * 1_000_000_000 + s.modificationNanoseconds,
      inode: s.inode, device: s.device)
  }
}

/// A file a sweep did not scan, as recorded in the catalog (`status = 'skipped'`).
public struct SkippedFile: Sendable, Equatable {
  /// Why it was not scanned.
  public enum Reason: String, Sendable {
    /// Same size, mtime and inode as its last complete scan under the same detector set.
    case unchanged
    /// Its decompressed content was already scanned under the same detector set (a rotated or
    /// renamed file); `seenFileID` names that row.
    case seen
    /// It was in the catalog under a swept root and no longer exists.
    case deleted
  }

  /// The path as found under the sweep root.
  public var path: String
  /// Why it was not scanned.
  public var reason: Reason
  /// `stat` facts now (nil for a deleted file).
  public var facts: FileFacts?
  /// Raw SHA-256, inherited or computed.
  public var sha256: String?
  /// Decompressed SHA-256, inherited or computed.
  public var decompressedSHA256: String?
  /// Format of the content, from the scan it stands for.
  public var format: String?
  /// Compression of this file.
  public var compression: String?
  /// Lines of the content.
  public var records = 0
  /// Decompressed bytes of the content.
  public var bytes = 0
  /// The row whose scan covered this content (for `seen`).
  public var seenFileID: Int64?

  /// A skipped file with no content description yet.
  public init(path: String, reason: Reason, facts: FileFacts?) {
    self.path = path
    self.reason = reason
    self.facts = facts
  }
}

/// A ``ScanSink`` that records each file and its findings in a ``CatalogStore``.
///
/// Events are handed to the sink's own serial queue, so SQLite work never runs on the
/// pipeline's threads. Findings are inserted in batches of `batchSize` per transaction; a
/// file's row is written as `running` with its first batch and gets its final status in the
/// transaction that inserts its last findings, so a file is committed as soon as it finishes
/// and a killed run leaves only `running` rows (``CatalogStore/recoverInterruptedRuns(except:)``
/// removes them). Call ``finish()`` after the run to wait for the queue and get the totals.
// SAFETY: every mutable field is touched only on `queue` (serial); `digests` is a Mutex.
public final class CatalogSink: ScanSink, @unchecked Sendable {
  /// The catalog written to.
  public let store: CatalogStore
  /// The run the rows belong to.
  public let runID: Int64
  private let detectorSetHash: String
  private let batchSize: Int
  private let queue = DispatchQueue(label: "piiscan.catalog")
  private let facts: [Int: FileFacts]
  private let scanOffsets: [Int: Int]
  private let digests = DigestTable()
  /// Called on the sink's queue after each file is committed (the CLI's test hook uses it).
  private let onCommit: (@Sendable (FileReport) -> Void)?

  private var pending: [Finding] = []
  private var currentFileID: Int64?
  private var totals = RunTotals()
  private var firstError: ScanError?

  /// - Parameters:
  ///   - facts: `stat` facts per input index taken before reading (a sweep's plan); a file
  ///     without facts is `stat`ed when it finishes.
  ///   - scanOffsets: per input index, the decompressed offset its scan starts at (resume).
  public init(
    store: CatalogStore, runID: Int64, detectorSetHash: String, facts: [Int: FileFacts] = [:],
    scanOffsets: [Int: Int] = [:], batchSize: Int = 2000,
    onCommit: (@Sendable (FileReport) -> Void)? = nil
  ) {
    self.store = store
    self.runID = runID
    self.detectorSetHash = detectorSetHash
    self.facts = facts
    self.scanOffsets = scanOffsets
    self.batchSize = max(1, batchSize)
    self.onCommit = onCommit
  }

  /// Queues the event for the catalog queue; returns at once.
  public func handle(_ event: ScanEvent) {
    queue.async { [self] in
      guard firstError == nil else { return }
      do {
        switch event {
        case .fileStarted, .inputProblem: break
        case .findings(let file, let findings):
          pending += findings
          if pending.count >= batchSize { try flush(file) }
        case .fileFinished(let report):
          try commit(report)
          onCommit?(report)
        }
      } catch let error as ScanError {
        firstError = error
      } catch {
        firstError = ScanError(.writeFailed, "catalog write failed: \(error)", path: store.path)
      }
    }
  }

  /// A ``ChunkConsumer`` that hashes the decompressed stream of `file` (recorded as
  /// `decompressed_sha256`), forwarding to `next` when given.
  public func digestingConsumer(for file: InputFile, next: ChunkConsumer? = nil) -> ChunkConsumer {
    DecompressedDigestConsumer(
      index: file.index, startOffset: scanOffsets[file.index] ?? 0, next: next, digests: digests)
  }

  /// Records a file that was not scanned (unchanged, content already seen, deleted), through
  /// the same queue as scanned files.
  public func recordSkipped(_ file: SkippedFile) {
    queue.async { [self] in
      guard firstError == nil else { return }
      do {
        try store.write { db in
          try db.execute(
            sql: """
              INSERT INTO files (run_id, path, size, mtime_ns, inode, device, sha256, format,
                compression, records, bytes, status, reason, scan_offset, detector_set_hash,
                decompressed_sha256, seen_file_id)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'skipped', ?, 0, ?, ?, ?)
              """,
            arguments: [
              runID, file.path, file.facts?.size,
              file.facts.map { Int64($0.modificationNanoseconds) },
              file.facts.map { Int64(bitPattern: $0.inode) },
              file.facts.map { Int64(bitPattern: $0.device) }, file.sha256, file.format,
              file.compression, file.records, file.bytes, file.reason.rawValue, detectorSetHash,
              file.decompressedSHA256, file.seenFileID,
            ])
        }
        if file.reason != .deleted { totals.filesSkipped += 1 }
      } catch let error as ScanError {
        firstError = error
      } catch {
        firstError = ScanError(.writeFailed, "catalog write failed: \(error)", path: store.path)
      }
    }
  }

  /// Waits for every queued write; returns the totals, or throws the first write error.
  public func finish() throws -> RunTotals {
    try queue.sync {
      if let firstError { throw firstError }
      return totals
    }
  }

  // MARK: - on `queue`

  private func insertFileRow(_ db: Database, path: String) throws -> Int64 {
    try db.execute(
      sql: """
        INSERT INTO files (run_id, path, status, detector_set_hash) VALUES (?, ?, 'running', ?)
        """, arguments: [runID, path, detectorSetHash])
    return db.lastInsertedRowID
  }

  private func insertFindings(_ db: Database, fileID: Int64) throws {
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO findings (run_id, file_id, offset, length, line, field, entity, detector,
          confidence, validated, preview, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for f in pending {
      // Never `f.value`: the catalog holds no raw values (issue #4).
      try statement.execute(arguments: [
        runID, fileID, f.offset, f.length, f.line, f.field, f.entity, f.detector, f.confidence,
        f.validated, f.preview, f.fingerprint.hex,
      ])
    }
    totals.findings += pending.count
    pending.removeAll(keepingCapacity: true)
  }

  private func flush(_ file: InputFile) throws {
    let existing = currentFileID
    currentFileID = try store.write { db in
      let id = try existing ?? insertFileRow(db, path: file.path)
      try insertFindings(db, fileID: id)
      return id
    }
  }

  private func commit(_ report: FileReport) throws {
    let index = report.file.index
    let facts = self.facts[index] ?? FileFacts.of(report.file.path)
    let offset = scanOffsets[index] ?? 0
    var decompressed = digests.map.withLock { $0.removeValue(forKey: index) }
    // A resumed plain file: the raw digest covers the whole file and equals the stream's.
    if report.compression == Compression.none { decompressed = report.rawSHA256 ?? decompressed }
    if report.status != .scanned && report.status != .partial { decompressed = nil }
    var error = report.error?.description ?? report.note
    var status = report.status
    var reason: String? = report.status == .skipped ? "binary" : nil
    if let before = facts, report.file.path != "-", let after = FileFacts.of(report.file.path),
      before != after, status == .scanned
    {
      // Recorded with the facts from before the read, so the next sweep rescans it.
      status = .partial
      reason = "changed"
      error = "the file changed while it was being scanned; it will be rescanned"
    }
    let existing = currentFileID
    currentFileID = nil
    try store.write { db in
      let id = try existing ?? insertFileRow(db, path: report.file.path)
      try insertFindings(db, fileID: id)
      try db.execute(
        sql: """
          UPDATE files SET size = ?, mtime_ns = ?, inode = ?, device = ?, sha256 = ?, format = ?,
            compression = ?, records = ?, bytes = ?, status = ?, reason = ?, error = ?,
            scan_offset = ?, decompressed_sha256 = ? WHERE id = ?
          """,
        arguments: [
          facts?.size, facts.map { Int64($0.modificationNanoseconds) },
          facts.map { Int64(bitPattern: $0.inode) }, facts.map { Int64(bitPattern: $0.device) },
          report.rawSHA256, report.format?.rawValue, report.compression?.rawValue, report.lines,
          report.bytes, status.rawValue, reason, error, offset, decompressed, id,
        ])
    }
    if reason == "changed" { totals.changedPaths.append(report.file.path) }
    switch status {
    case .scanned, .partial: totals.filesScanned += 1
    case .skipped: totals.filesSkipped += 1
    case .failed: totals.filesFailed += 1
    }
  }
}

/// Decompressed-stream digests by input index, shared by the consumers and the sink.
final class DigestTable: Sendable {
  let map = Mutex<[Int: String]>([:])
}

/// Hashes a file's decompressed stream as the pipeline hands it over.
// SAFETY: a consumer is used by one file's collector only, serially.
final class DecompressedDigestConsumer: ChunkConsumer, @unchecked Sendable {
  private let index: Int
  private let next: ChunkConsumer?
  private let digests: DigestTable
  private var hasher = SHA256()
  private var expectedOffset = 0
  private var complete = true

  init(index: Int, startOffset: Int, next: ChunkConsumer?, digests: DigestTable) {
    self.index = index
    self.next = next
    self.digests = digests
    self.expectedOffset = startOffset
    // A stream scanned from a resume point is not hashed whole.
    self.complete = startOffset == 0
  }

  func consume(_ bytes: UnsafeRawBufferPointer, streamOffset: Int, findings: [Finding]) throws {
    digest(bytes, streamOffset: streamOffset)
    try next?.consume(bytes, streamOffset: streamOffset, findings: findings)
  }

  /// The pipeline calls this one: the context must reach the next consumer, whose output may
  /// depend on it (a redacted copy's format and compression).
  func consume(
    _ bytes: UnsafeRawBufferPointer, streamOffset: Int, context: ChunkContext, findings: [Finding]
  ) throws {
    digest(bytes, streamOffset: streamOffset)
    try next?.consume(bytes, streamOffset: streamOffset, context: context, findings: findings)
  }

  private func digest(_ bytes: UnsafeRawBufferPointer, streamOffset: Int) {
    if streamOffset != expectedOffset { complete = false }
    hasher.update(bufferPointer: bytes)
    expectedOffset = streamOffset + bytes.count
  }

  func finish(_ report: inout FileReport) {
    if complete && report.error == nil && expectedOffset == report.bytes {
      let hex = hasher.finalize().hexString
      digests.map.withLock { $0[index] = hex }
    }
    next?.finish(&report)
  }
}
