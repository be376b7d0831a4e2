import PIIScanKit
import Synchronization

/// A sink that keeps every event, for tests.
public final class CollectingSink: ScanSink, Sendable {
  private let state = Mutex<(findings: [Finding], reports: [FileReport], problems: [ScanError], order: [String])>(([], [], [], []))

  public init() {}

  public func handle(_ event: ScanEvent) {
    state.withLock { s in
      switch event {
      case .fileStarted(let f): s.order.append("start \(f.index)")
      case .findings(_, let fs): s.findings += fs
      case .fileFinished(let r):
        s.reports.append(r)
        s.order.append("end \(r.file.index)")
      case .inputProblem(let e): s.problems.append(e)
      }
    }
  }

  public var findings: [Finding] { state.withLock { $0.findings } }
  public var reports: [FileReport] { state.withLock { $0.reports } }
  public var problems: [ScanError] { state.withLock { $0.problems } }
  public var order: [String] { state.withLock { $0.order } }
}

/// Runs a scan over `inputs` and returns what the sink saw.
public func runScan(
  _ inputs: [String], detectors: DetectorSet, options: ScanOptions = ScanOptions(),
  key: [UInt8] = Array("test-key-0123456789abcdef".utf8)
) -> CollectingSink {
  let sink = CollectingSink()
  ScanPipeline(detectors: detectors, fingerprinter: Fingerprinter(key: key), options: options)
    .run(inputs: inputs, sink: sink)
  return sink
}
