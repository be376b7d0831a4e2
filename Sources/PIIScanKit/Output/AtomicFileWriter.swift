#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file so that its final name only ever holds a complete file: bytes go to a
/// temporary file next to it, and ``commit()`` renames that over the final name.
///
/// The temporary file is `.<name>.piiscan-<16 hex digits>.tmp` in the destination's directory
/// (the same file system, so `rename(2)` is atomic), created with `O_EXCL` and mode 0600 so
/// partial PII-bearing output is private. ``commit()`` flushes, sets the requested mode
/// (exactly, `fchmod(2)`, not filtered by the umask), `fsync`s the file, renames it over the
/// final name and `fsync`s the directory so the rename survives a crash. ``abort()``, or
/// releasing the writer without committing, unlinks the temporary file; an existing file
/// under the final name is then left untouched.
///
/// ```swift
/// let writer = try AtomicFileWriter(path: "out/app.log.redacted", mode: 0o640)
/// try writer.write(bytes)
/// try writer.commit()          // or writer.abort(), or just drop it
/// ```
///
/// A class because it owns a descriptor and a temporary file. Not `Sendable`.
public final class AtomicFileWriter: ByteSink {
  private enum State { case open, committed, aborted }

  /// The final path, as given.
  public let path: String
  /// The temporary file's path while writing.
  public let temporaryPath: String
  /// The permission bits the committed file gets.
  public let mode: mode_t
  /// Bytes accepted by ``write(_:)`` so far.
  public private(set) var bytesWritten = 0

  private var descriptor: Int32
  private var state = State.open
  private let buffer: UnsafeMutableRawPointer
  private let bufferCapacity: Int
  private var buffered = 0

  private static let bufferSize = 128 * 1024

