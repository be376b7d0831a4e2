import ArgumentParser
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

      EXIT CODES
        0  no findings (or --exit-zero)
        1  findings
        2  error: bad usage, an unreadable, corrupt or truncated input, a bad pattern file
           (other inputs are still scanned and their findings kept)
      """,
    subcommands: [Scan.self, Redact.self, Detectors.self])
}

/// Exit codes, documented in the root command's help and the README.
enum Exit {
  static let clean = ExitCode(0)
  static let findings = ExitCode(1)
  static let error = ExitCode(2)
}
