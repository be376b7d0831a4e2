internal import Crypto

#if canImport(Glibc)
  import Glibc
#endif

/// Decides, per candidate file under a sweep's roots, whether to scan it, resume it or skip it,
/// by comparing it with its last state in the catalog.
///
/// In this order, for each regular file (directories walked like `scan`: bytewise name order,
/// symlinks followed, loops and unreadable directories reported and skipped):
///
/// 1. `--include`/`--exclude` globs (`fnmatch(3)`; a pattern without `/` matches the file name,
///    one with `/` the whole path, `*` crossing `/`);
/// 2. **unchanged**: same size, mtime (ns) and inode as its last complete row, under the same
///    detector-set hash → skipped without reading;
/// 3. **append-only**: a plain (uncompressed) text or JSON Lines file that grew, whose first
///    `previous size` bytes hash to the previous SHA-256 and end with `\n` → scanned from the
///    previous end with line numbers continuing. Compressed files are rescanned whole (their
///    stream cannot be resumed mid-frame), and so are CSV files (the header is needed);
/// 4. **content seen**: its decompressed SHA-256 was already scanned under the same detector
///    set (a rotated `app.log.1` that became `app.log.2.gz`, a renamed file) → recorded as seen,
///    not rescanned. This costs one read of the file, done only when some scanned content could
///    match (for a plain file: one of the same size);
/// 5. otherwise scanned from the start.
///
/// `full` disables 2–4; `resumesAppends` false disables 3 and `skipsSeenContent` false disables
/// 4 (`sweep --out-dir` turns both off, so that every file it reads gets a whole redacted copy
/// under its own name). A different detector set never matches, so it rescans everything.
public struct SweepPlanner {
  /// Directories (or files) to walk.
  public var roots: [String]
  /// Globs a file must match one of (empty: every file).
  public var include: [String] = []
  /// Globs that exclude a file.
  public var exclude: [String] = []
  /// Rescan everything (no unchanged, append-only or seen decisions).
  public var full = false
  /// Scan a grown plain file from where the last sweep stopped (rule 3); false scans it whole.
  public var resumesAppends = true
  /// Record a file whose content was already scanned as seen (rule 4); false scans it.
  public var skipsSeenContent = true
  /// Scan a file that rule 2 would skip as unchanged when this returns true for its path
  /// (`sweep --out-dir`: its redacted copy is missing).
  public var rescansUnchanged: (@Sendable (String) -> Bool)? = nil
  /// The run's ``DetectorSet/hash``; earlier scans count only under the same hash.
  public let detectorSetHash: String

  /// A planner for `roots` under the detector set with this hash.
  public init(roots: [String], detectorSetHash: String) {
    self.roots = roots
    self.detectorSetHash = detectorSetHash
  }

  /// One file to scan, with what is known before reading it.
  public struct Candidate: Sendable {
    /// The path to scan.
    public var path: String
    /// `stat` facts taken while planning.
    public var facts: FileFacts
    /// Decompressed offset and line count to resume from (0, 0: from the start).
    public var startOffset = 0
    /// Lines before `startOffset`.
    public var lineBase = 0
  }

  /// What the sweep will do.
  public struct Plan: Sendable {
    /// Files to scan, in walk order.
    public var scan: [Candidate] = []
    /// Files not read again: unchanged or already seen.
    public var skipped: [SkippedFile] = []
    /// Paths under the roots that the catalog knew and that no longer exist.
    public var deleted: [SkippedFile] = []
    /// Unreadable directories, symlink loops, files that vanished while planning.
    public var problems: [ScanError] = []
  }

  /// Walks the roots and plans every file against `store`.
  public func plan(store: CatalogStore) throws -> Plan {
    var plan = Plan()
    var problems: [ScanError] = []
    let files = InputExpander.expand(roots) { problems.append($0) }
    plan.problems = problems
    var seenPaths: Set<String> = []
    let anyContent =
      try !full && skipsSeenContent && store.hasScannedContent(detectorSetHash: detectorSetHash)
    for file in files where isSelected(file.path) {
      seenPaths.insert(file.path)
      guard let facts = FileFacts.of(file.path) else {
        plan.problems.append(
          ScanError(
            .unreadable, "vanished or not a regular file while planning; skipped", path: file.path))
        continue
      }
      var candidate = Candidate(path: file.path, facts: facts)
      let previous = try store.lastState(path: file.path)
      // A file skipped as binary is not read again while it stays the same either.
      if !full, let previous, previous.isComplete || previous.reason == "binary",
        previous.detectorSetHash == detectorSetHash
      {
        if previous.size == facts.size
          && previous.modificationNanoseconds == facts.modificationNanoseconds
          && previous.inode == facts.inode && rescansUnchanged?(file.path) != true
        {
          var skip = SkippedFile(path: file.path, reason: .unchanged, facts: facts)
          skip.inherit(from: previous)
          plan.skipped.append(skip)
          continue
        }
        if resumesAppends,
          let resume = appendOnlyResume(file.path, facts: facts, previous: previous)
        {
          candidate.startOffset = resume.offset
          candidate.lineBase = resume.lines
          plan.scan.append(candidate)
          continue
        }
      }
      if anyContent, let seen = try contentSeen(file.path, facts: facts, store: store) {
        plan.skipped.append(seen)
        continue
      }
      plan.scan.append(candidate)
    }
    for known in try store.knownPaths(under: roots) where !seenPaths.contains(known.path) {
      if FileFacts.of(known.path) == nil {
        plan.deleted.append(SkippedFile(path: known.path, reason: .deleted, facts: nil))
      }
    }
    return plan
  }

