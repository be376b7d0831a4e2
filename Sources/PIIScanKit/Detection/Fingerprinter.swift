internal import Crypto

/// Keyed fingerprints: hex HMAC-SHA256 of a normalized value under the run's key.
///
/// The same value gives the same fingerprint across files and runs under one key, and values
/// cannot be recovered or linked across keys. The key never leaves this type; ``keyID`` (a
/// SHA-256 of the key, truncated) is what catalogs and manifests may record.
// SAFETY: `HMAC<SHA256>` is a value type (keyed inner/outer hash state); `fingerprint` copies
// it before updating, and nothing mutates the stored copy after `init`.
public struct Fingerprinter: @unchecked Sendable {
  private let hmac: HMAC<SHA256>
  /// 16 hex characters identifying the key without revealing it.
  public let keyID: String
  /// True when the key was generated for this run only (no `--key-file` or `PIISCAN_KEY`).
  public let isEphemeral: Bool

  /// A fingerprinter keyed with `key` (raw bytes).
  public init(key: [UInt8], isEphemeral: Bool = false) {
    let symmetric = SymmetricKey(data: key)
    hmac = HMAC<SHA256>(key: symmetric)
    let id = SHA256.hash(data: Array("piiscan-key-id:".utf8) + key).hexString
    keyID = String(id.prefix(16))
    self.isEphemeral = isEphemeral
  }

  /// A fingerprinter with 32 random bytes from the system generator.
  public static func ephemeral() -> Fingerprinter {
    var rng = SystemRandomNumberGenerator()
    let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
    return Fingerprinter(key: key, isEphemeral: true)
  }

  /// Hex HMAC-SHA256 of `value`.
  public func fingerprint(_ value: [UInt8]) -> String {
    var h = hmac
    h.update(data: value)
    return h.finalize().withUnsafeBytes { $0.hexString }
  }
}
