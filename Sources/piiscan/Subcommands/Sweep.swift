import ArgumentParser
import PIIScanKit
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

extension PIIScanCommand {
  /// `piiscan sweep`: incremental, cron-safe scans of directory trees into a catalog.
  struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Scan directory trees incrementally into a catalog (safe to run from cron).",
      discussion: """
        Walks the roots and scans every candidate file, recording runs, files and findings
        (never values) in the --catalog. Files unchanged since their last scan (size, mtime,
        inode) under the same detectors are skipped without reading; files whose content was
        already scanned (a rotated app.log.1 that became app.log.2.gz, a renamed file) are
        recorded as seen; plain logs that only grew are scanned from where the last sweep
        stopped. --full rescans everything; changing the detectors (--enable, --disable,
        --patterns, --country) rescans everything too. See docs/catalog.md.

        --out-dir DIR also writes a redacted copy (as `redact --out-dir` would, with the same
        --policy, --operator, --compress and key flags) of every file the sweep reads, mirrored
        under DIR. Unchanged files are not read, so their previous copy stays as it was (a
        missing copy is made again); with --out-dir, grown logs and renamed files are redacted
        whole under their own name. After changing the policy or key, add --full once.

        Each sweep writes a lineage manifest to <catalog>.runs/<catalog-run-id>.lineage.json
        (or --manifest FILE): the files read, their copies with SHA-256, the policy.

        A lock on <catalog>.lock keeps overlapping runs apart: a second sweep exits at once
        with code 3. A killed sweep resumes where it stopped when run again.

        EXIT CODES
          0  no new findings (or --exit-zero)
          1  new findings in this sweep
          2  errors (unreadable files or directories, symlink loops, catalog errors)
          3  another run holds the catalog lock; nothing was done

        EXAMPLES
          piiscan sweep /var/log/app --catalog pii.db --include '*.log*' --quiet
          piiscan sweep data/ --catalog pii.db --exclude '*.tmp' --json
        """)

    @Argument(help: ArgumentHelp("Directories (or files) to sweep.", valueName: "root"))
    var roots: [String] = []

    @Option(
      help: ArgumentHelp(
        "The SQLite catalog to record into (created if missing).", valueName: "file"))
    var catalog: String

    @Option(
      help: ArgumentHelp(
        "Only files matching this glob (name, or whole path if it has a /). Repeatable.",
        valueName: "glob"))
    var include: [String] = []

    @Option(help: ArgumentHelp("Skip files matching this glob. Repeatable.", valueName: "glob"))
    var exclude: [String] = []

    @Flag(help: "Rescan every file, ignoring what the catalog knows.")
    var full = false

    @Flag(help: "Print only when there are findings or errors.")
    var quiet = false

    @Flag(help: "Print a one-object JSON summary on stdout.")
    var json = false

    @Option(
      help: ArgumentHelp(
        "Also write this sweep's findings as SARIF 2.1.0 to this file (- for stdout).",
        valueName: "file"))
    var sarif: String?

    @Flag(
      name: .customLong("exit-zero"),
      help: "Exit 0 even when there are findings (errors still exit 2).")
    var exitZero = false

    @Flag(name: .customLong("no-progress"), help: "No progress line, even on a terminal.")
    var noProgress = false

    @Option(
      name: .customLong("out-dir"),
      help: ArgumentHelp(
        "Also write a redacted copy of every file scanned into this directory, mirroring each root.",
        valueName: "dir"))
    var outDir: String?

    @OptionGroup var redaction: RedactionOptions
    @OptionGroup var detection: DetectionOptions
    @OptionGroup var lineage: LineageOptions

    func validate() throws {
      if roots.isEmpty { throw ValidationError("give at least one directory to sweep") }
      if roots.contains("-") {
        throw ValidationError("sweep reads files, not standard input; use scan -")
      }
      try lineage.check(hasCatalog: true)
      if outDir == nil
        && (redaction.policy != nil || !redaction.operators.isEmpty || redaction.compress != nil
          || redaction.level != nil || redaction.ephemeralKey)
      {
        throw ValidationError(
          "--policy, --operator, --compress, --level and --ephemeral-key shape redacted copies; also give --out-dir DIR"
        )
      }
    }

    func run() throws {
      StandardOutputSink.ignoreBrokenPipeSignal()
      let detectors: DetectorSet
      let fingerprinter: Fingerprinter
      let options: ScanOptions
      let policy: RedactionPolicy?
      let signer: ManifestSigner?
      do {
        detectors = try detection.loadDetectors()
        options = try detection.scanOptions()
        signer = try lineage.loadSigner()
        if outDir != nil {
          let loaded = try redaction.loadPolicy(detection: detection)
          policy = loaded
          fingerprinter = try redaction.fingerprinter(for: loaded, detection: detection)
        } else {
          policy = nil
          fingerprinter = try KeyResolver.fingerprinter(keyFile: detection.keyFile)
        }
      } catch let error as ScanError {
        Console.error(error)
        throw Exit.error
      }
      let lockPath = FileLock.path(forCatalog: catalog)
      let lock: FileLock
      do {
        lock = try FileLock(path: lockPath, wait: false)
      } catch .held {
        Console.stderr("piiscan: another run is using \(catalog) (lock \(lockPath) held); exiting")
        throw Exit.locked
      } catch {
        Console.stderr("piiscan: error: cannot lock \(lockPath): \(error)")
        throw Exit.error
      }
      defer { lock.release() }

      let store: CatalogStore
      do { store = try CatalogStore(path: catalog) } catch let error as ScanError {
        Console.error(error)
        throw Exit.error
      }
      var planner = SweepPlanner(roots: roots, detectorSetHash: detectors.hash)
      planner.include = include
      planner.exclude = exclude
      planner.full = full
      // Copies must be whole and under each file's own name: no resumed tails, no "seen".
      planner.resumesAppends = outDir == nil
      planner.skipsSeenContent = outDir == nil
      var outputPlan: OutputPlan? = nil
      if let outDir {
        do {
          let plan = try Self.outputPlan(roots: roots, outDir: outDir, redaction: redaction)
          planner.rescansUnchanged = { Self.copyIsMissing($0, plan: plan) }
          outputPlan = plan
        } catch {
          Console.error(error)
          throw Exit.error
        }
      }
      let pipeline = ScanPipeline(
        detectors: detectors, fingerprinter: fingerprinter, options: options)
      var runner = SweepRunner(
        store: store, planner: planner, pipeline: pipeline,
        run: RunRecord(
          command: "sweep", arguments: Array(CommandLine.arguments.dropFirst(2)),
          detectors: detectors, policy: policy?.hash,
          keyID: fingerprinter.keyID, toolVersion: PIIScanCommand.version))
      runner.onCommit = Self.testExitHook()
      let recorder = LineageRecorder(
        command: "sweep", arguments: Array(CommandLine.arguments.dropFirst()),
        detectors: detectors, fingerprinter: fingerprinter, policy: policy?.canonicalText)
      if let plan = outputPlan, let policy {
        runner.consumer = Self.redactingConsumer(
          plan: plan, policy: policy, workers: options.threads, recorder: recorder)
      }

      let summary = RunSummary(onError: { Console.error($0) })
      let start = Console.now()
      let progress =
        (!quiet && !json && !noProgress && Console.stderrIsTTY)
        ? ProgressLine(label: "swept", bytes: { pipeline.progress.load(ordering: .relaxed) }) : nil
      let result: SweepRunner.Result
      do {
        result = try runner.execute(sink: MultiSink([summary, recorder]))
      } catch let error as ScanError {
        progress?.finish()
        Console.error(error)
        throw Exit.error
      }
      progress?.finish()
      let elapsed = Console.now() - start
      let report = SweepReport(result: result, summary: summary, seconds: elapsed)
      if json {
        let out = StandardOutputSink()
        _ = try? report.json().withUnsafeBytes { try out.write($0) }
      } else if !quiet || report.findings > 0 || report.hasErrors
        || !result.totals.changedPaths.isEmpty
      {
        Console.stderr(report.text())
      }
      var sarifFailed = false
      if let sarif {
        do {
          let document = try SARIFWriter.document(
            store: store, run: result.runID, toolVersion: PIIScanCommand.version)
          var sink = try OutputFile.open(sarif)
          try document.withUnsafeBytes { try sink.write($0) }
          try sink.finish()
        } catch {
          Console.stderr("piiscan: error: cannot write SARIF: \(error)")
          sarifFailed = true
        }
      }
      let lineageWritten = lineage.write(
        recorder, signer: signer, catalog: (path: catalog, runID: result.runID))
      if report.hasErrors || sarifFailed || !lineageWritten { throw Exit.error }
      if report.findings > 0 && !exitZero { throw Exit.findings }
      throw Exit.clean
    }

    /// `PIISCAN_TEST_EXIT_AFTER_FILES=N`: end the process abruptly (`_exit(99)`, no cleanup,
    /// like a kill) once N scanned files are committed. For the resume tests only.
    static func testExitHook() -> (@Sendable (FileReport) -> Void)? {
      guard let text = getenv("PIISCAN_TEST_EXIT_AFTER_FILES"),
        let limit = Int(String(cString: text))
      else {
        return nil
      }
      let box = AtomicBox()
      return { _ in
        if box.value.add(1, ordering: .relaxed).newValue >= limit { _exit(99) }
      }
    }
  }
}

