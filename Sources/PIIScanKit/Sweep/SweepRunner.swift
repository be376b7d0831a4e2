/// One incremental sweep: plan against the catalog, record what is skipped, scan the rest
/// through ``ScanPipeline`` into a ``CatalogSink``, and close the run.
///
/// The caller holds the catalog's ``FileLock`` for the whole call (the CLI does), which makes
/// it safe to clean up after killed runs first. Every file is committed as it finishes, so a
/// sweep that is killed can simply be run again: finished files are then unchanged.
///
/// ```swift
/// let lock = try FileLock(path: FileLock.path(forCatalog: "c.db"), wait: false)
/// let result = try SweepRunner(store: store, planner: planner, pipeline: pipeline, run: record)
///   .execute(sink: summary)
/// ```
public struct SweepRunner {
  /// The catalog.
  public let store: CatalogStore
  /// Decides what to scan.
  public let planner: SweepPlanner
  /// Scans the files to scan.
  public let pipeline: ScanPipeline
  /// What the run records about itself.
  public let run: RunRecord
  /// Called on the catalog queue after each scanned file is committed.
  public var onCommit: (@Sendable (FileReport) -> Void)?
  /// Wraps each file's digesting consumer (redaction into a mirrored tree, later).
  public var consumer: (@Sendable (InputFile) -> ChunkConsumer?)?

  /// A sweep; nothing happens until ``execute(sink:)``.
  public init(store: CatalogStore, planner: SweepPlanner, pipeline: ScanPipeline, run: RunRecord) {
    self.store = store
    self.planner = planner
    self.pipeline = pipeline
    self.run = run
  }

  /// What a sweep did.
  public struct Result: Sendable {
    /// The run id in the catalog.
    public var runID: Int64
    /// What was recorded.
    public var totals: RunTotals
    /// What was decided per file.
    public var plan: SweepPlanner.Plan
    /// Runs found killed and cleaned up before this one.
    public var recoveredRuns: Int
  }

  /// Runs the sweep; `sink` also receives every scan event (summary, progress, printing).
  public func execute(sink: ScanSink) throws -> Result {
    let recovered = try store.recoverInterruptedRuns()
    let plan = try planner.plan(store: store)
    let runID = try store.beginRun(run)
    var facts: [Int: FileFacts] = [:]
    var offsets: [Int: Int] = [:]
    var files: [InputFile] = []
    for (i, c) in plan.scan.enumerated() {
      files.append(
        InputFile(path: c.path, index: i, startOffset: c.startOffset, lineBase: c.lineBase))
      facts[i] = c.facts
      if c.startOffset > 0 { offsets[i] = c.startOffset }
    }
    let catalog = CatalogSink(
      store: store, runID: runID, detectorSetHash: run.detectors.hash, facts: facts,
      scanOffsets: offsets, onCommit: onCommit)
    for skipped in plan.skipped + plan.deleted { catalog.recordSkipped(skipped) }
    for problem in plan.problems { sink.handle(.inputProblem(problem)) }
    let next = consumer
    pipeline.run(files: files, sink: MultiSink([catalog, sink])) { file in
      catalog.digestingConsumer(for: file, next: next?(file))
    }
    let totals = try catalog.finish()
    try store.finishRun(runID, totals: totals)
    return Result(runID: runID, totals: totals, plan: plan, recoveredRuns: recovered)
  }
}
