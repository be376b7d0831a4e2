/// Totals of a run: what the summary line, the exit code and machine-readable output use.
// SAFETY: mutated only from `handle`, which the pipeline calls serially; read after the run.
public final class RunSummary: ScanSink, @unchecked Sendable {
  public private(set) var files = 0
  public private(set) var filesScanned = 0
  public private(set) var filesSkipped = 0
  public private(set) var filesFailed = 0
  public private(set) var filesPartial = 0
  public private(set) var bytes = 0
  public private(set) var rawBytes = 0
  public private(set) var entityCounts: [String: EntityCount] = [:]
  /// Errors in input order: per-file failures and input problems.
  public private(set) var errors: [ScanError] = []
  /// Reports of every file, in input order.
  public private(set) var reports: [FileReport] = []
  /// Called for each error as it happens (the CLI prints it at once).
  private let onError: (@Sendable (ScanError) -> Void)?
  private let onReport: (@Sendable (FileReport) -> Void)?

  public init(
    onError: (@Sendable (ScanError) -> Void)? = nil,
    onReport: (@Sendable (FileReport) -> Void)? = nil
  ) {
    self.onError = onError
    self.onReport = onReport
  }

  public var findings: Int { entityCounts.values.reduce(0) { $0 + $1.count } }
  public var hasErrors: Bool { !errors.isEmpty }

  public func handle(_ event: ScanEvent) {
    switch event {
    case .fileStarted: files += 1
    case .findings: break
    case .inputProblem(let error):
      errors.append(error)
      onError?(error)
    case .fileFinished(let report):
      reports.append(report)
      bytes += report.bytes
      rawBytes += report.rawBytes
      for (entity, c) in report.entityCounts {
        entityCounts[entity, default: EntityCount()].count += c.count
        entityCounts[entity, default: EntityCount()].validated += c.validated
      }
      switch report.status {
      case .scanned: filesScanned += 1
      case .skipped: filesSkipped += 1
      case .failed: filesFailed += 1
      case .partial: filesPartial += 1
      }
      if let error = report.error {
        errors.append(error)
        onError?(error)
      }
      onReport?(report)
    }
  }
}

extension RunSummary {
  /// The summary as one JSON object (keys in a fixed order), for `--summary-json` and `--json`.
  ///
  /// `{"files":N,"files_scanned":N,"files_skipped":N,"files_failed":N,"files_partial":N,
  /// "bytes":N,"findings":N,"entities":{"email":{"count":N,"validated":N},…},"seconds":S,
  /// "errors":[{"path":…,"code":…,"message":…},…]}` plus any `extra` fields first.
  public func json(seconds: Double, extra: [(String, String)] = []) -> [UInt8] {
    var out: [UInt8] = Array("{".utf8)
    for (key, rawJSON) in extra { out += Array("\"\(key)\":\(rawJSON),".utf8) }
    out += Array(
      "\"files\":\(files),\"files_scanned\":\(filesScanned),\"files_skipped\":\(filesSkipped),\"files_failed\":\(filesFailed),\"files_partial\":\(filesPartial),\"bytes\":\(bytes),\"findings\":\(findings),\"entities\":{"
        .utf8)
    for (i, entity) in entityCounts.keys.sorted().enumerated() {
      let c = entityCounts[entity]!
      if i > 0 { out.append(0x2C) }
      FindingJSON.appendString(Array(entity.utf8), to: &out)
      out += Array(":{\"count\":\(c.count),\"validated\":\(c.validated)}".utf8)
    }
    out += Array("},\"seconds\":\(Double(Int(seconds * 1000)) / 1000),\"errors\":[".utf8)
    for (i, e) in errors.enumerated() {
      if i > 0 { out.append(0x2C) }
      out += Array("{\"path\":".utf8)
      FindingJSON.appendString(Array((e.path ?? "").utf8), to: &out)
      out += Array(",\"code\":\"\(e.code.rawValue)\",\"message\":".utf8)
      FindingJSON.appendString(Array(e.description.utf8), to: &out)
      out.append(0x7D)
    }
    out += Array("]}\n".utf8)
    return out
  }
}
