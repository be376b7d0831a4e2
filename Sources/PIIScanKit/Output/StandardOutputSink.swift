#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Buffered writes to standard output, for `-` as an output path.
///
/// A closed reader (`EPIPE`) throws ``BrokenPipeError`` so the executable can stop quietly;
/// other failures throw ``ScanError`` `.writeFailed`. Both are sticky: later writes throw the
/// same error. ``finish()`` flushes but does not close standard output. Releasing the sink
/// flushes what is buffered, ignoring errors.
///
/// A class because it owns a buffer. Not `Sendable`: one writer at a time.
public final class StandardOutputSink: ByteSink {
  private let descriptor: Int32
  private let buffer: UnsafeMutableRawPointer
  private let bufferCapacity: Int
  private var buffered = 0
  private var failure: (any Error)?

  private static let bufferSize = 64 * 1024

  /// A sink writing to file descriptor 1.
  public convenience init() {
    self.init(fileDescriptor: STDOUT_FILENO)
  }

  /// A sink writing to an already open descriptor, which it does not close (tests use a pipe).
  package init(fileDescriptor: Int32) {
    self.descriptor = fileDescriptor
    self.buffer = .allocate(byteCount: Self.bufferSize, alignment: 16)
    self.bufferCapacity = Self.bufferSize
  }

  deinit {
    if failure == nil { try? flush() }
    buffer.deallocate()
  }

  /// Sets `SIGPIPE` to be ignored for the whole process, so that writing to a closed pipe
  /// returns `EPIPE` (and ``BrokenPipeError``) instead of killing the process. Call once, early,
  /// from the executable; a library should not change signal dispositions on its own.
  public static func ignoreBrokenPipeSignal() {
    signal(SIGPIPE, SIG_IGN)
  }

  /// Buffers `bytes`, writing when the buffer fills.
  public func write(_ bytes: UnsafeRawBufferPointer) throws {
    if let failure { throw failure }
    if buffered + bytes.count > bufferCapacity {
      try flush()
    }
    if bytes.count >= bufferCapacity {
      try writeAll(bytes)
    } else if let source = bytes.baseAddress {
      (buffer + buffered).copyMemory(from: source, byteCount: bytes.count)
      buffered += bytes.count
    }
  }

  /// Writes out everything buffered.
  public func finish() throws {
    if let failure { throw failure }
    try flush()
  }

  private func flush() throws {
    guard buffered > 0 else { return }
    let pending = UnsafeRawBufferPointer(start: buffer, count: buffered)
    buffered = 0
    try writeAll(pending)
  }

  private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
    guard var next = bytes.baseAddress else { return }
    var remaining = bytes.count
    while remaining > 0 {
      let n = systemWrite(descriptor, next, remaining)
      if n >= 0 {
        next += n
        remaining -= n
        continue
      }
      let code = currentErrno
      switch code {
      case EINTR:
        continue
      case EAGAIN, EWOULDBLOCK:
        var request = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        _ = poll(&request, 1, -1)
      case EPIPE:
        failure = BrokenPipeError()
        throw BrokenPipeError()
      default:
        let error = ScanError(
          .writeFailed, "cannot write to standard output: \(systemErrorText(code))",
          path: "-", cause: "write(2) errno \(code)")
        failure = error
        throw error
      }
    }
  }
}
