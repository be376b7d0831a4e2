#if canImport(Glibc)
  import Glibc
#endif

/// Opens an output path the way every command does.
///
/// - `-`: standard output.
/// - an existing device or FIFO (`/dev/null`, `/dev/stdout`, a named pipe): written in place —
///   renaming a temporary file over it would replace the device node.
/// - anything else: an ``AtomicFileWriter`` (temporary file, fsync, rename on `finish()`), so
///   an interrupted run never leaves a partial file under the final name.
public enum OutputFile {
  public static func open(_ path: String, mode: mode_t = 0o600) throws -> any ByteSink {
    if path == "-" { return StandardOutputSink() }
    let status = FileSystem.status(path)
    if status.kind == .other {
      let fd = Glibc.open(path, O_WRONLY | O_CLOEXEC)
      guard fd >= 0 else {
        throw ScanError(.writeFailed, "cannot open for writing: \(FileSystem.errnoText())", path: path)
      }
      // The descriptor stays open for the life of the process (one per output path).
      return StandardOutputSink(fileDescriptor: fd)
    }
    return try AtomicFileWriter(path: path, mode: mode)
  }
}
