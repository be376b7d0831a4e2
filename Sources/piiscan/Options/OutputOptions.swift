import ArgumentParser

/// Flags about what piiscan prints and how it exits.
struct OutputOptions: ParsableArguments {
  @Flag(help: "Print nothing but errors on stderr.")
  var quiet = false

  @Flag(name: .customLong("exit-zero"), help: "Exit 0 even when there are findings (errors still exit 2).")
  var exitZero = false

  @Flag(name: .customLong("include-values"), help: "Also write each raw value in findings (sensitive!).")
  var includeValues = false

  @Flag(name: .customLong("no-progress"), help: "No progress line, even on a terminal.")
  var noProgress = false

  @Option(
    name: .customLong("summary-json"),
    help: ArgumentHelp("Write the run summary as one JSON object to this file (- for stdout).", valueName: "file"))
  var summaryJSON: String?
}
