import Synchronization

/// Collects what a run read and wrote, and turns it into a ``LineageManifest``.
///
/// Add it as a ``ScanSink`` to the pipeline: it keeps every ``FileReport`` (and every input
/// that could not even be expanded) in input order. Commands that write files report each
/// one with ``recordOutput(input:path:sha256:policy:)``, from any thread, and call
/// ``recordFailure(_:)`` for run-level failures such as an unwritable output. Then
/// ``manifest(endedAt:)`` builds the manifest.
///
/// ```swift
/// let recorder = LineageRecorder(command: "scan", arguments: args, detectors: set,
///                                fingerprinter: fingerprinter)
/// pipeline.run(inputs: paths, sink: MultiSink([summary, recorder]))
/// let manifest = recorder.manifest()
/// try LineageFileWriter.write(manifest.encoded(), to: "run.manifest.json")
/// ```
///
/// The run id and clock are injectable so that tests can show that everything else is
/// reproducible.
public final class LineageRecorder: ScanSink, Sendable {
  private struct State {
    var inputs: [LineageManifest.Input] = []
    var outputs: [LineageManifest.Output] = []
    var edges: [LineageManifest.Edge] = []
    var failures: [String] = []
  }

  /// The command being recorded (`scan`, `redact`, `sweep`).
  public let command: String
  /// The command line after the program name.
  public let arguments: [String]
  /// This run's id.
  public let runID: RunID
  /// When the run started.
  public let startedAt: LineageTime
  /// The run-level policy description (see ``LineageManifest/policy``).
  public let policy: String?
  private let detectors: [LineageManifest.DetectorEntry]
  private let detectorSetHash: String
  private let keyID: String?
  private let keyIsEphemeral: Bool
  private let state = Mutex(State())

  /// A recorder for one run. `runID` and `startedAt` default to a random id and now.
  public init(
    command: String, arguments: [String], detectors: DetectorSet, fingerprinter: Fingerprinter,
    policy: String? = nil, runID: RunID = .random(), startedAt: LineageTime = .now()
  ) {
    self.command = command
    self.arguments = arguments
    self.runID = runID
    self.startedAt = startedAt
    self.policy = policy
    self.detectors = detectors.detectors.map {
      LineageManifest.DetectorEntry(id: $0.id, entity: $0.entity, hash: $0.hash)
    }
    self.detectorSetHash = detectors.hash
    self.keyID = fingerprinter.isEphemeral ? nil : fingerprinter.keyID
    self.keyIsEphemeral = fingerprinter.isEphemeral
  }

  /// Records finished files and inputs that could not be expanded; ignores other events.
  public func handle(_ event: ScanEvent) {
    switch event {
    case .fileFinished(let report):
      let input = Self.input(from: report)
      state.withLock { $0.inputs.append(input) }
    case .inputProblem(let error):
      let input = LineageManifest.Input(
        path: error.path ?? "", size: 0, sha256: nil, format: nil, compression: nil, records: 0,
        bytes: 0, status: FileStatus.failed.rawValue, errorCode: error.code.rawValue,
        errorMessage: error.description)
      state.withLock { $0.inputs.append(input) }
    case .fileStarted, .findings:
      break
    }
  }

  /// Records that `path` (with SHA-256 `sha256` of the bytes written) was derived from the
  /// input `input` under `policy`. Safe to call from any thread; the manifest sorts outputs by
  /// path and edges by (input, output), so call order does not matter. Recording the same
  /// output again replaces its digest and policy and adds the edge.
  public func recordOutput(input: String, path: String, sha256: String, policy: String?) {
    recordOutput(inputs: [input], path: path, sha256: sha256, policy: policy)
  }

  /// Records one output derived from several inputs (a findings file from every input).
  public func recordOutput(inputs: [String], path: String, sha256: String, policy: String?) {
    state.withLock { s in
      s.outputs.removeAll { $0.path == path }
      s.outputs.append(LineageManifest.Output(path: path, sha256: sha256, policy: policy))
      for input in inputs where !s.edges.contains(LineageManifest.Edge(input: input, output: path))
      {
        s.edges.append(LineageManifest.Edge(input: input, output: path))
      }
    }
  }

  /// The paths of the inputs recorded so far, in input order (inputs that could not be
  /// expanded and have no path are left out).
  public var inputPaths: [String] {
    state.withLock { $0.inputs.map(\.path).filter { !$0.isEmpty } }
  }

  /// Marks the run failed for a reason no input carries (an output that could not be written).
  /// `message` must not contain matched bytes.
  public func recordFailure(_ message: String) {
    state.withLock { $0.failures.append(message) }
  }

  /// The manifest of everything recorded so far, ended at `endedAt`.
  public func manifest(endedAt: LineageTime = .now()) -> LineageManifest {
    let s = state.withLock { $0 }
    let failedInputs = s.inputs.filter {
      $0.status == FileStatus.failed.rawValue || $0.status == FileStatus.partial.rawValue
    }
    var error: String? = s.failures.first
    if error == nil, let first = failedInputs.first {
      let n = failedInputs.count
      error = "\(n) input\(n == 1 ? "" : "s") failed; first: \(first.errorMessage ?? first.path)"
    }
    let bytewise: (String, String) -> Bool = {
      Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
    }
    return LineageManifest(
      runID: runID.text, command: command, arguments: arguments, startedAt: startedAt.rfc3339,
      endedAt: endedAt.rfc3339, status: error == nil ? .complete : .failed, error: error,
      detectorSetHash: detectorSetHash, detectors: detectors, policy: policy, keyID: keyID,
      keyIsEphemeral: keyIsEphemeral, inputs: s.inputs,
      outputs: s.outputs.sorted { bytewise($0.path, $1.path) },
      edges: s.edges.sorted {
        $0.input != $1.input ? bytewise($0.input, $1.input) : bytewise($0.output, $1.output)
      })
  }

  static func input(from report: FileReport) -> LineageManifest.Input {
    let entities = report.entityCounts.keys
      .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
      .map { entity -> LineageManifest.EntityEntry in
        let c = report.entityCounts[entity] ?? EntityCount()
        return LineageManifest.EntityEntry(entity: entity, count: c.count, validated: c.validated)
      }
    return LineageManifest.Input(
      path: report.file.path, size: report.rawBytes, sha256: report.rawSHA256,
      format: report.format?.rawValue, compression: report.compression?.rawValue,
      records: report.lines, bytes: report.bytes, status: report.status.rawValue,
      errorCode: report.error?.code.rawValue, errorMessage: report.error?.description,
      entities: entities)
  }
}
