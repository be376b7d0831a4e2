/// Writes findings as JSON Lines (``FindingJSON``) to a ``ByteSink``, buffered.
///
/// A ``ScanSink``: events arrive serially, so the buffer needs no lock.
// SAFETY: the pipeline calls `handle` from one serial queue only; `finish` is called after the
// run returned.
public final class FindingsWriter: ScanSink, @unchecked Sendable {
  private var output: any ByteSink
  private var buffer: [UInt8] = []
  private let includeValues: Bool
  /// The first write error; later findings are dropped once one happened.
  public private(set) var error: Error?

  public init(output: any ByteSink, includeValues: Bool = false) {
    self.output = output
    self.includeValues = includeValues
    buffer.reserveCapacity(1 << 16)
  }

  public func handle(_ event: ScanEvent) {
    guard case .findings(_, let findings) = event, error == nil else { return }
    // Into a local buffer, so that each finding is borrowed: with the class's stored buffer as
    // the `inout`, the compiler copied every finding (retaining each of its strings) in case
    // the write reached it.
    var out: [UInt8] = []
    swap(&out, &buffer)
    for i in findings.indices {
      FindingJSON.append(findings[i], includeValue: includeValues, to: &out)
    }
    swap(&out, &buffer)
    if buffer.count >= 1 << 16 { flush() }
  }

  private func flush() {
    guard !buffer.isEmpty, error == nil else { return }
    do {
      try buffer.withUnsafeBytes { try output.write($0) }
    } catch {
      self.error = error
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes what is buffered and completes the output (commits an atomic file).
  public func finish() throws {
    flush()
    if let error { throw error }
    try output.finish()
  }
}

/// Sends every event to each sink in turn.
// SAFETY: holds only immutable references; each sink is itself called serially.
public final class MultiSink: ScanSink, @unchecked Sendable {
  private let sinks: [ScanSink]
  public init(_ sinks: [ScanSink]) { self.sinks = sinks }
  public func handle(_ event: ScanEvent) {
    for s in sinks { s.handle(event) }
  }
}
