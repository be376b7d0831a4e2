/// Writes findings as JSON Lines (``FindingJSON``) to a ``ByteSink``, buffered.
///
/// A ``ScanSink``: events arrive serially, so the buffer needs no lock.
// SAFETY: the pipeline calls `handle` from one serial queue only; `finish` is called after the
// run returned.
public final class FindingsWriter: ScanSink, @unchecked Sendable {
  private var output: any ByteSink
  /// Lines not yet written: `used` bytes of `capacity`, flushed at ``flushAt``.
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var used = 0
  private static let flushAt = 1 << 16
  private let includeValues: Bool
  /// The first write error; later findings are dropped once one happened.
  public private(set) var error: Error?

  public init(output: any ByteSink, includeValues: Bool = false) {
    self.output = output
    self.includeValues = includeValues
    capacity = 2 * Self.flushAt
    storage = .allocate(capacity: capacity)
  }

  deinit { storage.deallocate() }

  public func handle(_ event: ScanEvent) {
    guard case .findings(_, let findings) = event, error == nil else { return }
    // Each line is written straight into the buffer's free room (``FindingJSON/write``),
    // which always holds a whole line: no array grows or copies per finding. The loop keeps
    // the position in a local (no access to the class's storage per finding).
    var at = used
    for i in findings.indices {
      let room = FindingJSON.maximumLength(of: findings[i], includeValue: includeValues)
      if at + room > capacity {
        used = at
        flush()
        at = 0
        if room > capacity {
          storage.deallocate()
          capacity = room
          storage = .allocate(capacity: capacity)
        }
      }
      at += FindingJSON.write(
        findings[i], includeValue: includeValues, to: storage + at, room: capacity - at)
    }
    used = at
    if used >= Self.flushAt { flush() }
  }

  private func flush() {
    guard used > 0, error == nil else { return }
    do {
      try output.write(UnsafeRawBufferPointer(start: storage, count: used))
    } catch {
      self.error = error
    }
    used = 0
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
