internal import Crypto

/// Keyed fingerprints: HMAC-SHA256 of a normalized value under the run's key.
///
/// The same value gives the same fingerprint across files and runs under one key, and values
/// cannot be recovered or linked across keys. The key never leaves this type; ``keyID`` (a
/// SHA-256 of the key, truncated) is what catalogs and manifests may record.
///
/// HMAC (RFC 2104) is `SHA256((K ^ opad) || SHA256((K ^ ipad) || value))`. The two hash states
/// after the 64-byte padded keys are computed once here, and each fingerprint copies them: a
/// fingerprint runs per finding, and swift-crypto's generic `HMAC<SHA256>` is not specialized
/// across the module boundary (its per-call generic dispatch cost more than its two SHA-256
/// blocks). Tests compare every fingerprint with `HMAC<SHA256>`.
// SAFETY: `SHA256` is a value type; `fingerprint` copies the stored states before updating,
// and nothing mutates them after `init`.
public struct Fingerprinter: @unchecked Sendable {
  private let inner: SHA256
  private let outer: SHA256
  /// 16 hex characters identifying the key without revealing it.
  public let keyID: String
  /// True when the key was generated for this run only (no `--key-file` or `PIISCAN_KEY`).
  public let isEphemeral: Bool

  /// A fingerprinter keyed with `key` (raw bytes).
  public init(key: [UInt8], isEphemeral: Bool = false) {
    // A key longer than the block is hashed first; a shorter one is padded with zeros.
    var block = key.count > 64 ? Array(SHA256.hash(data: key)) : key
    block += [UInt8](repeating: 0, count: 64 - block.count)
    var inner = SHA256()
    inner.update(data: block.map { $0 ^ 0x36 })
    var outer = SHA256()
    outer.update(data: block.map { $0 ^ 0x5C })
    self.inner = inner
    self.outer = outer
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

  /// HMAC-SHA256 of `value`.
  public func fingerprint(_ value: [UInt8]) -> Fingerprint {
    var h = inner
    value.withUnsafeBytes { h.update(bufferPointer: $0) }
    var o = outer
    h.finalize().withUnsafeBytes { o.update(bufferPointer: $0) }
    return o.finalize().withUnsafeBytes { Fingerprint(bytes: $0) }
  }
}
