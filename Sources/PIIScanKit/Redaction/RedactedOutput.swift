#if canImport(Glibc)
  import Glibc
#endif

/// The sink chain of one redacted copy: an optional compressor over a file written atomically
/// (or over standard output or a device), keeping a handle on the file so the copy can be
/// verified before it is committed, committed under another name, or discarded.
final class RedactedOutput {
  /// The chain's top: write redacted plain bytes here.
  private var top: AnySink
  /// The atomic file under the chain, when the destination is a regular file.
  let file: AtomicFileWriter?
  /// Hashes the bytes written to the destination (after compression), when asked for.
  private let digest: DigestingSink?
  private var isClosed = false

  /// Lowercase hex SHA-256 of the bytes written to the destination (compressed, as stored);
  /// set once the output is closed, and only when `digests` was true.
  var sha256Hex: String? { digest?.sha256Hex }

  /// Opens `target` for an input compressed as `inputCompression`. `workers` is zstd's
  /// `ZSTD_c_nbWorkers`: always at least 1, because zstd's multithreaded format is identical
  /// for every worker count (but differs from single-threaded mode), so copies stay
  /// byte-identical whatever `--threads` is. `digests` hashes the stored bytes as they are
  /// written (for lineage), so the copy need not be read back.
  init(target: RedactionTarget, inputCompression: Compression, workers: Int, digests: Bool = false)
    throws
  {
    var base: AnySink
    let status = target.path == "-" ? nil : FileSystem.status(target.path)
    if target.path == "-" || status?.kind == .other {
      base = AnySink(try OutputFile.open(target.path, mode: target.mode))
      file = nil
    } else {
      let writer = try AtomicFileWriter(path: target.path, mode: target.mode)
      base = AnySink(UncommittedFile(writer: writer))
      file = writer
    }
    if digests {
      let hashing = DigestingSink(base)
      digest = hashing
      base = AnySink(hashing)
    } else {
      digest = nil
    }
    switch target.compression ?? inputCompression {
    case .none: top = base
    case .zstd:
      top = AnySink(
        try ZstdSink(
          base, level: target.level ?? RedactionTarget.defaultZstdLevel, workers: max(1, workers)))
    case .gzip:
      top = AnySink(try GzipSink(base, level: target.level ?? RedactionTarget.defaultGzipLevel))
    }
  }

  /// Small writes (the runs between findings, the replacements) are gathered here and passed
  /// down in large blocks: a compressor call per finding would cost more than the redaction.
  private let staging = UnsafeMutableRawBufferPointer.allocate(
    byteCount: RedactedOutput.stagingSize, alignment: 16)
  private var staged = 0
  private static let stagingSize = 256 * 1024

  deinit { staging.deallocate() }

  func write(_ bytes: UnsafeRawBufferPointer) throws {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    if staged + bytes.count > staging.count { try flushStaging() }
    if bytes.count >= staging.count {
      try top.write(bytes)
      return
    }
    (staging.baseAddress! + staged).copyMemory(from: source, byteCount: bytes.count)  // allocated above
    staged += bytes.count
  }

  private func flushStaging() throws {
    guard staged > 0 else { return }
    let pending = UnsafeRawBufferPointer(rebasing: staging[0..<staged])
    staged = 0
    try top.write(pending)
  }

  func write(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try write($0) }
  }

  /// Ends the compressed stream and flushes everything to the temporary file (or the
  /// destination); nothing is committed yet.
  func close() throws {
    guard !isClosed else { return }
    isClosed = true
    try flushStaging()
    try top.finish()
  }

  /// Makes the copy appear under `path` (the target's path unless given).
  func commit(as path: String? = nil) throws {
    try close()
    try file?.commit(renamingTo: path)
  }

  /// Discards the copy (the temporary file; bytes already sent to a stream cannot be taken back).
  func abort() {
    file?.abort()
  }
}

/// A type-erased ``ByteSink`` (an existential does not conform to its protocol, so the generic
/// compressors cannot wrap `any ByteSink` directly).
struct AnySink: ByteSink {
  var base: any ByteSink
  init(_ base: any ByteSink) { self.base = base }
  mutating func write(_ bytes: UnsafeRawBufferPointer) throws { try base.write(bytes) }
  mutating func finish() throws { try base.finish() }
}

/// An ``AtomicFileWriter`` whose `finish()` only flushes, so that the compressor above it can
/// end its stream while the commit waits for verification.
struct UncommittedFile: ByteSink {
  let writer: AtomicFileWriter
  func write(_ bytes: UnsafeRawBufferPointer) throws { try writer.write(bytes) }
  func finish() throws { try writer.flush() }
}
