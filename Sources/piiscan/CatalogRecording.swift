import ArgumentParser
import PIIScanKit

/// A run being recorded in a catalog by `scan`/`redact`: the lock, the store and the sink.
///
/// `policy` is the redaction policy's hash for `redact` (the catalog's `runs.policy`).
final class CatalogRecording: Sendable {
  let lock: LockBox
  let store: CatalogStore
  let sink: CatalogSink
  let runID: Int64

  /// Holds the ``FileLock`` until the recording ends.
  // SAFETY: the lock is created and released on the main thread only.
  final class LockBox: @unchecked Sendable {
    let lock: FileLock
    init(_ lock: FileLock) { self.lock = lock }
  }

  private init(lock: LockBox, store: CatalogStore, sink: CatalogSink, runID: Int64) {
    self.lock = lock
    self.store = store
    self.sink = sink
    self.runID = runID
  }

  /// Takes the catalog lock (waiting for a running sweep, with a note), opens and migrates the
  /// catalog, cleans up killed runs and starts this run.
  static func begin(
    path: String, command: String, detectors: DetectorSet, fingerprinter: Fingerprinter,
    policy: String? = nil
  ) throws -> CatalogRecording {
    let lockPath = FileLock.path(forCatalog: path)
    let lock: FileLock
    do {
      do {
        lock = try FileLock(path: lockPath, wait: false)
      } catch .held {
        Console.stderr("piiscan: waiting for another run to release \(lockPath)")
        lock = try FileLock(path: lockPath, wait: true)
      }
    } catch {
      Console.stderr("piiscan: error: cannot lock \(lockPath): \(error)")
      throw Exit.error
    }
    do {
      let store = try CatalogStore(path: path)
      try store.recoverInterruptedRuns()
      let runID = try store.beginRun(
        RunRecord(
          command: command, arguments: Array(CommandLine.arguments.dropFirst(2)),
          detectors: detectors, policy: policy, keyID: fingerprinter.keyID,
          toolVersion: PIIScanCommand.version))
      let sink = CatalogSink(store: store, runID: runID, detectorSetHash: detectors.hash)
      return CatalogRecording(lock: LockBox(lock), store: store, sink: sink, runID: runID)
    } catch let error as ScanError {
      Console.error(error)
      throw Exit.error
    }
  }

  /// Waits for the catalog writes, closes the run and releases the lock; false on a write error
  /// (already reported).
  func finish() -> Bool {
    defer { lock.lock.release() }
    do {
      let totals = try sink.finish()
      try store.finishRun(runID, totals: totals)
      return true
    } catch let error as ScanError {
      Console.error(error)
    } catch {
      Console.stderr("piiscan: error: catalog: \(error)")
    }
    return false
  }
}
