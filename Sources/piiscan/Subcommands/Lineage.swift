import ArgumentParser
import PIIScanKit

extension PIIScanCommand {
  /// `piiscan lineage`: signing keys and manifest verification.
  struct Lineage: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create signing keys for lineage manifests and verify manifests.",
      discussion: """
        scan (and redact, sweep) write a manifest with --manifest FILE and sign it with
        --sign-key FILE. The format is in docs/lineage.md.
        """,
      subcommands: [Keygen.self, Verify.self])

    /// `piiscan lineage keygen`.
    struct Keygen: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Create an Ed25519 key pair for signing manifests.",
        discussion: """
            Writes PREFIX.key (the private key, PKCS#8 PEM, mode 0600) and PREFIX.pub (the
            public key, PEM, mode 0644); OpenSSL reads both. Give PREFIX.key to --sign-key and
            PREFIX.pub to `lineage verify --public-key`. Existing files are kept unless --force.

            EXAMPLE
              piiscan lineage keygen --out keys/lineage
          """)

      @Option(help: ArgumentHelp("Path prefix of the two key files.", valueName: "prefix"))
      var out: String

      @Flag(help: "Replace existing key files.")
      var force = false

      func run() throws {
        let signer = ManifestSigner.generate()
        do {
          let paths = try signer.writeKeyFiles(prefix: out, overwrite: force)
          Console.stderr(
            "piiscan: wrote \(paths.privateKey) (private, keep it secret) and \(paths.publicKey); key id \(signer.keyID)"
          )
        } catch let error as ScanError {
          Console.error(error)
          throw Exit.error
        }
      }
    }

    /// `piiscan lineage verify`.
    struct Verify: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Check a manifest: re-hash its inputs and outputs and check its signature.",
        discussion: """
            Every input and output still present is hashed again (SHA-256 of the raw bytes) and
            compared with the manifest. One line per path on stdout: matched, changed, missing,
            unreadable or unchecked (standard input/output, or no hash recorded), then the
            signature's state. Relative paths are resolved against --base (default: the current
            directory), as the recorded run saw them.

            Without --public-key a signature is checked against the key embedded in the
            manifest, which proves the manifest is intact but not who signed it; with
            --public-key the manifest must be signed by that key.

            EXIT CODES
              0  everything matched (and the signature, if any, is valid)
              1  something changed, is missing or unreadable, or the signature is bad or missing
                 when --public-key was given
              2  bad usage, or the manifest or public key cannot be read or parsed
          """)

      @Argument(help: ArgumentHelp("The manifest to check.", valueName: "manifest"))
      var manifest: String

      @Option(
        name: .customLong("public-key"),
        help: ArgumentHelp(
          "The signer's public key (PREFIX.pub); the manifest must be signed by it.",
          valueName: "file"))
      var publicKey: String?

      @Option(
        help: ArgumentHelp("Resolve relative paths against this directory.", valueName: "dir"))
      var base: String?

      func run() throws {
        let result: ManifestVerification
        do {
          var key: [UInt8]? = nil
          if let publicKey { key = try SigningKeyFile.loadPublicKey(publicKey) }
          result = try ManifestVerifier(publicKey: key, baseDirectory: base).verify(
            manifestAt: manifest)
        } catch {
          Console.error(error)
          throw Exit.error
        }
        var text = ""
        for e in result.entries {
          text += "\(e.state.rawValue.padding(10)) \(e.role.rawValue.padding(6)) \(e.path)"
          switch e.state {
          case .changed:
            if let actual = e.actual, let expected = e.expected {
              text += " (expected sha256 \(expected.prefix(16))…, now \(actual.prefix(16))…)"
            } else if let note = e.note {
              text += " (\(note))"
            }
          case .unreadable, .unchecked:
            if let note = e.note { text += " (\(note))" }
          case .matched, .missing: break
          }
          text += "\n"
        }
        switch result.signature {
        case .unsigned: text += "signature: none (unsigned manifest)\n"
        case .valid(let keyID, let trusted):
          text +=
            trusted
            ? "signature: valid, by key \(keyID) (the given public key)\n"
            : "signature: valid, by embedded key \(keyID) (pass --public-key to check who signed it)\n"
        case .invalid(let why): text += "signature: BAD: \(why)\n"
        }
        let counts = [
          ManifestVerification.State.matched, .changed, .missing, .unreadable, .unchecked,
        ]
        .map { "\(result.count($0)) \($0.rawValue)" }.joined(separator: ", ")
        text += "piiscan: \(counts); \(result.isClean ? "OK" : "FAILED")\n"
        let out = StandardOutputSink()
        _ = try? Array(text.utf8).withUnsafeBytes { try out.write($0) }
        if !result.isClean { throw Exit.findings }
      }
    }
  }
}
