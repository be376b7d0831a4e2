import ArgumentParser
import PIIScanKit

/// Glue for `scan` and `redact`: sinks, catalog, lineage, progress line, summary, exit code.
struct ScanRun {
  let inputs: [String]
  let findingsPath: String?
  let detectors: DetectorSet
  let fingerprinter: Fingerprinter
  let options: ScanOptions
  let output: OutputOptions
  var consumer: (@Sendable (InputFile) -> ChunkConsumer?)? = nil
  var label = "scanned"
  /// Lineage outputs to write after the run (`--manifest`, `--openlineage`), with the recorder
  /// that collects them and the signer for `--sign-key`.
  var lineage: (options: LineageOptions, recorder: LineageRecorder, signer: ManifestSigner?)? = nil
  /// Record the run in this catalog (`--catalog`).
  var catalogPath: String? = nil
  /// The subcommand name recorded in the catalog.
  var command = "scan"
  /// The redaction policy recorded in the catalog's run row (its hash), for `redact`.
  var catalogPolicy: String? = nil

  /// Runs the scan and returns the exit code to throw.
  func execute() throws -> ExitCode {
    StandardOutputSink.ignoreBrokenPipeSignal()
    var sinks: [ScanSink] = []
    let summary = RunSummary(onError: { Console.error($0) })
    sinks.append(summary)
    if let lineage { sinks.append(lineage.recorder) }

    var writer: FindingsWriter? = nil
    var findingsDigest: DigestingSink? = nil
    if let path = findingsPath {
      // The findings file is hashed only for a lineage manifest that records it (SHA-256 over
      // every byte written; a dense log writes nearly as much JSON as it reads).
      var sink: any ByteSink = try openOutput(path)
      if lineage != nil {
        let digesting = DigestingSink(sink)
        findingsDigest = digesting
        sink = digesting
      }
      writer = FindingsWriter(output: sink, includeValues: output.includeValues)
    } else if consumer == nil {
      if Console.stdoutIsTTY {
        sinks.append(HumanFindingsPrinter())
      } else {
        writer = FindingsWriter(output: StandardOutputSink(), includeValues: output.includeValues)
      }
    }
    if let writer { sinks.append(writer) }

    var recording: CatalogRecording? = nil
    if let catalogPath {
      let started = try CatalogRecording.begin(
        path: catalogPath, command: command, detectors: detectors, fingerprinter: fingerprinter,
        policy: catalogPolicy)
      sinks.insert(started.sink, at: 0)
      recording = started
    }
    var fileConsumer = consumer
    if let recording {
      let next = consumer
      fileConsumer = { file in recording.sink.digestingConsumer(for: file, next: next?(file)) }
    }

    let pipeline = ScanPipeline(
      detectors: detectors, fingerprinter: fingerprinter, options: options)
    let start = Console.now()
    let progress =
      (!output.quiet && !output.noProgress && Console.stderrIsTTY)
      ? ProgressLine(label: label, bytes: { pipeline.progress.load(ordering: .relaxed) }) : nil
    pipeline.run(inputs: inputs, sink: MultiSink(sinks), consumer: fileConsumer)
    progress?.finish()
    let elapsed = Console.now() - start

    var failed = summary.hasErrors
    if let recording, !recording.finish() { failed = true }
    if let writer {
      do { try writer.finish() } catch is BrokenPipeError {
      } catch {
        Console.stderr("piiscan: error: cannot write findings: \(error)")
        lineage?.recorder.recordFailure("cannot write the findings file")
        failed = true
      }
    }
    // Only a regular file can be re-hashed later; stdout and devices are not recorded.
    if let lineage, let path = findingsPath, let digest = findingsDigest?.sha256Hex,
      FileSystem.status(path).kind == .file
    {
      lineage.recorder.recordOutput(
        inputs: lineage.recorder.inputPaths, path: path, sha256: digest, policy: nil)
    }
    if !output.quiet { printSummary(summary, elapsed: elapsed) }
    if let path = output.summaryJSON {
      let json = summary.json(
        seconds: elapsed, extra: [("peak_rss_bytes", "\(Console.peakRSSBytes())")])
      do {
        var sink = try openOutput(path)
        try json.withUnsafeBytes { try sink.write($0) }
        try sink.finish()
      } catch {
        Console.stderr("piiscan: error: cannot write summary: \(error)")
        lineage?.recorder.recordFailure("cannot write the summary")
        failed = true
      }
    }
    var catalogRun: (path: String, runID: Int64)? = nil
    if let catalogPath, let recording { catalogRun = (catalogPath, recording.runID) }
    if let lineage,
      !lineage.options.write(lineage.recorder, signer: lineage.signer, catalog: catalogRun)
    {
      failed = true
    }
    if failed { return Exit.error }
    if summary.findings > 0 && !output.exitZero { return Exit.findings }
    return Exit.clean
  }

  private func printSummary(_ s: RunSummary, elapsed: Double) {
    let rate = Double(s.bytes) / max(elapsed, 1e-6)
    var text =
      "piiscan: \(s.files) file\(s.files == 1 ? "" : "s"), \(Console.megabytes(s.bytes)) in \(Double(Int(elapsed * 100)) / 100) s (\(Console.megabytes(Int(rate)))/s); \(s.findings) finding\(s.findings == 1 ? "" : "s")"
    let validated = s.entityCounts.values.reduce(0) { $0 + $1.validated }
    if s.findings > 0 { text += " (\(validated) validated)" }
    for entity in s.entityCounts.keys.sorted() {
      let c = s.entityCounts[entity]!
      let pad = String(repeating: " ", count: max(1, 22 - entity.count))
      text += "\n  \(entity)\(pad)\(c.count)  (\(c.validated) validated)"
    }
    if s.filesSkipped > 0 { text += "\n  skipped: \(s.filesSkipped) file(s)" }
    for r in s.reports where r.status == .skipped {
      text += "\n    \(r.file.path): \(r.note ?? "skipped")"
    }
    if s.filesFailed + s.filesPartial > 0 || !s.errors.isEmpty {
      text += "\n  failures: \(s.errors.count) (listed above); exit code 2"
    }
    Console.stderr(text)
  }
}

/// Opens `path` for writing: standard output for `-`, else an atomic file (temp + rename).
func openOutput(_ path: String) throws -> any ByteSink {
  try OutputFile.open(path)
}

/// One readable line per finding, for a terminal.
final class HumanFindingsPrinter: ScanSink, @unchecked Sendable {
  // SAFETY: called serially by the pipeline's emitter.
  func handle(_ event: ScanEvent) {
    guard case .findings(_, let findings) = event else { return }
    var text = ""
    for f in findings {
      let field = f.field.map { " [\($0)]" } ?? ""
      text +=
        "\(f.source):\(f.line): \(f.entity)\(field) \(f.preview) (\(f.detector)\(f.validated ? ", validated" : ""), \(f.confidence))\n"
    }
    let out = StandardOutputSink()
    _ = try? Array(text.utf8).withUnsafeBytes { try out.write($0) }
  }
}
