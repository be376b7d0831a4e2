import Dispatch

/// Delivers events to the sink in input order: the head file's events go out at once, later
/// files' events wait (findings only; chunks never wait here) until every earlier file finished.
// SAFETY: all mutable state is touched only on `queue` (a serial queue); the sink is called
// only from it, so sinks see one event at a time.
final class OrderedEmitter: @unchecked Sendable {
  private let sink: ScanSink
  private let queue = DispatchQueue(label: "piiscan.emitter")
  private var head = 0
  private var total = 0
  private var waiting: [Int: [ScanEvent]] = [:]
  private var done: Set<Int> = []

  init(sink: ScanSink) { self.sink = sink }

  func expect(_ count: Int) { queue.sync { total = count } }

  func problem(_ error: ScanError) { queue.async { self.sink.handle(.inputProblem(error)) } }

  func started(_ file: InputFile) { post(file.index, .fileStarted(file), finished: false) }

  func findings(_ file: InputFile, _ findings: [Finding]) {
    post(file.index, .findings(file, findings), finished: false)
  }

  func finished(_ report: FileReport) { post(report.file.index, .fileFinished(report), finished: true) }

  /// Waits until every posted event has been handled.
  func flush() { queue.sync {} }

  private func post(_ index: Int, _ event: ScanEvent, finished: Bool) {
    queue.async { [self] in
      if index == head {
        sink.handle(event)
      } else {
        waiting[index, default: []].append(event)
      }
      if finished { done.insert(index) }
      while done.contains(head) {
        head += 1
        if let events = waiting.removeValue(forKey: head) {
          for e in events { sink.handle(e) }
        }
      }
    }
  }
}
