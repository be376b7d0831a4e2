/// How an input's bytes are compressed, decided from its first bytes, never from its name.
public enum Compression: String, Sendable, CaseIterable {
  /// Plain bytes.
  case none
  /// gzip (RFC 1952), possibly several members.
  case gzip
  /// Zstandard (RFC 8878), possibly several frames.
  case zstd

  /// The number of leading bytes ``sniff(_:)`` needs to decide.
  public static let sniffLength = 4

  /// Identifies the compression from the input's first bytes (at least ``sniffLength`` when
  /// the input is that long; shorter prefixes are plain data unless they already match gzip).
  ///
  /// - zstd: frame magic `28 B5 2F FD` (RFC 8878 §3.1.1), or a skippable frame magic
  ///   `0x184D2A50`…`0x184D2A5F`, little-endian `5? 2A 4D 18` (RFC 8878 §3.1.2), which
  ///   `zstd -dc` accepts at the start of a stream.
  /// - gzip: `1F 8B` (RFC 1952 §2.3.1).
  public static func sniff(_ prefix: UnsafeRawBufferPointer) -> Compression {
    if prefix.count >= 2 && prefix[0] == 0x1F && prefix[1] == 0x8B { return .gzip }
    guard prefix.count >= 4 else { return .none }
    if prefix[0] == 0x28 && prefix[1] == 0xB5 && prefix[2] == 0x2F && prefix[3] == 0xFD {
      return .zstd
    }
    if prefix[0] & 0xF0 == 0x50 && prefix[1] == 0x2A && prefix[2] == 0x4D && prefix[3] == 0x18 {
      return .zstd
    }
    return .none
  }
}
