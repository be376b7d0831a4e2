#if canImport(Glibc)
  import Glibc
#endif

/// Where the fingerprint/pseudonym key comes from: `--key-file`, else `PIISCAN_KEY`, else a
/// random key for this run only.
public enum KeyResolver {
  /// The key file's bytes (one trailing `\n` or `\r\n` removed, so `echo secret > key` works),
  /// or the environment variable's UTF-8 bytes; nil when neither is set.
  public static func configuredKey(keyFile: String?) throws -> [UInt8]? {
    if let keyFile {
      var bytes = try FileSystem.readFile(keyFile, limit: 1 << 20)
      if bytes.last == 0x0A { bytes.removeLast() }
      if bytes.last == 0x0D { bytes.removeLast() }
      guard bytes.count >= 16 else {
        throw ScanError(
          .badUsage, "the key is shorter than 16 bytes; use e.g. `head -c 32 /dev/urandom | base64 > key`",
          path: keyFile)
      }
      return bytes
    }
    if let env = getenv("PIISCAN_KEY") {
      let bytes = Array(String(cString: env).utf8)
      guard bytes.count >= 16 else {
        throw ScanError(.badUsage, "PIISCAN_KEY is shorter than 16 bytes; use a longer random key")
      }
      return bytes
    }
    return nil
  }

  /// A fingerprinter from the configured key, or an ephemeral one.
  public static func fingerprinter(keyFile: String?) throws -> Fingerprinter {
    if let key = try configuredKey(keyFile: keyFile) { return Fingerprinter(key: key) }
    return .ephemeral()
  }
}
