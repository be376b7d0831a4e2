import Dispatch
import Synchronization

/// The top-level flow of a scan, read top to bottom:
///
/// 1. expand the inputs (files, directories recursively, `-` for standard input);
/// 2. readers (up to `filesInFlight` files at once) decompress and cut each file into chunks of
///    whole records (``ChunkReader``), blocking when `chunksInFlight` chunks are unconsumed;
/// 3. `threads` workers scan chunks (``ChunkScanner``) in any order;
/// 4. each file's collector puts its results back in stream order, numbers lines, hands the
///    chunk to the file's ``ChunkConsumer`` (redaction) and frees it;
/// 5. the emitter delivers every file's events to the ``ScanSink`` in input order.
///
/// The same inputs, detectors and key give the same events whatever `threads` and `chunkSize`.
///
/// ```swift
/// let detectors = try PatternLoader.load()
/// let pipeline = ScanPipeline(detectors: detectors, fingerprinter: .ephemeral())
/// let summary = pipeline.run(inputs: ["logs/"], sink: mySink)
/// ```
public final class ScanPipeline: Sendable {
  public let detectors: DetectorSet
  public let fingerprinter: Fingerprinter
  public let options: ScanOptions
  /// Decompressed bytes read so far across inputs (for a progress line).
  public let progress = Atomic<Int>(0)

  public init(detectors: DetectorSet, fingerprinter: Fingerprinter, options: ScanOptions = ScanOptions()) {
    self.detectors = detectors
    self.fingerprinter = fingerprinter
    self.options = options
  }

  /// Scans `inputs` and returns when every event has been delivered to `sink`.
  ///
  /// `consumer`, when given, is asked once per file for a ``ChunkConsumer`` that receives the
  /// file's chunks in order (nil: the file's chunks are only scanned).
  public func run(
    inputs: [String], sink: ScanSink,
    consumer: (@Sendable (InputFile) -> ChunkConsumer?)? = nil
  ) {
    let emitter = OrderedEmitter(sink: sink)
    let files = InputExpander.expand(inputs) { problem in emitter.problem(problem) }
    run(files: files, emitter: emitter, consumer: consumer)
  }

  /// Scans files already expanded (a sweep's plan); `files[i].index` must be `i`.
  public func run(
    files: [InputFile], sink: ScanSink, consumer: (@Sendable (InputFile) -> ChunkConsumer?)? = nil
  ) {
    precondition(files.indices.allSatisfy { files[$0].index == $0 }, "file indices are 0..<count")
    run(files: files, emitter: OrderedEmitter(sink: sink), consumer: consumer)
  }

  private func run(
    files: [InputFile], emitter: OrderedEmitter, consumer: (@Sendable (InputFile) -> ChunkConsumer?)?
  ) {
    emitter.expect(files.count)

    let jobs = BlockingQueue<Chunk>()
    let inFlight = DispatchSemaphore(value: options.effectiveChunksInFlight)
    let fileSlots = DispatchSemaphore(value: max(1, options.filesInFlight))
    let allDone = DispatchGroup()
    let collectors = Mutex<[Int: FileCollector]>([:])

    // Workers: each owns its scanner (PCRE2 scratch) for its whole life.
    let workers = DispatchGroup()
    for i in 0..<max(1, options.threads) {
      let queue = DispatchQueue(label: "piiscan.worker.\(i)")
      queue.async(group: workers) { [detectors, fingerprinter, options] in
        let scanner = ChunkScanner(detectors: detectors, fingerprinter: fingerprinter, options: options)
        while let chunk = jobs.pop() {
          let result = scanner.scan(chunk)
          let collector = collectors.withLock { $0[chunk.file.index] }
          collector?.deliver(result)
        }
      }
    }

    // Readers: one file per slot; the collector releases the slot when the file is done.
    let readerQueue = DispatchQueue(label: "piiscan.readers", attributes: .concurrent)
    for file in files {
      fileSlots.wait()
      allDone.enter()
      let collector = FileCollector(
        file: file, consumer: consumer?(file), emitter: emitter, inFlight: inFlight
      ) {
        collectors.withLock { _ = $0.removeValue(forKey: file.index) }
        fileSlots.signal()
        allDone.leave()
      }
      collectors.withLock { $0[file.index] = collector }
      emitter.started(file)
      readerQueue.async { [options, self] in
        let reader = ChunkReader(file: file, options: options)
        let outcome = reader.read { chunk in
          inFlight.wait()
          self.progress.add(chunk.owned, ordering: .relaxed)
          collector.expectOne()
          jobs.push(chunk)
        }
        collector.readingFinished(outcome)
      }
    }
    allDone.wait()
    jobs.close()
    workers.wait()
    emitter.flush()
  }
}
