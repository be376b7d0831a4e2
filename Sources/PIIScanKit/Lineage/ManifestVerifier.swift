/// Checks a lineage manifest against the file system: re-hashes every input and output that is
/// still there (SHA-256 of the raw bytes, as recorded) and checks the signature.
///
/// ```swift
/// let verifier = ManifestVerifier(publicKey: try SigningKeyFile.parsePublicKey(pubFile))
/// let result = try verifier.verify(manifestAt: "run.manifest.json")
/// for entry in result.entries where entry.state != .matched { print(entry.path, entry.state) }
/// result.isClean   // true only when everything matched and no signature check failed
/// ```
///
/// Relative paths are resolved against `baseDirectory` (default: the current directory), the
/// way the recorded run saw them.
public struct ManifestVerifier: Sendable {
  /// The signer's public key that the signature must verify under; nil to check only that the
  /// signature matches its embedded key (integrity without authenticity).
  public var publicKey: [UInt8]?
  /// Where relative paths are resolved; nil for the current directory.
  public var baseDirectory: String?

  /// A verifier; see the properties.
  public init(publicKey: [UInt8]? = nil, baseDirectory: String? = nil) {
    self.publicKey = publicKey
    self.baseDirectory = baseDirectory
  }

  /// Reads, parses and verifies the manifest at `path`. Throws ``ScanError`` when the manifest
  /// cannot be read or is not a piiscan lineage manifest.
  public func verify(manifestAt path: String) throws(ScanError) -> ManifestVerification {
    let bytes = try readLineageFile(path, limit: 1 << 30)
    do throws(ScanError) {
      return verify(try LineageManifest(parsing: bytes))
    } catch {
      throw ScanError(error.code, error.message, path: path)
    }
  }

  /// Verifies a parsed manifest.
  public func verify(_ manifest: LineageManifest) -> ManifestVerification {
    var entries: [ManifestVerification.Entry] = []
    for input in manifest.inputs {
      if input.path == "-" {
        entries.append(
          .init(
            role: .input, path: input.path, state: .unchecked, expected: input.sha256,
            note: "standard input"))
      } else if let expected = input.sha256 {
        entries.append(check(.input, input.path, expected))
      } else {
        entries.append(
          .init(
            role: .input, path: input.path, state: .unchecked, expected: nil,
            note: "no hash recorded: the run did not read it to the end (status \(input.status))"))
      }
    }
    for output in manifest.outputs {
      if output.path == "-" {
        entries.append(
          .init(
            role: .output, path: output.path, state: .unchecked, expected: output.sha256,
            note: "standard output"))
      } else {
        entries.append(check(.output, output.path, output.sha256))
      }
    }
    return ManifestVerification(entries: entries, signature: checkSignature(manifest))
  }

  private func check(_ role: ManifestVerification.Role, _ path: String, _ expected: String)
    -> ManifestVerification.Entry
  {
    let resolved =
      baseDirectory.map { path.hasPrefix("/") ? path : FileSystem.join($0, path) } ?? path
    switch FileSystem.status(resolved).kind {
    case .missing:
      return .init(role: role, path: path, state: .missing, expected: expected)
    case .directory:
      return .init(
        role: role, path: path, state: .changed, expected: expected, note: "now a directory")
    case .file, .other:
      do {
        let actual = try Self.sha256(ofFile: resolved)
        return .init(
          role: role, path: path, state: actual == expected ? .matched : .changed,
          expected: expected, actual: actual)
      } catch {
        return .init(
          role: role, path: path, state: .unreadable, expected: expected, note: error.message)
      }
    }
  }

  func checkSignature(_ manifest: LineageManifest) -> ManifestVerification.SignatureState {
    guard let signature = manifest.signature else {
      return publicKey == nil
        ? .unsigned : .invalid("the manifest is not signed, but a public key was given")
    }
    guard signature.algorithm == "ed25519" else {
      return .invalid("unknown signature algorithm '\(signature.algorithm)'")
    }
    guard let embedded = Base64.decode(Array(signature.publicKey.utf8)), embedded.count == 32 else {
      return .invalid("the embedded public key is not 32 bytes of base64")
    }
    guard ManifestSigner.keyID(publicKey: embedded) == signature.keyID else {
      return .invalid("the key id does not match the embedded public key")
    }
    if let publicKey, publicKey != embedded {
      return .invalid(
        "signed by key \(signature.keyID), not by the given public key \(ManifestSigner.keyID(publicKey: publicKey))"
      )
    }
    guard ManifestSigner.isValid(manifest, publicKey: embedded) else {
      return .invalid(
        "the signature does not match the manifest's contents (it was changed after signing)")
    }
    return .valid(keyID: signature.keyID, trusted: publicKey != nil)
  }

  /// Lowercase hex SHA-256 of the file's bytes, read in 64 KiB blocks.
  public static func sha256(ofFile path: String) throws(ScanError) -> String {
    let stats = RawStats()
    var source = DigestingSource(try FileSource(path: path), stats: stats)
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    do {
      while try buffer.withUnsafeMutableBytes({ try source.read(into: $0) }) > 0 {}
    } catch let error as ScanError {
      throw error
    } catch {
      throw ScanError(.unreadable, "cannot read: \(error)", path: path)
    }
    guard let hex = stats.sha256Hex else { throw ScanError(.unreadable, "cannot hash", path: path) }
    return hex
  }
}

/// What ``ManifestVerifier`` found.
public struct ManifestVerification: Sendable {
  /// Whether a path was an input or an output of the run.
  public enum Role: String, Sendable { case input, output }

  /// The outcome for one path.
  public enum State: String, Sendable {
    /// The file's SHA-256 equals the recorded one.
    case matched
    /// The file is there with other bytes.
    case changed
    /// No file at the path.
    case missing
    /// The file is there but could not be read.
    case unreadable
    /// Nothing to compare: standard input or output, or no hash was recorded.
    case unchecked
  }

  /// One input or output.
  public struct Entry: Sendable, Equatable {
    /// Input or output.
    public var role: Role
    /// The path as recorded.
    public var path: String
    /// What the check found.
    public var state: State
    /// The recorded SHA-256.
    public var expected: String?
    /// The SHA-256 of the file now, when it was hashed.
    public var actual: String?
    /// Why the entry is unchecked or unreadable.
    public var note: String?

    /// An entry with every member given.
    public init(
      role: Role, path: String, state: State, expected: String?, actual: String? = nil,
      note: String? = nil
    ) {
      self.role = role
      self.path = path
      self.state = state
      self.expected = expected
      self.actual = actual
      self.note = note
    }
  }

  /// The signature check's outcome.
  public enum SignatureState: Sendable, Equatable {
    /// No signature and no public key asked for one.
    case unsigned
    /// The signature verifies; `trusted` when under the given public key, not just the embedded one.
    case valid(keyID: String, trusted: Bool)
    /// Missing when required, or not matching; the text says which.
    case invalid(String)
  }

  /// Inputs in manifest order, then outputs.
  public var entries: [Entry]
  /// The signature check's outcome.
  public var signature: SignatureState

  /// True when no entry changed, went missing or became unreadable, and the signature did not
  /// fail: the `lineage verify` exit code 0.
  public var isClean: Bool {
    if case .invalid = signature { return false }
    return entries.allSatisfy { $0.state == .matched || $0.state == .unchecked }
  }

  /// Entry counts by state.
  public func count(_ state: State) -> Int { entries.filter { $0.state == state }.count }
}
