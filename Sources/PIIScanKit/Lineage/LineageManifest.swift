/// A lineage manifest (`--manifest FILE`): what one `scan`, `redact` or `sweep` run read, with
/// which detectors and key, what it found per input, and what it wrote from which input.
///
/// The file is one JSON object written by ``LineageJSON/encoded()`` (two-space indentation, one
/// member per line, a final newline), UTF-8. Members always appear in this order; optional
/// values are written as `null`, never left out (except `catalog_run_id` and `signature`):
///
/// | member | type | meaning |
/// |---|---|---|
/// | `schema` | string | `"piiscan.lineage/1"`; readers reject other values |
/// | `run_id` | string | random UUID (RFC 9562 version 4); also the OpenLineage `runId` |
/// | `catalog_run_id` | integer | only for a run recorded in a catalog: its id in the catalog's `runs` table |
/// | `command` | string | `scan`, `redact` or `sweep` |
/// | `tool` | object | `{"name": "piiscan", "version": "0.1.0"}` |
/// | `arguments` | array of strings | the command line after the program name |
/// | `started_at`, `ended_at` | string | RFC 3339 UTC with milliseconds |
/// | `status` | string | `complete`, or `failed` when any input failed or an output could not be written |
/// | `error` | string or null | why the run failed (never contains matched bytes) |
/// | `detectors` | object | `set_hash` (SHA-256 over every detector hash) and `items`: `{"id", "entity", "hash"}` per detector, in run order; `hash` is the SHA-256 of the detector's canonical pattern definition |
/// | `policy` | string or null | the run's redaction policy as the writing command describes it (null for `scan`) |
/// | `key` | object | `{"id": 16 hex or null, "ephemeral": bool}`: the fingerprint key's id; null for a per-run random key, which no one can reuse |
/// | `inputs` | array | one object per input, in input order (below) |
/// | `outputs` | array | `{"path", "sha256", "policy"}` per written file, sorted by path bytes |
/// | `edges` | array | `{"input": path, "output": path}`, sorted by input then output |
/// | `signature` | object | only in signed manifests, always last; see ``ManifestSigner`` |
///
/// An input object: `path` (as given, `-` for standard input), `size` (raw bytes read),
/// `sha256` (lowercase hex of the raw, still compressed bytes; null when the file was not read
/// to its end), `format` (`text`, `jsonl`, `csv` or null), `compression` (`none`, `gzip`,
/// `zstd` or null), `records` (lines), `bytes` (decompressed bytes scanned), `status`
/// (`scanned`, `partial`, `failed`, `skipped`), `error` (`{"code", "message"}` or null),
/// `findings` and `validated` (totals), and `entities` (`{"email": {"count", "validated"}}`,
/// keys sorted by bytes).
///
/// Paths are JSON strings; bytes of a path that are not UTF-8 are written as U+FFFD, so such a
/// path cannot be re-hashed by `lineage verify` and shows as missing.
///
/// Reproducibility: two runs over the same bytes with the same detectors, key, policy and
/// arguments give byte-identical manifests apart from `run_id`, `started_at` and `ended_at`
/// (and `signature`, whose value covers those). Nothing else depends on time, thread count or
/// machine.
public struct LineageManifest: Sendable, Equatable {
  /// The `schema` value this version writes and reads.
  public static let schema = "piiscan.lineage/1"

  /// The run's outcome.
  public enum Status: String, Sendable {
    /// Every input was read and every output written.
    case complete
    /// Some input failed or an output could not be written.
    case failed
  }

  /// One detector of the run.
  public struct DetectorEntry: Sendable, Equatable {
    /// The detector id (`email`, `credit_card_spaced`).
    public var id: String
    /// The entity it finds (`email`, `credit_card`).
    public var entity: String
    /// SHA-256 (hex) of the detector's canonical definition (``Detector/hash``).
    public var hash: String
    /// An entry with every member given.
    public init(id: String, entity: String, hash: String) {
      self.id = id
      self.entity = entity
      self.hash = hash
    }
  }

  /// Findings of one entity in one input.
  public struct EntityEntry: Sendable, Equatable {
    /// The entity id.
    public var entity: String
    /// Findings of this entity.
    public var count: Int
    /// How many of them a validator confirmed.
    public var validated: Int
    /// An entry with every member given.
    public init(entity: String, count: Int, validated: Int) {
      self.entity = entity
      self.count = count
      self.validated = validated
    }
  }

