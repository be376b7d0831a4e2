#if canImport(Glibc)
  import Glibc
#endif

/// A run as an OpenLineage `RunEvent` (spec 2-0-2), for Marquez, DataHub, Purview and other
/// OpenLineage consumers (`--openlineage FILE`).
///
/// One event per run, written when the run ends: `eventType` is `COMPLETE`, or `FAIL` with the
/// standard `errorMessage` run facet (ErrorMessageRunFacet 1-0-1). The event is built from the
/// run's ``LineageManifest``:
///
/// - `run.runId` is the manifest's `run_id`; `job` is `{"namespace": "piiscan", "name":
///   "piiscan.<command>"}` unless overridden.
/// - each input and output is a dataset `{"namespace": "file", "name": <absolute path>}`
///   (OpenLineage naming for local files; relative paths are joined to the working directory);
///   standard input is `{"namespace": "stream", "name": "stdin"}`.
/// - custom facets, each with `_producer` and `_schemaURL` (schema: `docs/openlineage/piiscan-facets.json`):
///   the run facet `piiscan_run` (command, version, detector-set hash, key id, findings and
///   validated totals, per-entity counts), the input dataset facet `piiscan_pii` (status, size,
///   SHA-256, records, findings, validated, per-entity counts) and the output dataset facet
///   `piiscan_output` (SHA-256, policy, and the input datasets it was derived from).
///
/// Members are written in a fixed order with ``LineageJSON/encoded()``.
public struct OpenLineageEvent: Sendable {
  /// `producer` and every facet's `_producer`: a URI naming this piiscan version.
  public static let producer = "urn:piiscan:piiscan:\(PIIScanVersion.string)"
  /// The RunEvent definition this event follows.
  public static let schemaURL = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"
  /// The standard error facet's schema.
  public static let errorFacetSchemaURL =
    "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet"
  /// The `$id` of piiscan's own facet schema (`docs/openlineage/piiscan-facets.json`).
  public static let facetSchemaID = "urn:piiscan:openlineage:facets:1"

  /// The manifest the event describes.
  public var manifest: LineageManifest
  /// Directory that relative paths are joined to for dataset names.
  public var workingDirectory: String
  /// The OpenLineage job namespace.
  public var jobNamespace: String
  /// The OpenLineage job name; nil for `piiscan.<command>`.
  public var jobName: String?

  /// An event for `manifest`; `workingDirectory` defaults to the process's current directory.
  public init(
    manifest: LineageManifest, workingDirectory: String? = nil, jobNamespace: String = "piiscan",
    jobName: String? = nil
  ) {
    self.manifest = manifest
    self.workingDirectory = workingDirectory ?? Self.currentDirectory()
    self.jobNamespace = jobNamespace
    self.jobName = jobName
  }

  /// `COMPLETE` or `FAIL`.
  public var eventType: String { manifest.status == .complete ? "COMPLETE" : "FAIL" }

  /// The event file's bytes.
  public func encoded() -> [UInt8] { json().encoded() }

  /// The event as a JSON value.
  public func json() -> LineageJSON {
    var runFacets: [(String, LineageJSON)] = [("piiscan_run", runFacet())]
    if manifest.status == .failed {
      runFacets.append(
        (
          "errorMessage",
          .object([
            ("_producer", .string(Self.producer)),
            ("_schemaURL", .string(Self.errorFacetSchemaURL)),
            ("message", .string(manifest.error ?? "the run failed")),
            ("programmingLanguage", .string("Swift")),
          ])
        ))
    }
    return .object([
      ("eventType", .string(eventType)),
      ("eventTime", .string(manifest.endedAt)),
      ("producer", .string(Self.producer)),
      ("schemaURL", .string(Self.schemaURL)),
      ("run", .object([("runId", .string(manifest.runID)), ("facets", .object(runFacets))])),
      (
        "job",
        .object([
          ("namespace", .string(jobNamespace)),
          ("name", .string(jobName ?? "piiscan.\(manifest.command)")),
        ])
      ),
      ("inputs", .array(manifest.inputs.map(inputDataset))),
      ("outputs", .array(manifest.outputs.map(outputDataset))),
    ])
  }

  private func facetHeader(_ definition: String) -> [(String, LineageJSON)] {
    [
      ("_producer", .string(Self.producer)),
      ("_schemaURL", .string("\(Self.facetSchemaID)#/$defs/\(definition)")),
    ]
  }

  private static func entities(_ list: [LineageManifest.EntityEntry]) -> LineageJSON {
    .object(
      list.map {
        (
          $0.entity,
          .object([("count", .integer($0.count)), ("validated", .integer($0.validated))])
        )
      })
  }

  private func runFacet() -> LineageJSON {
    var totals: [String: LineageManifest.EntityEntry] = [:]
    for input in manifest.inputs {
      for e in input.entities {
        totals[e.entity, default: .init(entity: e.entity, count: 0, validated: 0)].count += e.count
        totals[e.entity, default: .init(entity: e.entity, count: 0, validated: 0)].validated +=
          e.validated
      }
    }
    let sorted = totals.values.sorted {
      Array($0.entity.utf8).lexicographicallyPrecedes(Array($1.entity.utf8))
    }
    return .object(
      facetHeader("PIIScanRunFacet") + [
        ("command", .string(manifest.command)),
        ("version", .string(manifest.toolVersion)),
        ("detectorSetHash", .string(manifest.detectorSetHash)),
        ("keyId", .optionalString(manifest.keyID)),
        ("findings", .integer(sorted.reduce(0) { $0 + $1.count })),
        ("validated", .integer(sorted.reduce(0) { $0 + $1.validated })),
        ("entities", Self.entities(sorted)),
      ])
  }

  private func datasetIdentity(_ path: String) -> [(String, LineageJSON)] {
    if path == "-" { return [("namespace", .string("stream")), ("name", .string("stdin"))] }
    return [("namespace", .string("file")), ("name", .string(absolute(path)))]
  }

  private func inputDataset(_ input: LineageManifest.Input) -> LineageJSON {
    let facet: LineageJSON = .object(
      facetHeader("PIIScanInputDatasetFacet") + [
        ("status", .string(input.status)),
        ("size", .integer(input.size)),
        ("sha256", .optionalString(input.sha256)),
        ("records", .integer(input.records)),
        ("findings", .integer(input.findings)),
        ("validated", .integer(input.validated)),
        ("entities", Self.entities(input.entities)),
      ])
    return .object(datasetIdentity(input.path) + [("facets", .object([("piiscan_pii", facet)]))])
  }

  private func outputDataset(_ output: LineageManifest.Output) -> LineageJSON {
    let sources = manifest.edges.filter { $0.output == output.path }.map { edge -> LineageJSON in
      .object(datasetIdentity(edge.input))
    }
    let facet: LineageJSON = .object(
      facetHeader("PIIScanOutputDatasetFacet") + [
        ("sha256", .string(output.sha256)),
        ("policy", .optionalString(output.policy)),
        ("derivedFrom", .array(sources)),
      ])
    return .object(
      datasetIdentity(output.path) + [("facets", .object([("piiscan_output", facet)]))])
  }

  /// `path` joined to the working directory unless it is absolute; `.` segments dropped.
  func absolute(_ path: String) -> String {
    let joined = path.hasPrefix("/") ? path : FileSystem.join(workingDirectory, path)
    let parts = joined.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
    return "/" + parts.joined(separator: "/")
  }

  /// The process's current directory (`getcwd(3)`), or `/` if it cannot be determined.
  static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return "/" }
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }
}
