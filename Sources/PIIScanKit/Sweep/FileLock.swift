#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive advisory lock (`flock(2)`) on `<catalog>.lock`, so that overlapping runs
/// (cron) never write one catalog at the same time.
///
/// The lock belongs to the open file description: it is released when ``release()`` is called,
/// when the value is deinitialized, or when the process dies (even by `SIGKILL`), so a killed
/// sweep never leaves a stale lock behind. A separate `.lock` file is used because SQLite
/// manages its own POSIX locks on the database file and closing any descriptor of that file
/// would drop them (sqlite.org/lockingv3.html, "How To Corrupt Your Database Files").
public final class FileLock {
  private var descriptor: Int32
  /// The lock file's path.
  public let path: String

  /// Why a lock could not be taken.
  public enum Failure: Error, Sendable, Equatable {
    /// Another process holds it (only with `wait: false`).
    case held
    /// The lock file could not be opened or locked; the `errno` text.
    case system(String)
  }

  /// Takes the lock on `path` (created with mode 0600 if missing). With `wait: false` it fails
  /// at once with ``Failure/held`` when another process holds it; with `wait: true` it blocks.
  public init(path: String, wait: Bool) throws(Failure) {
    self.path = path
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw .system(String(cString: strerror(errno))) }
    while flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
      let code = errno
      if code == EINTR { continue }
      close(fd)
      if code == EWOULDBLOCK { throw .held }
      throw .system(String(cString: strerror(code)))
    }
    descriptor = fd
  }

  /// The lock path for a catalog file.
  public static func path(forCatalog catalog: String) -> String { catalog + ".lock" }

  /// Releases the lock (idempotent).
  public func release() {
    guard descriptor >= 0 else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }
}