/// Lets a closure share an `Atomic` counter.
final class AtomicBox: Sendable {
  let value = Atomic<Int>(0)
}

/// The sweep's result as text (stderr) or one JSON object (`--json`).
struct SweepReport {
  let result: SweepRunner.Result
  let summary: RunSummary
  let seconds: Double

  var findings: Int { result.totals.findings }
  var hasErrors: Bool {
    summary.hasErrors || !result.plan.problems.isEmpty || result.totals.filesFailed > 0
  }
  var unchanged: Int { result.plan.skipped.filter { $0.reason == .unchanged }.count }
  var seen: Int { result.plan.skipped.filter { $0.reason == .seen }.count }
  var resumed: Int { result.plan.scan.filter { $0.startOffset > 0 }.count }

  /// `{"run_id":N,"files_scanned":N,"files_resumed":N,"files_skipped":N,"files_unchanged":N,
  /// "files_seen":N,"files_deleted":N,"files_failed":N,"files_changed":N,"bytes":N,"findings":N,
  /// "entities":{…},"errors":N,"recovered_runs":N,"seconds":S}`
  func json() -> [UInt8] {
    var out = Array(
      "{\"run_id\":\(result.runID),\"files_scanned\":\(result.totals.filesScanned),\"files_resumed\":\(resumed),\"files_skipped\":\(result.totals.filesSkipped),\"files_unchanged\":\(unchanged),\"files_seen\":\(seen),\"files_deleted\":\(result.plan.deleted.count),\"files_failed\":\(result.totals.filesFailed),\"files_changed\":\(result.totals.changedPaths.count),\"bytes\":\(summary.bytes),\"findings\":\(findings),\"entities\":{"
        .utf8)
    for (i, entity) in summary.entityCounts.keys.sorted().enumerated() {
      let c = summary.entityCounts[entity] ?? EntityCount()
      if i > 0 { out.append(0x2C) }
      FindingJSON.appendString(Array(entity.utf8), to: &out)
      out += Array(":{\"count\":\(c.count),\"validated\":\(c.validated)}".utf8)
    }
    out += Array(
      "},\"errors\":\(summary.errors.count),\"recovered_runs\":\(result.recoveredRuns),\"seconds\":\(Double(Int(seconds * 1000)) / 1000)}\n"
        .utf8)
    return out
  }

  func text() -> String {
    var text =
      "piiscan: sweep run \(result.runID): \(result.totals.filesScanned) scanned (\(resumed) resumed), \(unchanged) unchanged, \(seen) seen, \(result.plan.deleted.count) deleted, \(result.totals.filesFailed) failed; \(findings) new finding\(findings == 1 ? "" : "s")"
    for entity in summary.entityCounts.keys.sorted() {
      let c = summary.entityCounts[entity] ?? EntityCount()
      text += "\n  \(entity): \(c.count) (\(c.validated) validated)"
    }
    for d in result.plan.deleted { text += "\n  gone since the last sweep: \(d.path)" }
    for path in result.totals.changedPaths {
      text += "\n  changed while being scanned (will be rescanned): \(path)"
    }
    if result.recoveredRuns > 0 {
      text +=
        "\n  \(result.recoveredRuns) interrupted run(s) cleaned up; their finished files were kept"
    }
    return text
  }
}
