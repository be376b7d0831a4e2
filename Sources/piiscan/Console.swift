#if canImport(Glibc)
  import Glibc
#endif
import Dispatch
import PIIScanKit
import Synchronization

/// Terminal output: the only place that writes to stderr, plus the progress line.
enum Console {
  static func stderr(_ text: String) {
    var line = text
    if !line.hasSuffix("\n") { line += "\n" }
    _ = line.utf8CString.withUnsafeBufferPointer { p in
      Glibc.write(2, p.baseAddress, p.count - 1)
    }
  }

  static func error(_ error: ScanError) { stderr("piiscan: error: \(error)") }

  static var stderrIsTTY: Bool { isatty(2) == 1 }
  static var stdoutIsTTY: Bool { isatty(1) == 1 }

  static func megabytes(_ bytes: Int) -> String {
    let mb = Double(bytes) / 1_000_000
    return mb >= 100 ? "\(Int(mb.rounded())) MB" : "\(Double(Int(mb * 10)) / 10) MB"
  }

  /// Peak resident set size of this process (`getrusage`), in bytes.
  static func peakRSSBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
  }

  /// Monotonic seconds.
  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}

/// A progress line on a terminal, redrawn twice a second while a run lasts longer than a second.
final class ProgressLine: Sendable {
  private let stop = Atomic<Bool>(false)
  private let done = DispatchSemaphore(value: 0)

  init(label: String, bytes: @escaping @Sendable () -> Int) {
    let start = Console.now()
    DispatchQueue.global().async { [self] in
      var drawn = false
      while !self.stop.load(ordering: .relaxed) {
        usleep(100_000)
        let elapsed = Console.now() - start
        if elapsed < 1 || Int(elapsed * 10) % 5 != 0 { continue }
        let b = bytes()
        let rate = Double(b) / max(elapsed, 0.001)
        Console.stderrRaw("\r\(label) \(Console.megabytes(b)) (\(Console.megabytes(Int(rate)))/s)   ")
        drawn = true
      }
      if drawn { Console.stderrRaw("\r\u{1B}[K") }
      self.done.signal()
    }
  }

  func finish() {
    stop.store(true, ordering: .relaxed)
    done.wait()
  }
}

extension Console {
  static func stderrRaw(_ text: String) {
    _ = text.utf8CString.withUnsafeBufferPointer { p in Glibc.write(2, p.baseAddress, p.count - 1) }
  }
}
