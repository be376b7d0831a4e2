/// The piiscan release, as recorded in lineage manifests, OpenLineage events and `--version`.
public enum PIIScanVersion {
  /// Semantic version of this build.
  public static let string = "0.1.0"
}
