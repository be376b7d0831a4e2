#if canImport(Glibc)
  import Glibc
#endif

/// The few POSIX file-system calls the core needs, with errors as ``ScanError``.
public enum FileSystem {
  /// What a path is.
  public enum Kind: Sendable { case file, directory, other, missing }

  /// Metadata of a path (follows symlinks).
  public struct Status: Sendable, Equatable {
    public var kind: Kind
    public var size: Int
    public var modificationSeconds: Int
    public var modificationNanoseconds: Int
    public var inode: UInt64
    public var device: UInt64
    public var mode: UInt32
  }

  /// `stat(2)` of `path`; `.missing` when it does not exist.
  public static func status(_ path: String) -> Status {
    var st = stat()
    guard stat(path, &st) == 0 else {
      return Status(
        kind: .missing, size: 0, modificationSeconds: 0, modificationNanoseconds: 0, inode: 0,
        device: 0, mode: 0)
    }
    let type = st.st_mode & S_IFMT
    let kind: Kind = type == S_IFREG ? .file : type == S_IFDIR ? .directory : .other
    return Status(
      kind: kind, size: Int(st.st_size), modificationSeconds: Int(st.st_mtim.tv_sec),
      modificationNanoseconds: Int(st.st_mtim.tv_nsec), inode: UInt64(st.st_ino),
      device: UInt64(st.st_dev), mode: UInt32(st.st_mode & 0o7777))
  }

  /// The whole file. For small files only (pattern and policy files, keys).
  public static func readFile(_ path: String, limit: Int = 16 << 20) throws -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw ScanError(.unreadable, "cannot open: \(errnoText())", path: path)
    }
    defer { close(fd) }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw ScanError(.unreadable, "cannot read: \(errnoText())", path: path)
      }
      if n == 0 { break }
      out.append(contentsOf: buffer[0..<n])
      if out.count > limit {
        throw ScanError(.unreadable, "larger than \(limit) bytes; is this the right file?", path: path)
      }
    }
    return out
  }

  /// Names in a directory, sorted bytewise, without `.` and `..`.
  public static func listDirectory(_ path: String) throws -> [String] {
    guard let dir = opendir(path) else {
      throw ScanError(.unreadable, "cannot list directory: \(errnoText())", path: path)
    }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
        let p = raw.bindMemory(to: CChar.self)
        return String(cString: p.baseAddress!)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }

  /// `path` and `name` joined with one `/`.
  public static func join(_ path: String, _ name: String) -> String {
    path.hasSuffix("/") ? path + name : path + "/" + name
  }

  /// The text of the current `errno`.
  public static func errnoText() -> String {
    String(cString: strerror(errno))
  }
}
