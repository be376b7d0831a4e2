import ArgumentParser
import PIIScanKit

/// Flags shared by every command that runs detectors.
struct DetectionOptions: ParsableArguments {
  @Option(
    name: .customLong("patterns"), help: ArgumentHelp(
      "A directory (or file) of extra pattern files; adds detectors or overrides built-in ones by id. Repeatable.",
      valueName: "dir"))
  var patternDirectories: [String] = []

  @Option(
    help: ArgumentHelp(
      "Only these detector ids or entities (comma-separated, repeatable).", valueName: "ids"))
  var enable: [String] = []

  @Option(
    help: ArgumentHelp("Skip these detector ids or entities (comma-separated, repeatable).", valueName: "ids"))
  var disable: [String] = []

  @Option(
    help: ArgumentHelp(
      "Only national detectors of these ISO countries (e.g. DE,FR); others still run.", valueName: "codes"))
  var country: [String] = []

  @Option(help: ArgumentHelp("Scanning threads (default: active cores).", valueName: "n"))
  var threads: Int?

  @Option(help: ArgumentHelp("Force the input format: text, jsonl or csv (default: detected).", valueName: "format"))
  var format: String?

  @Option(
    name: .customLong("key-file"), help: ArgumentHelp(
      "Key for fingerprints and hash pseudonyms (else $PIISCAN_KEY, else a random per-run key).",
      valueName: "file"))
  var keyFile: String?

  @Flag(help: "Scan inputs that look binary (NUL bytes) instead of skipping them.")
  var binary = false

  @Option(
    name: .customLong("chunk-size"), help: ArgumentHelp(
      "Bytes per work unit, e.g. 4M (records are never split).", valueName: "size"))
  var chunkSize: String?

  @Option(
    name: .customLong("match-limit"), help: ArgumentHelp(
      "PCRE2 match limit per attempt; a hit is reported as an error, never as no match.", valueName: "n"))
  var matchLimit: UInt32?

  func split(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces } }.filter { !$0.isEmpty }
  }

  /// The detector set after loading pattern files and applying the filters.
  func loadDetectors() throws -> DetectorSet {
    try PatternLoader.load(directories: patternDirectories)
      .filtered(enable: split(enable), disable: split(disable), countries: split(country))
  }

  /// Scan options from the flags; throws `ValidationError` for bad values.
  func scanOptions() throws -> ScanOptions {
    var options = ScanOptions()
    if let threads {
      guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
      options.threads = threads
    }
    if let format {
      guard let f = InputFormat(rawValue: format) else {
        throw ValidationError("unknown --format '\(format)'; use text, jsonl or csv")
      }
      options.format = f
    }
    if let chunkSize {
      guard let size = ByteSize.parse(chunkSize), size >= 1 else {
        throw ValidationError("--chunk-size takes a size like 65536, 512K or 4M")
      }
      options.chunkSize = size
    }
    if let matchLimit { options.matchLimits.match = matchLimit }
    options.scanBinary = binary
    return options
  }
}

enum ByteSize {
  static func parse(_ text: String) -> Int? {
    var digits = text
    var scale = 1
    switch text.last {
    case "k", "K": scale = 1 << 10
    case "m", "M": scale = 1 << 20
    case "g", "G": scale = 1 << 30
    default: break
    }
    if scale != 1 { digits.removeLast() }
    return Int(digits).map { $0 * scale }
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s.removeFirst() }
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}
