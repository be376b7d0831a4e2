#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Raw bytes from a file or from standard input, through POSIX `open(2)` and `read(2)`.
///
/// `read` retries on `EINTR` and waits (`poll`) when standard input is non-blocking and has no
/// data yet (`EAGAIN`). A failed read throws ``ScanError`` with code `.unreadable`. The file is
/// closed when the source is released; standard input is never closed.
///
/// ```swift
/// var source = try FileSource(path: "logs/app.log")
/// let n = try source.read(into: buffer)   // 0 at end of file
/// ```
///
/// A class because it owns a file descriptor. Not `Sendable`: one reader per input.
public final class FileSource: ByteSource {
  /// The path as given, or `"-"` for standard input; used in error messages.
  public let path: String
  /// The total number of bytes returned by ``read(into:)`` so far.
  public private(set) var bytesRead = 0

  private let descriptor: Int32
  private let ownsDescriptor: Bool

  /// Opens `path` for reading (`open(2)` with `O_RDONLY | O_CLOEXEC`).
  ///
  /// Throws ``ScanError`` `.unreadable` naming the path, with `strerror`'s text and advice,
  /// when the file cannot be opened or is a directory.
  public init(path: String) throws(ScanError) {
    var fd: Int32
    repeat {
      fd = open(path, O_RDONLY | O_CLOEXEC)
    } while fd < 0 && currentErrno == EINTR
    guard fd >= 0 else {
      let code = currentErrno
      throw ScanError(
        .unreadable, "cannot open: \(systemErrorText(code)); \(Self.advice(for: code))",
        path: path, cause: "open(2) errno \(code)")
    }
    var info = stat()
    if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
      close(fd)
      throw ScanError(
        .unreadable, "is a directory; pass the files inside it instead", path: path)
    }
    self.path = path
    self.descriptor = fd
    self.ownsDescriptor = true
  }

  private init(standardInputPath: String) {
    self.path = standardInputPath
    self.descriptor = STDIN_FILENO
    self.ownsDescriptor = false
  }

  /// A source reading the process's standard input (file descriptor 0), with path `"-"`.
  /// Releasing it does not close standard input.
  public static func standardInput() -> FileSource {
    FileSource(standardInputPath: "-")
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// Reads up to `buffer.count` bytes (`read(2)`); 0 means end of file.
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScanError) -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      let n = systemRead(descriptor, base, buffer.count)
      if n >= 0 {
        bytesRead += n
        return n
      }
      let code = currentErrno
      switch code {
      case EINTR:
        continue
      case EAGAIN, EWOULDBLOCK:
        // A non-blocking descriptor (e.g. an inherited pipe): wait until readable.
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&request, 1, -1)
        continue
      default:
        throw ScanError(
          .unreadable,
          "read failed after \(bytesRead) bytes: \(systemErrorText(code)); "
            + "check the device or re-copy the file",
          path: path, cause: "read(2) errno \(code)")
      }
    }
  }

  private static func advice(for code: Int32) -> String {
    switch code {
    case ENOENT, ENOTDIR: return "check the path"
    case EACCES, EPERM: return "check the file's permissions"
    case EMFILE, ENFILE:
      return "too many open files; raise the limit (ulimit -n) or scan fewer at once"
    case ELOOP: return "the path has a symbolic-link loop"
    default: return "check that the path names a readable file"
    }
  }
}