  /// Whether `path` passes the include and exclude globs.
  public func isSelected(_ path: String) -> Bool {
    if !include.isEmpty && !include.contains(where: { Self.matches($0, path) }) { return false }
    return !exclude.contains { Self.matches($0, path) }
  }

  /// `fnmatch(3)` of `pattern` against the file name (pattern without `/`) or the whole path.
  static func matches(_ pattern: String, _ path: String) -> Bool {
    let subject: String
    if pattern.contains("/") {
      subject = path
    } else {
      subject =
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }
    return fnmatch(pattern, subject, 0) == 0
  }

  private func appendOnlyResume(_ path: String, facts: FileFacts, previous: CatalogFileState)
    -> (offset: Int, lines: Int)?
  {
    guard previous.compression == Compression.none.rawValue,
      previous.format == InputFormat.text.rawValue || previous.format == InputFormat.jsonl.rawValue,
      let size = previous.size, size > 0, facts.size > size, previous.bytes == size,
      let expected = previous.sha256
    else { return nil }
    guard let prefix = try? PrefixDigest.compute(path: path, length: size),
      prefix.digest == expected, prefix.lastByte == 0x0A
    else { return nil }
    return (size, previous.records)
  }

  private func contentSeen(_ path: String, facts: FileFacts, store: CatalogStore) throws
    -> SkippedFile?
  {
    // A plain file's decompressed size is its size: only hash when some scanned content has it.
    var probe: FileFacts.ContentDigest
    do {
      let compression = try PrefixDigest.compression(path: path)
      if compression == Compression.none,
        try !store.hasScannedContent(detectorSetHash: detectorSetHash, bytes: facts.size)
      {
        return nil
      }
      probe = try FileFacts.ContentDigest.compute(path: path)
    } catch {
      return nil  // unreadable: let the scan report it
    }
    guard
      let match = try store.scannedContent(
        decompressedSHA256: probe.decompressedSHA256, detectorSetHash: detectorSetHash)
    else { return nil }
    var seen = SkippedFile(path: path, reason: .seen, facts: facts)
    seen.sha256 = probe.rawSHA256
    seen.decompressedSHA256 = probe.decompressedSHA256
    seen.compression = probe.compression.rawValue
    seen.format = match.format
    seen.records = match.records
    seen.bytes = probe.bytes
    seen.seenFileID = match.seenFileID ?? match.fileID
    return seen
  }
}

extension SkippedFile {
  /// Copies the content description of the row this file is unchanged from.
  mutating func inherit(from previous: CatalogFileState) {
    sha256 = previous.sha256
    decompressedSHA256 = previous.decompressedSHA256
    format = previous.format
    compression = previous.compression
    records = previous.records
    bytes = previous.bytes
    seenFileID = previous.seenFileID
  }
}

extension FileFacts {
  /// Raw and decompressed SHA-256 of a whole file, read once without scanning.
  struct ContentDigest {
    var rawSHA256: String
    var decompressedSHA256: String
    var compression: Compression
    var bytes: Int

    static func compute(path: String) throws -> ContentDigest {
      var input = try openInput(path)
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
      defer { buffer.deallocate() }
      var hasher = SHA256()
      var bytes = 0
      while true {
        let n = try input.source.read(into: buffer)
        if n == 0 { break }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        bytes += n
      }
      guard let raw = input.rawDigest() else {
        throw ScanError(.unreadable, "could not hash the raw bytes", path: path)
      }
      return ContentDigest(
        rawSHA256: raw, decompressedSHA256: hasher.finalize().hexString,
        compression: input.compression, bytes: bytes)
    }
  }
}

/// SHA-256 of a file's first bytes, for the append-only check.
enum PrefixDigest {
  static func compute(path: String, length: Int) throws -> (digest: String, lastByte: UInt8) {
    let source = try FileSource(path: path)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { buffer.deallocate() }
    var hasher = SHA256()
    var remaining = length
    var last: UInt8 = 0
    while remaining > 0 {
      let n = try source.read(
        into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(buffer.count, remaining)]))
      if n == 0 { throw ScanError(.unreadable, "shorter than expected", path: path) }
      hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
      last = buffer[n - 1]
      remaining -= n
    }
    return (hasher.finalize().hexString, last)
  }

  /// The compression sniffed from the first bytes.
  static func compression(path: String) throws -> Compression {
    try openInput(path).compression
  }
}
