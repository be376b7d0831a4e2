internal import Crypto

/// Signs lineage manifests with Ed25519 (RFC 8032, swift-crypto's `Curve25519.Signing`).
///
/// The signature covers ``LineageManifest/canonicalBytes()``: the manifest as piiscan writes
/// it, without the `signature` member. It is stored as the manifest's last member:
///
/// ```json
/// "signature": {
///   "algorithm": "ed25519",
///   "public_key": "<base64 of the 32-byte public key>",
///   "key_id": "<first 16 hex digits of SHA-256(public key)>",
///   "value": "<base64 of the 64-byte signature>"
/// }
/// ```
///
/// A verifier parses the file, drops `signature`, re-encodes the rest canonically and checks the
/// signature over those bytes: any change to a value (a hash, a path, a count) breaks it.
/// The embedded public key only proves integrity; authenticity needs the signer's public key
/// from elsewhere (`lineage verify --public-key`).
///
/// Key files (``SigningKeyFile``) are PEM: `PRIVATE KEY` is PKCS#8 and `PUBLIC KEY` is
/// SubjectPublicKeyInfo for Ed25519 (RFC 8410), so OpenSSL reads them
/// (`openssl pkey -in run.key -pubout`). A file holding only the base64 of the raw 32-byte key
/// on one line is accepted too.
///
/// ```swift
/// let signer = try ManifestSigner.load(keyFile: "lineage.key")
/// let signed = try signer.sign(manifest)
/// ManifestSigner.isValid(signed, publicKey: signer.publicKey)   // true
/// ```
public struct ManifestSigner: Sendable {
  /// The 32-byte private key (the RFC 8032 seed).
  private let seed: [UInt8]
  /// The 32-byte public key.
  public let publicKey: [UInt8]
  /// First 16 hex digits of the SHA-256 of ``publicKey``.
  public var keyID: String { Self.keyID(publicKey: publicKey) }

  /// A signer from a 32-byte private key.
  public init(privateKey seed: [UInt8]) throws(ScanError) {
    guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)
    else {
      throw ScanError(.badUsage, "an Ed25519 private key has 32 bytes")
    }
    self.seed = seed
    self.publicKey = Array(key.publicKey.rawRepresentation)
  }

  /// A signer with a new random key (the system's secure generator, via BoringSSL).
  public static func generate() -> ManifestSigner {
    let key = Curve25519.Signing.PrivateKey()
    // A freshly generated key's raw representation is its 32-byte seed, which init accepts.
    guard let signer = try? ManifestSigner(privateKey: Array(key.rawRepresentation)) else {
      preconditionFailure("ManifestSigner: a generated Ed25519 key is always 32 bytes")
    }
    return signer
  }

  /// A signer from a private key file (see the type's documentation for the formats).
  public static func load(keyFile path: String) throws(ScanError) -> ManifestSigner {
    let bytes = try readLineageFile(path, limit: 64 << 10)
    do throws(ScanError) {
      return try ManifestSigner(privateKey: try SigningKeyFile.parsePrivateKey(bytes))
    } catch {
      throw ScanError(error.code, error.message, path: path)
    }
  }

  /// The manifest with a fresh `signature` member (an existing one is replaced).
  public func sign(_ manifest: LineageManifest) throws(ScanError) -> LineageManifest {
    let bytes = manifest.canonicalBytes()
    let signature: [UInt8]
    do {
      let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
      signature = Array(try key.signature(for: bytes))
    } catch {
      throw ScanError(.writeFailed, "cannot sign the manifest", cause: "\(error)")
    }
    var signed = manifest
    signed.signature = LineageManifest.Signature(
      publicKey: Base64.encode(publicKey), keyID: keyID, value: Base64.encode(signature))
    return signed
  }

  /// The private key file's bytes (PKCS#8 PEM), for `lineage keygen`.
  public func privateKeyFile() -> [UInt8] { SigningKeyFile.privateKeyPEM(seed: seed) }

  /// The public key file's bytes (SubjectPublicKeyInfo PEM).
  public func publicKeyFile() -> [UInt8] { SigningKeyFile.publicKeyPEM(publicKey) }

  /// True when `manifest` carries an Ed25519 signature by `publicKey` over its canonical bytes.
  public static func isValid(_ manifest: LineageManifest, publicKey: [UInt8]) -> Bool {
    guard let s = manifest.signature, s.algorithm == "ed25519",
      let signature = Base64.decode(Array(s.value.utf8)), signature.count == 64,
      let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
    else { return false }
    return key.isValidSignature(signature, for: manifest.canonicalBytes())
  }

  /// First 16 hex digits of SHA-256(`publicKey`).
  public static func keyID(publicKey: [UInt8]) -> String {
    String(SHA256.hash(data: publicKey).hexString.prefix(16))
  }
}
