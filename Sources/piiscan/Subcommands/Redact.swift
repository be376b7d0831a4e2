import ArgumentParser
import PIIScanKit

extension PIIScanCommand {
  /// `piiscan redact`: write copies with every finding replaced (docs/redact.md).
  struct Redact: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write redacted copies: every finding replaced, every other byte unchanged.",
      discussion: """
        Runs the same detection as scan and writes a copy of each input in the same format and
        compression (zstd stays zstd, gzip stays gzip; --compress changes it). JSON Lines stay
        valid JSON, CSV keeps its columns and quoting, text keeps its lines. A copy appears
        under its final name only when complete (temporary file, fsync, rename); a corrupt or
        truncated input gets no copy (or <copy>.partial with --allow-partial) and exit code 2.

        OPERATORS (--operator OP sets the default, --operator ENTITY=OP one entity; a --policy
        file sets both, the command line wins)
          tag      [EMAIL] (default)
          mask     same length, separators kept: **** **** **** ****
          partial  last 4 of cards, IBANs, accounts, phones, SSNs; the @domain of emails
          hash     keyed pseudonym EMAIL_3f9a1c2b7d10 (needs --key-file or PIISCAN_KEY, or
                   --ephemeral-key for unlinkable one-off tokens)
          remove   nothing
          keep     unchanged, only reported

        EXAMPLES
          piiscan redact app.log -o app.redacted.log
          zstdcat x.zst | piiscan redact - -o - | zstd > y.zst
          piiscan redact datasets/ --out-dir clean/ --policy policy.yaml --key-file team.key
          piiscan redact train.jsonl --in-place --skip-fields /id --verify
          piiscan redact logs/ --out-dir clean/ --catalog pii.db --manifest run.lineage.json

        --catalog records the run (command redact, the policy's hash) in a catalog; --manifest
        records every input and copy with its SHA-256 (see docs/lineage.md); with --catalog and
        no --manifest the manifest goes to <catalog>.runs/<catalog-run-id>.lineage.json.

        EXIT CODES: 0 nothing found, 1 findings redacted (or kept), 2 an error (other inputs
        still get their copies).
        """)

    @Argument(
      help: ArgumentHelp(
        "Files or directories to redact; - for standard input.", valueName: "input"))
    var inputs: [String] = []

    @Option(
      name: [.customShort("o"), .customLong("output")],
      help: ArgumentHelp("Write the copy of the one input here (- for stdout).", valueName: "file"))
    var output: String?

    @Option(
      name: .customLong("out-dir"),
      help: ArgumentHelp(
        "Write copies into this directory, mirroring directory inputs.", valueName: "dir"))
    var outDir: String?

    @Flag(
      name: .customLong("in-place"),
      help: "Replace each input by its copy, once the copy is complete.")
    var inPlace = false

    @Option(
      help: ArgumentHelp(
        "Also write findings as JSON Lines to this file (same schema as scan).", valueName: "file"))
    var findings: String?

    @Option(
      help: ArgumentHelp(
        "Only redact these JSON Pointers (and below); repeatable.", valueName: "pointer"))
    var fields: [String] = []

    @Option(
      name: .customLong("skip-fields"),
      help: ArgumentHelp(
        "Leave these JSON Pointers (and below) alone; repeatable.", valueName: "pointer"))
    var skipFields: [String] = []

    @Option(
      help: ArgumentHelp(
        "Only redact these CSV columns (header names); repeatable.", valueName: "name"))
    var columns: [String] = []

    @Option(
      name: .customLong("skip-columns"),
      help: ArgumentHelp("Leave these CSV columns alone; repeatable.", valueName: "name"))
    var skipColumns: [String] = []

    @Flag(
      name: .customLong("allow-partial"),
      help: "Keep the copy of a failed input as <copy>.partial instead of none.")
    var allowPartial = false

    @Flag(
      help: "Re-scan each copy before renaming it into place; fail if anything redactable remains.")
    var verify = false

    @OptionGroup var redaction: RedactionOptions
    @OptionGroup var detection: DetectionOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var lineage: LineageOptions
    @OptionGroup var catalog: CatalogOptions

    func validate() throws {
      if inputs.isEmpty {
        throw ValidationError("give at least one input path, or - to read standard input")
      }
      let modes = (output != nil ? 1 : 0) + (outDir != nil ? 1 : 0)
      if modes > 1 { throw ValidationError("give either -o or --out-dir, not both") }
      if modes == 0 && !inPlace {
        throw ValidationError("say where copies go: -o FILE, --out-dir DIR or --in-place")
      }
      if inPlace && outDir != nil {
        throw ValidationError("--in-place replaces the inputs; it does not take --out-dir")
      }
      try lineage.check(hasCatalog: catalog.catalog != nil)
      if output == "-" && findings == "-" {
        throw ValidationError(
          "the copy already goes to standard output; write --findings to a file")
      }
      if verify && output == "-" {
        throw ValidationError(
          "--verify re-reads the written copy; it needs a file, not standard output")
      }
    }

    func run() throws {
      let run: ScanRun
      do {
        run = try prepare()
      } catch let error as ScanError {
        Console.error(error)
        throw Exit.error
      }
      throw try run.execute()
    }

    /// Everything checked before a byte is read: policy, key, plan.
    private func prepare() throws -> ScanRun {
      let detectors = try detection.loadDetectors()
      var options = try detection.scanOptions()
      options.fieldScope = FieldScope(
        fields: fields, skipFields: skipFields, columns: columns, skipColumns: skipColumns)
      // Input hashes are for the lineage manifest and the catalog only, as in `scan`.
      options.digestsInputs = lineage.isRequested || catalog.catalog != nil

      let policy = try redaction.loadPolicy(detection: detection)
      let fingerprinter = try redaction.fingerprinter(for: policy, detection: detection)
      let signer = try lineage.loadSigner()

      let mode: OutputPlan.Mode =
        if let output { .file(output) } else if let outDir { .directory(outDir) } else { .inPlace }
      let plan = try OutputPlan(
        inputs: inputs, mode: mode, compression: redaction.compression,
        level: redaction.level, allowPartial: allowPartial, allowReplacingInput: inPlace)
      let redactor = Redactor(policy: policy)
      let verifier =
        verify
        ? RedactionVerifier(
          detectors: detectors, fingerprinter: fingerprinter, options: options, policy: policy)
        : nil
      let workers = options.threads
      var run = ScanRun(
        inputs: inputs, findingsPath: findings, detectors: detectors, fingerprinter: fingerprinter,
        options: options, output: outputOptions)
      run.label = "redacted"
      run.command = "redact"
      run.catalogPath = catalog.catalog
      run.catalogPolicy = policy.hash
      // Lineage: every committed copy becomes an output with an edge from its input; with a
      // catalog the manifest is written next to it even without --manifest.
      let policyText = policy.canonicalText
      let recorder =
        lineage.isRequested || catalog.catalog != nil
        ? LineageRecorder(
          command: "redact", arguments: Array(CommandLine.arguments.dropFirst()),
          detectors: detectors, fingerprinter: fingerprinter, policy: policyText) : nil
      let onCommit: (@Sendable (String, String, String) -> Void)?
      if let recorder {
        run.lineage = (lineage, recorder, signer)
        onCommit = { input, output, sha256 in
          recorder.recordOutput(input: input, path: output, sha256: sha256, policy: policyText)
        }
      } else {
        onCommit = nil
      }
      run.consumer = { file in
        switch plan.target(for: file) {
        case .success(let target):
          return RedactingWriter(
            target: target, redactor: redactor, verifier: verifier, compressionWorkers: workers,
            onCommit: onCommit)
        case .failure(let error):
          return RedactingWriter(
            target: RedactionTarget(path: file.path), redactor: redactor, planError: error)
        }
      }
      return run
    }
  }
}
