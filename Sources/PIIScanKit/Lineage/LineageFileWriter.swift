#if canImport(Glibc)
  import Glibc
#endif

/// Writes lineage files (manifests, OpenLineage events, key files) through ``OutputFile``, so
/// `-` means standard output and a regular file appears atomically (temporary file + rename).
public enum LineageFileWriter {
  /// Writes `bytes` to `path` with permission bits `mode` (regular files only).
  ///
  /// Manifests and events hold paths, hashes and counts, never matched values, so they default
  /// to 0644 for sharing with lineage tools; private keys are written 0600.
  public static func write(_ bytes: [UInt8], to path: String, mode: UInt32 = 0o644) throws {
    var sink = try OutputFile.open(path, mode: .init(mode))
    try bytes.withUnsafeBytes { try sink.write($0) }
    try sink.finish()
  }

  /// Where a run recorded in the catalog `catalog` keeps its manifest when no `--manifest` is
  /// given: `<catalog>.runs/<catalogRunID>.lineage.json`, next to the catalog (like its
  /// `<catalog>.lock`), one per run. Creates the `.runs` directory when it is missing.
  ///
  /// The file name carries the catalog's run id; the manifest's own `run_id` stays a UUID,
  /// because OpenLineage requires one. docs/lineage.md, "Manifests next to a catalog".
  public static func defaultManifestPath(catalog: String, catalogRunID: Int64) throws(ScanError)
    -> String
  {
    let directory = catalog + ".runs"
    if mkdir(directory, 0o755) != 0 && errno != EEXIST {
      throw ScanError(
        .writeFailed, "cannot create the manifest directory: \(FileSystem.errnoText())",
        path: directory)
    }
    guard FileSystem.status(directory).kind == .directory else {
      throw ScanError(
        .writeFailed, "the manifest directory is in the way of something else", path: directory)
    }
    return FileSystem.join(directory, "\(catalogRunID).lineage.json")
  }
}

extension ManifestSigner {
  /// Writes this key pair as `PREFIX.key` (PKCS#8 PEM, mode 0600) and `PREFIX.pub`
  /// (SubjectPublicKeyInfo PEM, mode 0644) and returns the two paths.
  ///
  /// Refuses, before writing anything, when either file exists and `overwrite` is false: a
  /// replaced signing key cannot be recovered.
  public func writeKeyFiles(prefix: String, overwrite: Bool = false) throws
    -> (privateKey: String, publicKey: String)
  {
    let privatePath = prefix + ".key"
    let publicPath = prefix + ".pub"
    if !overwrite {
      for path in [privatePath, publicPath] where FileSystem.status(path).kind != .missing {
        throw ScanError(
          .badUsage, "already exists; choose another prefix or pass --force", path: path)
      }
    }
    try LineageFileWriter.write(privateKeyFile(), to: privatePath, mode: 0o600)
    try LineageFileWriter.write(publicKeyFile(), to: publicPath, mode: 0o644)
    return (privatePath, publicPath)
  }
}

/// ``FileSystem/readFile(_:limit:)`` with its error typed: it throws only ``ScanError``.
func readLineageFile(_ path: String, limit: Int) throws(ScanError) -> [UInt8] {
  do {
    return try FileSystem.readFile(path, limit: limit)
  } catch let error as ScanError {
    throw error
  } catch {
    throw ScanError(.unreadable, "cannot read: \(error)", path: path)
  }
}
