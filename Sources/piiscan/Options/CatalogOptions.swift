import ArgumentParser

/// `--catalog FILE`, shared by `scan` and `redact`: record the run in a SQLite catalog.
struct CatalogOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Record the run, its files and findings (never values) in this SQLite catalog (docs/catalog.md).",
      valueName: "file"))
  var catalog: String?
}