  /// Creates the temporary file for `path`. The committed file gets exactly `mode`; the
  /// default, 0600, keeps output private unless the caller decides otherwise (for instance by
  /// passing the input file's mode).
  ///
  /// Throws ``ScanError`` `.writeFailed` if the directory does not exist or is not writable, or
  /// if `path` ends in `/`.
  public init(path: String, mode: mode_t = 0o600) throws(ScanError) {
    let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
    let directory = slash.map { String(path[..<$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard !name.isEmpty else {
      throw ScanError(
        .writeFailed, "the output path names a directory; give a file name", path: path)
    }
    let prefix = (slash == nil ? "" : (directory.isEmpty ? "/" : directory + "/")) + "." + name
    var attempt = 0
    while true {
      let candidate = prefix + ".piiscan-" + Self.randomHex() + ".tmp"
      let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      if fd >= 0 {
        self.temporaryPath = candidate
        self.descriptor = fd
        break
      }
      let code = currentErrno
      attempt += 1
      if (code == EEXIST && attempt < 16) || code == EINTR { continue }
      throw ScanError(
        .writeFailed,
        "cannot create a temporary file next to the output: \(systemErrorText(code)); "
          + "check that the directory exists and is writable",
        path: path, cause: "open(2) errno \(code)")
    }
    self.path = path
    self.mode = mode
    self.buffer = .allocate(byteCount: Self.bufferSize, alignment: 16)
    self.bufferCapacity = Self.bufferSize
  }

  deinit {
    abort()
    buffer.deallocate()
  }

  /// Buffers `bytes`, writing to the temporary file when the buffer fills.
  public func write(_ bytes: UnsafeRawBufferPointer) throws(ScanError) {
    precondition(state == .open, "AtomicFileWriter: write after commit() or abort()")
    if buffered + bytes.count > bufferCapacity {
      try flush()
    }
    if bytes.count >= bufferCapacity {
      try writeAll(bytes)
    } else if let source = bytes.baseAddress {
      (buffer + buffered).copyMemory(from: source, byteCount: bytes.count)
      buffered += bytes.count
    }
    bytesWritten += bytes.count
  }

  /// Same as ``commit()``.
  public func finish() throws(ScanError) { try commit() }

  /// Makes the file appear under its final name, complete and durable (see the type's
  /// documentation). On failure before the rename the temporary file is removed and nothing
  /// changes under the final name.
  public func commit() throws(ScanError) {
    try commit(renamingTo: nil)
  }

  /// Like ``commit()``, but renames the finished file to `destination` (in the same directory
  /// as ``path``, so the rename stays atomic) instead of ``path``; nil means ``path``. Redaction
  /// uses it to keep an incomplete copy under a name marking it partial.
  public func commit(renamingTo destination: String?) throws(ScanError) {
    precondition(state == .open, "AtomicFileWriter: commit() after commit() or abort()")
    let path = destination ?? self.path
    do {
      try flush()
      try check(fchmod(descriptor, mode), "cannot set the file mode", call: "fchmod")
      try check(fsync(descriptor), "cannot flush the file to disk", call: "fsync")
      let fd = descriptor
      descriptor = -1
      try check(close(fd), "cannot close the file", call: "close")
      try check(
        rename(temporaryPath, path), "cannot rename the finished file into place",
        call: "rename")
    } catch {
      abort()
      throw error
    }
    state = .committed
    try syncDirectory(of: path)
  }

  /// Discards the output: closes and unlinks the temporary file. Safe to call more than once,
  /// and does nothing after ``commit()``.
  public func abort() {
    guard state == .open else { return }
    state = .aborted
    if descriptor >= 0 {
      close(descriptor)
      descriptor = -1
    }
    unlink(temporaryPath)
  }

  /// Writes buffered bytes to the temporary file (not committed, not synced), so that the
  /// file can be read back, e.g. to verify it, before ``commit()``.
  public func flush() throws(ScanError) {
    precondition(state == .open, "AtomicFileWriter: flush() after commit() or abort()")
    guard buffered > 0 else { return }
    let pending = UnsafeRawBufferPointer(start: buffer, count: buffered)
    buffered = 0
    try writeAll(pending)
  }

  private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(ScanError) {
    guard var next = bytes.baseAddress else { return }
    var remaining = bytes.count
    while remaining > 0 {
      let n = systemWrite(descriptor, next, remaining)
      if n < 0 {
        let code = currentErrno
        if code == EINTR { continue }
        throw failure("cannot write", code: code, call: "write")
      }
      next += n
      remaining -= n
    }
  }

  /// Makes the rename durable (`fsync(2)` on the directory, as POSIX leaves directory entries
  /// to the directory's own sync). File systems that cannot sync a directory (`EINVAL`) are
  /// accepted: the rename is still atomic there.
  private func syncDirectory(of path: String) throws(ScanError) {
    let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
    let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else {
      throw failure(
        "written, but cannot open its directory to sync it", code: currentErrno,
        call: "open")
    }
    defer { close(fd) }
    if fsync(fd) != 0 && currentErrno != EINVAL {
      throw failure("written, but cannot sync its directory", code: currentErrno, call: "fsync")
    }
  }

  private func check(_ result: Int32, _ what: String, call: String) throws(ScanError) {
    if result != 0 { throw failure(what, code: currentErrno, call: call) }
  }

  private func failure(_ what: String, code: Int32, call: String) -> ScanError {
    let advice: String
    switch code {
    case ENOSPC: advice = "free disk space and retry"
    case EDQUOT: advice = "the disk quota is exhausted; free space and retry"
    case EACCES, EPERM: advice = "check the output directory's permissions"
    case EISDIR: advice = "the output path is a directory; give a file name"
    case EROFS: advice = "the file system is read-only; choose another output directory"
    default: advice = "check the output location"
    }
    return ScanError(
      .writeFailed, "\(what): \(systemErrorText(code)); \(advice)", path: path,
      cause: "\(call)(2) errno \(code)")
  }

  private static func randomHex() -> String {
    let value = UInt64.random(in: .min ... .max)  // SystemRandomNumberGenerator: getrandom(2)
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
