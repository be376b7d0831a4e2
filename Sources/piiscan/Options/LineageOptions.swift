import ArgumentParser
import PIIScanKit

/// Flags that record a run's lineage (shared by `scan`, `redact` and `sweep`).
struct LineageOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Write a lineage manifest (JSON, schema piiscan.lineage/1) to this file.", valueName: "file"))
  var manifest: String?

  @Option(
    help: ArgumentHelp(
      "Write the run as an OpenLineage RunEvent (JSON) to this file.", valueName: "file"))
  var openlineage: String?

  @Option(
    name: .customLong("sign-key"),
    help: ArgumentHelp(
      "Sign the manifest with this Ed25519 private key (from `piiscan lineage keygen`).",
      valueName: "file"))
  var signKey: String?

  /// True when any lineage output was asked for.
  var isRequested: Bool { manifest != nil || openlineage != nil }

  /// Checks `--sign-key` has a manifest to sign: `--manifest`, or the one written next to the
  /// catalog by default (`hasCatalog`). Called from each command's `validate()`.
  func check(hasCatalog: Bool) throws {
    if signKey != nil && manifest == nil && !hasCatalog {
      throw ValidationError("--sign-key signs the manifest; also give --manifest FILE")
    }
  }

  /// The signer, loaded before the run so a bad key fails early.
  func loadSigner() throws -> ManifestSigner? {
    try signKey.map { try ManifestSigner.load(keyFile: $0) }
  }

  /// Writes the manifest (signed if asked) and the OpenLineage event. Without `--manifest`, a
  /// run recorded in a catalog writes its manifest next to it
  /// (``LineageFileWriter/defaultManifestPath(catalog:catalogRunID:)``). Returns false, after
  /// printing why, when a file could not be written.
  func write(
    _ recorder: LineageRecorder, signer: ManifestSigner?,
    catalog: (path: String, runID: Int64)? = nil
  ) -> Bool {
    var manifest = recorder.manifest()
    manifest.catalogRunID = catalog?.runID
    var ok = true
    var manifestPath = self.manifest
    if manifestPath == nil, let catalog {
      do {
        manifestPath = try LineageFileWriter.defaultManifestPath(
          catalog: catalog.path, catalogRunID: catalog.runID)
      } catch {
        Console.error(error)
        ok = false
      }
    }
    if let path = manifestPath {
      do {
        if let signer { manifest = try signer.sign(manifest) }
        try LineageFileWriter.write(manifest.encoded(), to: path)
      } catch {
        Console.stderr("piiscan: error: cannot write the lineage manifest: \(error)")
        ok = false
      }
    }
    if let path = openlineage {
      do {
        try LineageFileWriter.write(OpenLineageEvent(manifest: manifest).encoded(), to: path)
      } catch {
        Console.stderr("piiscan: error: cannot write the OpenLineage event: \(error)")
        ok = false
      }
    }
    return ok
  }
}