  /// One input as the run saw it.
  public struct Input: Sendable, Equatable {
    /// The path as given (`-` for standard input).
    public var path: String
    /// Raw bytes read (compressed size for compressed inputs).
    public var size: Int
    /// Lowercase hex SHA-256 of the raw bytes; nil unless read to the end.
    public var sha256: String?
    /// ``InputFormat`` raw value, when the input was opened.
    public var format: String?
    /// ``Compression`` raw value, when the input was opened.
    public var compression: String?
    /// Lines in the decompressed stream.
    public var records: Int
    /// Decompressed bytes scanned.
    public var bytes: Int
    /// `scanned`, `partial`, `failed` or `skipped` (``FileStatus``).
    public var status: String
    /// ``ScanError/Code`` raw value and description, when the input failed or was degraded.
    public var errorCode: String?
    /// The error's description (path, location, what to do; never matched bytes).
    public var errorMessage: String?
    /// Per-entity counts, sorted by entity bytes.
    public var entities: [EntityEntry]

    /// Total findings.
    public var findings: Int { entities.reduce(0) { $0 + $1.count } }
    /// Total validated findings.
    public var validated: Int { entities.reduce(0) { $0 + $1.validated } }

    /// An input with every member given.
    public init(
      path: String, size: Int, sha256: String?, format: String?, compression: String?,
      records: Int, bytes: Int, status: String, errorCode: String? = nil,
      errorMessage: String? = nil, entities: [EntityEntry] = []
    ) {
      self.path = path
      self.size = size
      self.sha256 = sha256
      self.format = format
      self.compression = compression
      self.records = records
      self.bytes = bytes
      self.status = status
      self.errorCode = errorCode
      self.errorMessage = errorMessage
      self.entities = entities
    }
  }

  /// One file the run wrote.
  public struct Output: Sendable, Equatable {
    /// The path as given (`-` for standard output).
    public var path: String
    /// Lowercase hex SHA-256 of the bytes written.
    public var sha256: String
    /// The operator policy that produced it, as the writing command describes it.
    public var policy: String?
    /// An output with every member given.
    public init(path: String, sha256: String, policy: String?) {
      self.path = path
      self.sha256 = sha256
      self.policy = policy
    }
  }

  /// "This output was derived from this input."
  public struct Edge: Sendable, Equatable {
    /// The input's path, as in ``Input/path``.
    public var input: String
    /// The output's path, as in ``Output/path``.
    public var output: String
    /// An edge from `input` to `output`.
    public init(input: String, output: String) {
      self.input = input
      self.output = output
    }
  }

  /// An Ed25519 signature over ``canonicalBytes()`` (see ``ManifestSigner``).
  public struct Signature: Sendable, Equatable {
    /// Always `ed25519`.
    public var algorithm: String
    /// The signer's 32-byte public key, base64.
    public var publicKey: String
    /// First 16 hex digits of the SHA-256 of the raw public key.
    public var keyID: String
    /// The 64-byte signature, base64.
    public var value: String
    /// A signature block with every member given.
    public init(algorithm: String = "ed25519", publicKey: String, keyID: String, value: String) {
      self.algorithm = algorithm
      self.publicKey = publicKey
      self.keyID = keyID
      self.value = value
    }
  }

  /// The run id (a UUID), `run_id`.
  public var runID: String
  /// The run's id in the catalog it was recorded in (`catalog_run_id`); nil when the run was
  /// not recorded in a catalog. Set by the command after the run, before signing.
  public var catalogRunID: Int64? = nil
  /// `scan`, `redact` or `sweep`.
  public var command: String
  /// The piiscan version that wrote the manifest.
  public var toolVersion: String
  /// The command line after the program name.
  public var arguments: [String]
  /// RFC 3339 start time.
  public var startedAt: String
  /// RFC 3339 end time.
  public var endedAt: String
  /// Whether the run completed.
  public var status: Status
  /// Why the run failed; nil when it completed.
  public var error: String?
  /// ``DetectorSet/hash`` of the run.
  public var detectorSetHash: String
  /// The detectors, in run order.
  public var detectors: [DetectorEntry]
  /// The run-level redaction policy description; nil for `scan`.
  public var policy: String?
  /// The fingerprint key's id; nil for an ephemeral key.
  public var keyID: String?
  /// True when the fingerprint key was random for this run.
  public var keyIsEphemeral: Bool
  /// Inputs in input order.
  public var inputs: [Input]
  /// Outputs sorted by path bytes.
  public var outputs: [Output]
  /// Input → output edges sorted by input, then output.
  public var edges: [Edge]
  /// The signature block of a signed manifest.
  public var signature: Signature?

