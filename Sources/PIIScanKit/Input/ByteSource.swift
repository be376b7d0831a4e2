/// Something that produces bytes: a file, standard input, or a decompressor wrapping another
/// source.
///
/// Sources do not know about decompression or records: a decompressing source wraps another
/// `ByteSource`, and everything downstream sees plain bytes (STYLE.md §5).
public protocol ByteSource {
  /// Reads up to `buffer.count` bytes into `buffer` and returns how many were written; 0 means
  /// end of input. Throws ``ScanError`` for I/O failures and for corrupt or truncated
  /// compressed data (at the call that reaches the fault, after every good byte was returned).
  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}
