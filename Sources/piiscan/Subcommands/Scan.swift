import ArgumentParser
import PIIScanKit

extension PIIScanCommand {
  /// `piiscan scan`: find PII and write a findings file.
  struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Scan files, directories or standard input for personal data.",
      discussion: """
        Inputs may be plain, gzip or zstd (detected from their first bytes) and text, JSON Lines
        or CSV (detected from content and name, or --format). Directories are walked
        recursively. Use - for standard input.

        Findings go to --findings as JSON Lines (schema in the README): where (source, offset,
        line, field), what (entity, detector, confidence, validated), a masked preview and a
        keyed fingerprint. Raw values are written only with --include-values. Without
        --findings, findings go to standard output: JSON Lines when it is a pipe or file, one
        readable line each on a terminal.

        A summary goes to stderr (nothing but errors with --quiet).

        --manifest writes a lineage manifest (inputs with their SHA-256, detectors, key id,
        finding counts, outputs); --openlineage writes the same run as an OpenLineage RunEvent;
        --sign-key signs the manifest (see `piiscan lineage` and docs/lineage.md). With --catalog
        and no --manifest, the manifest goes to <catalog>.runs/<catalog-run-id>.lineage.json.

        EXAMPLES
          piiscan scan logs/ --findings findings.jsonl
          zstdcat export.jsonl.zst | piiscan scan - --format jsonl --findings -
          piiscan scan data.csv --enable email,credit_card --key-file team.key
        """)

    @Argument(
      help: ArgumentHelp("Files or directories to scan; - for standard input.", valueName: "input"))
    var inputs: [String] = []

    @Option(
      help: ArgumentHelp(
        "Write findings as JSON Lines to this file (- for stdout).", valueName: "file"))
    var findings: String?

    @OptionGroup var detection: DetectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var lineage: LineageOptions
    @OptionGroup var catalog: CatalogOptions

    func validate() throws {
      if inputs.isEmpty {
        throw ValidationError("give at least one input path, or - to read standard input")
      }
      try lineage.check(hasCatalog: catalog.catalog != nil)
    }

    func run() throws {
      let detectors: DetectorSet
      let fingerprinter: Fingerprinter
      let options: ScanOptions
      let signer: ManifestSigner?
      do {
        detectors = try detection.loadDetectors()
        fingerprinter = try KeyResolver.fingerprinter(keyFile: detection.keyFile)
        options = try detection.scanOptions()
        signer = try lineage.loadSigner()
      } catch let error as ScanError {
        Console.error(error)
        throw Exit.error
      }
      var scanOptions = options
      // Input hashes are for the catalog and the manifest; a plain scan skips them.
      scanOptions.digestsInputs = lineage.isRequested || catalog.catalog != nil
      var run = ScanRun(
        inputs: inputs, findingsPath: findings, detectors: detectors, fingerprinter: fingerprinter,
        options: scanOptions, output: output)
      run.catalogPath = catalog.catalog
      // With a catalog, a manifest is written next to it even without --manifest.
      if lineage.isRequested || catalog.catalog != nil {
        let recorder = LineageRecorder(
          command: "scan", arguments: Array(CommandLine.arguments.dropFirst()),
          detectors: detectors, fingerprinter: fingerprinter)
        run.lineage = (lineage, recorder, signer)
      }
      let outcome = try run.execute()
      throw outcome
    }
  }
}
