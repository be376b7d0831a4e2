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

  func validate() throws {
    if signKey != nil && manifest == nil {
      throw ValidationError("--sign-key signs the manifest; also give --manifest FILE")
    }
  }

  /// The signer, loaded before the run so a bad key fails early.
  func loadSigner() throws -> ManifestSigner? {
    try signKey.map { try ManifestSigner.load(keyFile: $0) }
  }

  /// Writes the manifest (signed if asked) and the OpenLineage event. Returns false, after
  /// printing why, when a file could not be written.
  func write(_ recorder: LineageRecorder, signer: ManifestSigner?) -> Bool {
    var manifest = recorder.manifest()
    var ok = true
    if let path = self.manifest {
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
