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
        "Compression of the copies: zstd, gzip or none (default: the input's).", valueName: "kind"))
    var compress: String?

    @Option(
      help: ArgumentHelp(
        "Compression level (zstd 1-19, default 3; gzip 1-9, default 6).", valueName: "n"))
    var level: Int?

    @Option(
      help: ArgumentHelp(
        "A YAML redaction policy (version: 1, default, entities).", valueName: "file"))
    var policy: String?

    @Option(
      name: .customLong("operator"),
      help: ArgumentHelp("OP (default operator) or ENTITY=OP; repeatable.", valueName: "op"))
    var operators: [String] = []

    @Flag(
      name: .customLong("ephemeral-key"),
      help: "Allow hash with a random per-run key (tokens unlinkable across runs).")
    var ephemeralKey = false

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

    @OptionGroup var detection: DetectionOptions
    @OptionGroup var outputOptions: OutputOptions

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
      if let compress, Compression(rawValue: compress) == nil {
        throw ValidationError("unknown --compress '\(compress)'; use zstd, gzip or none")
      }
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

      var redaction = RedactionPolicy()
      if let policy { redaction = try RedactionPolicy.load(path: policy) }
      redaction = try redaction.applying(operators)
      let known = Set(
        try PatternLoader.load(directories: detection.patternDirectories).detectors.map(\.entity))
      for entity in redaction.operators.keys.sorted() where !known.contains(entity) {
        throw ScanError(
          .badPolicy,
          "unknown entity '\(entity)' in the redaction policy; `piiscan detectors` lists them",
          path: policy)
      }

      let fingerprinter: Fingerprinter
      if let key = try KeyResolver.configuredKey(keyFile: detection.keyFile) {
        fingerprinter = Fingerprinter(key: key)
      } else if redaction.uses(.hash) && !ephemeralKey {
        throw ScanError(
          .badUsage,
          "the hash operator needs a key (--key-file or PIISCAN_KEY) so tokens are stable; pass --ephemeral-key for one-off unlinkable tokens"
        )
      } else {
        fingerprinter = .ephemeral()
      }

      let mode: OutputPlan.Mode =
        if let output { .file(output) } else if let outDir { .directory(outDir) } else { .inPlace }
      let plan = try OutputPlan(
        inputs: inputs, mode: mode, compression: compress.flatMap(Compression.init(rawValue:)),
        level: level, allowPartial: allowPartial, allowReplacingInput: inPlace)
      let redactor = Redactor(policy: redaction)
      let verifier =
        verify
        ? RedactionVerifier(
          detectors: detectors, fingerprinter: fingerprinter, options: options, policy: redaction)
        : nil
      let workers = options.threads
      var run = ScanRun(
        inputs: inputs, findingsPath: findings, detectors: detectors, fingerprinter: fingerprinter,
        options: options, output: outputOptions)
      run.label = "redacted"
      run.consumer = { file in
        switch plan.target(for: file) {
        case .success(let target):
          return RedactingWriter(
            target: target, redactor: redactor, verifier: verifier, compressionWorkers: workers)
        case .failure(let error):
          return RedactingWriter(
            target: RedactionTarget(path: file.path), redactor: redactor, planError: error)
        }
      }
      return run
    }
  }
}
