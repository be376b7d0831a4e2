/// Ed25519 key files for manifest signing: PEM as OpenSSL writes them (RFC 8410, RFC 7468),
/// or one line of base64 holding the raw 32-byte key.
///
/// ```text
/// -----BEGIN PRIVATE KEY-----                       PKCS#8: 30 2e 02 01 00 30 05 06 03 2b 65 70
/// MC4CAQAwBQYDK2VwBCIEI...                                  04 22 04 20 || 32-byte seed
/// -----END PRIVATE KEY-----
/// -----BEGIN PUBLIC KEY-----                        SPKI:   30 2a 30 05 06 03 2b 65 70 03 21 00
/// MCowBQYDK2VwAyEA...                                       || 32-byte public key
/// -----END PUBLIC KEY-----
/// ```
///
/// Only these fixed DER layouts are accepted (an Ed25519 key has no parameters), so no general
/// ASN.1 parser is needed.
public enum SigningKeyFile {
  /// DER prefix of an Ed25519 PKCS#8 `OneAsymmetricKey` v1 (RFC 8410 §7).
  static let privatePrefix: [UInt8] = [
    0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
  ]
  /// DER prefix of an Ed25519 `SubjectPublicKeyInfo` (RFC 8410 §4).
  static let publicPrefix: [UInt8] = [
    0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00,
  ]

  /// The private key file for a 32-byte seed.
  public static func privateKeyPEM(seed: [UInt8]) -> [UInt8] {
    pem(label: "PRIVATE KEY", der: privatePrefix + seed)
  }

  /// The public key file for a 32-byte public key.
  public static func publicKeyPEM(_ key: [UInt8]) -> [UInt8] {
    pem(label: "PUBLIC KEY", der: publicPrefix + key)
  }

  /// The 32-byte seed in a private key file.
  public static func parsePrivateKey(_ file: [UInt8]) throws(ScanError) -> [UInt8] {
    try parse(file, label: "PRIVATE KEY", prefix: privatePrefix, what: "an Ed25519 private key")
  }

  /// The 32-byte key in a public key file.
  public static func parsePublicKey(_ file: [UInt8]) throws(ScanError) -> [UInt8] {
    try parse(file, label: "PUBLIC KEY", prefix: publicPrefix, what: "an Ed25519 public key")
  }

  /// The 32-byte key in the public key file at `path`; errors name the path.
  public static func loadPublicKey(_ path: String) throws(ScanError) -> [UInt8] {
    let bytes = try readLineageFile(path, limit: 64 << 10)
    do throws(ScanError) {
      return try parsePublicKey(bytes)
    } catch {
      throw ScanError(error.code, error.message, path: path)
    }
  }

  private static func pem(label: String, der: [UInt8]) -> [UInt8] {
    Array("-----BEGIN \(label)-----\n\(Base64.encode(der))\n-----END \(label)-----\n".utf8)
  }

  private static func parse(_ file: [UInt8], label: String, prefix: [UInt8], what: String)
    throws(ScanError) -> [UInt8]
  {
    let lines = file.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D })
      .map { Array($0).trimmingASCIISpaces() }
      .filter { !$0.isEmpty }
    let begin = Array("-----BEGIN \(label)-----".utf8)
    let end = Array("-----END \(label)-----".utf8)
    let failure = ScanError(
      .badUsage,
      "not \(what): expected a PEM '\(label)' block (from `piiscan lineage keygen` or OpenSSL) or one line of base64 holding the 32 raw key bytes"
    )
    if lines.count == 1, let raw = Base64.decode(lines[0]), raw.count == 32 {
      return raw
    }
    guard let first = lines.firstIndex(of: begin), let last = lines.firstIndex(of: end),
      first < last,
      let der = Base64.decode(lines[(first + 1)..<last].joined()),
      der.count == prefix.count + 32, Array(der.prefix(prefix.count)) == prefix
    else { throw failure }
    return Array(der.suffix(32))
  }
}

extension Array where Element == UInt8 {
  fileprivate func trimmingASCIISpaces() -> [UInt8] {
    var s = self[...]
    while let b = s.first, b == 0x20 || b == 0x09 { s.removeFirst() }
    while let b = s.last, b == 0x20 || b == 0x09 { s.removeLast() }
    return Array(s)
  }
}
