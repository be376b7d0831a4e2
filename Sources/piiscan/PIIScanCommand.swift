import ArgumentParser
#if canImport(Glibc)
  import Glibc
#endif
import PIIScanKit

/// The `piiscan` root command: the abstract, the subcommands and the exit-code table.
@main
struct PIIScanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "piiscan",
    abstract: "Find personal data in logs and datasets, offline, and get it out.",
    discussion: """
      piiscan streams plain, gzip and zstd inputs (text, JSON Lines, CSV) through PCRE2 and
      checksum-validated detectors. Nothing leaves the machine.

      EXAMPLES
        piiscan scan logs/ --findings findings.jsonl
        zstdcat dump.jsonl.zst | piiscan scan - --format jsonl
        piiscan detectors --json
        piiscan scan logs/ --findings f.jsonl --manifest run.json --sign-key lineage.key
        piiscan lineage verify run.json --public-key lineage.pub
        piiscan sweep /var/log/app --catalog pii.db --quiet
        piiscan catalog summary --catalog pii.db

      EXIT CODES
        0  no findings (or --exit-zero)
        1  findings
        2  error: bad usage, an unreadable, corrupt or truncated input, a bad pattern file
           (other inputs are still scanned and their findings kept)
        3  sweep only: another run holds the catalog lock; nothing was done
        (sweep: 1 means new findings in this sweep; see docs/catalog.md)
        `lineage verify` has its own codes: 0 all matched, 1 changed/missing/bad signature,
        2 bad usage or unreadable manifest.
      """,
    version: PIIScanCommand.version,
    subcommands: [Scan.self, Redact.self, Sweep.self, Catalog.self, Detectors.self, Lineage.self])

  /// The version recorded in catalogs and SARIF.
  static let version = PIIScanVersion.string

  /// Parses and runs, mapping usage errors to exit code 2 (ArgumentParser's default is 64), so
  /// the documented table holds: 0 clean, 1 findings, 2 error.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        Console.stderr(fullMessage(for: error))
        Glibc.exit(Exit.error.rawValue)
      }
      exit(withError: error)
    }
  }
}

/// Exit codes, documented in the root command's help and the README.
enum Exit {
  static let clean = ExitCode(0)
  static let findings = ExitCode(1)
  static let error = ExitCode(2)
  static let locked = ExitCode(3)
}