  /// A manifest with every member given; ``LineageRecorder/manifest(endedAt:)`` builds one from
  /// a run.
  public init(
    runID: String, command: String, toolVersion: String = PIIScanVersion.string,
    arguments: [String], startedAt: String, endedAt: String, status: Status, error: String?,
    detectorSetHash: String, detectors: [DetectorEntry], policy: String?, keyID: String?,
    keyIsEphemeral: Bool, inputs: [Input], outputs: [Output], edges: [Edge],
    signature: Signature? = nil
  ) {
    self.runID = runID
    self.command = command
    self.toolVersion = toolVersion
    self.arguments = arguments
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.status = status
    self.error = error
    self.detectorSetHash = detectorSetHash
    self.detectors = detectors
    self.policy = policy
    self.keyID = keyID
    self.keyIsEphemeral = keyIsEphemeral
    self.inputs = inputs
    self.outputs = outputs
    self.edges = edges
    self.signature = signature
  }

  /// The file's bytes, signature included when there is one.
  public func encoded() -> [UInt8] { json().encoded() }

  /// The bytes a signature covers: the manifest encoded without its `signature` member. For an
  /// unsigned manifest these are exactly its file bytes.
  public func canonicalBytes() -> [UInt8] {
    var unsigned = self
    unsigned.signature = nil
    return unsigned.json().encoded()
  }

  /// The manifest as a JSON value, members in the documented order.
  public func json() -> LineageJSON {
    var members: [(String, LineageJSON)] = [
      ("schema", .string(Self.schema)),
      ("run_id", .string(runID)),
    ]
    if let catalogRunID { members.append(("catalog_run_id", .number(String(catalogRunID)))) }
    members += [
      ("command", .string(command)),
      ("tool", .object([("name", .string("piiscan")), ("version", .string(toolVersion))])),
      ("arguments", .array(arguments.map { .string($0) })),
      ("started_at", .string(startedAt)),
      ("ended_at", .string(endedAt)),
      ("status", .string(status.rawValue)),
      ("error", .optionalString(error)),
      (
        "detectors",
        .object([
          ("set_hash", .string(detectorSetHash)),
          (
            "items",
            .array(
              detectors.map {
                .object([
                  ("id", .string($0.id)), ("entity", .string($0.entity)),
                  ("hash", .string($0.hash)),
                ])
              })
          ),
        ])
      ),
      ("policy", .optionalString(policy)),
      ("key", .object([("id", .optionalString(keyID)), ("ephemeral", .bool(keyIsEphemeral))])),
      ("inputs", .array(inputs.map(Self.json(input:)))),
      (
        "outputs",
        .array(
          outputs.map {
            .object([
              ("path", .string($0.path)), ("sha256", .string($0.sha256)),
              ("policy", .optionalString($0.policy)),
            ])
          })
      ),
      (
        "edges",
        .array(
          edges.map { .object([("input", .string($0.input)), ("output", .string($0.output))]) })
      ),
    ]
    if let signature {
      members.append(
        (
          "signature",
          .object([
            ("algorithm", .string(signature.algorithm)),
            ("public_key", .string(signature.publicKey)),
            ("key_id", .string(signature.keyID)),
            ("value", .string(signature.value)),
          ])
        ))
    }
    return .object(members)
  }

  private static func json(input: Input) -> LineageJSON {
    let error: LineageJSON =
      input.errorCode.map {
        .object([("code", .string($0)), ("message", .optionalString(input.errorMessage))])
      } ?? .null
    return .object([
      ("path", .string(input.path)),
      ("size", .integer(input.size)),
      ("sha256", .optionalString(input.sha256)),
      ("format", .optionalString(input.format)),
      ("compression", .optionalString(input.compression)),
      ("records", .integer(input.records)),
      ("bytes", .integer(input.bytes)),
      ("status", .string(input.status)),
      ("error", error),
      ("findings", .integer(input.findings)),
      ("validated", .integer(input.validated)),
      (
        "entities",
        .object(
          input.entities.map {
            (
              $0.entity,
              .object([("count", .integer($0.count)), ("validated", .integer($0.validated))])
            )
          })
      ),
    ])
  }
}
