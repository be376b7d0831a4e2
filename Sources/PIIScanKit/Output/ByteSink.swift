/// Something that consumes bytes: a file written atomically, standard output, or a compressor
/// wrapping another sink.
///
/// A sink may buffer; nothing is guaranteed to be stored until ``finish()`` returns. A sink
/// that wraps another finishes its own format (ends a zstd frame or gzip member) and then
/// finishes the wrapped sink. Writing after `finish()` is a programming error.
public protocol ByteSink {
  /// Takes all of `bytes` (the sink copies what it keeps). Throws ``ScanError`` `.writeFailed`
  /// (or ``BrokenPipeError`` for standard output) when the bytes cannot be written.
  mutating func write(_ bytes: UnsafeRawBufferPointer) throws
  /// Flushes everything and completes the output (for ``AtomicFileWriter``: commits it).
  mutating func finish() throws
}

/// Standard output's reader went away (`EPIPE`), e.g. `piiscan ... | head`.
///
/// Not a failure of the scan: the executable should stop writing and exit quietly, as ripgrep
/// does (`crates/core/main.rs`). The process only sees `EPIPE` if `SIGPIPE` is ignored; see
/// ``StandardOutputSink/ignoreBrokenPipeSignal()``.
public struct BrokenPipeError: Error, Sendable, CustomStringConvertible {
  /// Creates the error.
  public init() {}
  public var description: String { "standard output was closed by its reader (broken pipe)" }
}
