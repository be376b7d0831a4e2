import Dispatch

/// Puts one file's chunk results back in stream order, numbers lines, drops findings that a
/// previous chunk already reported (overlap), feeds the file's consumer and releases chunks.
// SAFETY: all mutable state is touched only on `queue` (a serial queue).
final class FileCollector: @unchecked Sendable {
  let file: InputFile
  private let consumer: ChunkConsumer?
  private let emitter: OrderedEmitter
  private let inFlight: DispatchSemaphore
  private let onDone: @Sendable () -> Void
  private let queue: DispatchQueue

  private var pending: [Int: ChunkResult] = [:]
  private var nextSequence = 0
  private var expected = 0
  private var delivered = 0
  private var outcome: ChunkReader.Outcome?
  private var lineBase = 0
  private var lastEnd = 0
  private var lastByte: UInt8 = 0x0A
  private var report: FileReport
  private var consumerError: ScanError?

  init(
    file: InputFile, consumer: ChunkConsumer?, emitter: OrderedEmitter, inFlight: DispatchSemaphore,
    onDone: @escaping @Sendable () -> Void
  ) {
    self.file = file
    self.consumer = consumer
    self.emitter = emitter
    self.inFlight = inFlight
    self.onDone = onDone
    self.queue = DispatchQueue(label: "piiscan.collector.\(file.index)")
    self.report = FileReport(file: file, status: .scanned)
    self.lineBase = file.lineBase
  }

  /// Called by the reader before it queues a chunk.
  func expectOne() { queue.sync { expected += 1 } }

  func deliver(_ result: consuming ChunkResult) {
    // Handed over in a box that is emptied on the queue: a closure capturing the result would
    // keep a second reference to its findings while `drain` edits them, and every edit would
    // copy the whole array (retaining each finding's strings).
    let handoff = Handoff(result)
    queue.async { [self] in
      // No local copy: it would live until `drain` returns.
      pending[handoff.result!.chunk.sequence] = handoff.result
      handoff.result = nil
      drain()
    }
  }

  func readingFinished(_ outcome: ChunkReader.Outcome) {
    queue.async { [self] in
      self.outcome = outcome
      drain()
    }
  }

  private func drain() {
    while var result = pending.removeValue(forKey: nextSequence) {
      nextSequence += 1
      delivered += 1
      // The findings are numbered in place: the array is this result's own, and copying a
      // finding retains each of its strings (this runs per finding).
      var findings: [Finding] = []
      swap(&findings, &result.findings)
      // Findings a previous chunk already reported (its overlap) are dropped.
      var last = lastEnd
      findings.removeAll { f in
        if f.offset < last { return true }
        last = f.offset + f.length
        return false
      }
      // Counted per chunk in a short list first: a chunk holds few entities, and comparing
      // the detectors' shared entity strings is cheaper than hashing one per finding.
      var counts: [(entity: String, count: EntityCount)] = []
      for i in findings.indices {
        findings[i].line += lineBase + 1
        lastEnd = findings[i].offset + findings[i].length
        let validated = findings[i].validated
        let slot: Int
        if let c = counts.firstIndex(where: { $0.entity == findings[i].entity }) {
          slot = c
        } else {
          slot = counts.count
          counts.append((findings[i].entity, EntityCount()))
        }
        counts[slot].count.count += 1
        if validated { counts[slot].count.validated += 1 }
      }
      for (entity, c) in counts {
        report.entityCounts[entity, default: EntityCount()].count += c.count
        report.entityCounts[entity, default: EntityCount()].validated += c.validated
      }
      lineBase += result.newlines
      let chunk = result.chunk
      if chunk.owned > 0 { lastByte = chunk.buffer.bytes[chunk.owned - 1] }
      if let hit = result.limitHits.first, report.error == nil {
        report.status = .partial
        report.error = ScanError(
          .matchLimit,
          "detector '\(hit.detector)' hit the PCRE2 match limit; part of this record was not searched (raise --match-limit or fix the pattern)",
          path: file.path, offset: hit.offset)
      }
      if let consumer, consumerError == nil {
        do {
          try consumer.consume(
            UnsafeRawBufferPointer(rebasing: chunk.buffer.bytes[0..<chunk.owned]),
            streamOffset: chunk.streamOffset,
            context: ChunkContext(format: chunk.format, compression: chunk.compression),
            findings: findings)
        } catch let error as ScanError {
          consumerError = error.at(path: file.path)
        } catch {
          consumerError = ScanError(.writeFailed, "\(error)", path: file.path)
        }
      }
      inFlight.signal()
      if !findings.isEmpty { emitter.findings(file, findings) }
    }
    guard let outcome, delivered == expected else { return }
    report.compression = outcome.compression
    report.format = outcome.format
    report.rawBytes = outcome.rawBytes
    report.rawSHA256 = outcome.rawSHA256
    report.bytes = outcome.bytes
    report.lines = lineBase + (outcome.bytes > 0 && lastByte != 0x0A ? 1 : 0)
    if let note = outcome.skippedNote {
      report.status = .skipped
      report.note = note
    }
    if let error = outcome.error ?? consumerError {
      report.status = .failed
      report.error = error
    }
    if let consumer { consumer.finish(&report) }
    emitter.finished(report)
    onDone()
  }
}

/// One chunk result on its way from a worker to a collector's queue.
// SAFETY: written by the worker before the hand-off and read once on the collector's queue.
private final class Handoff: @unchecked Sendable {
  var result: ChunkResult?
  init(_ result: consuming ChunkResult) { self.result = result }
}
