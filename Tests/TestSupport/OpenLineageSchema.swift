import Foundation

/// Validates OpenLineage event files with `Tests/Fixtures/openlineage/validate.py` (Python
/// `jsonschema` against the copied OpenLineage 2-0-2 schemas).
///
/// The interpreter is `$PIISCAN_VENV/bin/python`, else `.venv/bin/python` under the package
/// root (`make venv` creates it), else `python3` on PATH, whichever imports `jsonschema` and
/// its format checkers first.
public enum OpenLineageSchema {
  /// True when `CI=true`: a missing validator then fails the test instead of skipping it.
  public static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

  static let script = Fixtures.root.appendingPathComponent("Tests/Fixtures/openlineage/validate.py")
    .path

  /// The first interpreter that has the packages, or nil.
  public static let interpreter: String? = {
    var candidates: [String] = []
    if let venv = ProcessInfo.processInfo.environment["PIISCAN_VENV"], !venv.isEmpty {
      candidates.append(venv + "/bin/python")
    }
    candidates.append(Fixtures.root.appendingPathComponent(".venv/bin/python").path)
    candidates.append("python3")
    for candidate in candidates {
      if candidate.hasPrefix("/") && !FileManager.default.isExecutableFile(atPath: candidate) {
        continue
      }
      let probe = try? Fixtures.run(
        candidate, ["-c", "import jsonschema, referencing, rfc3339_validator, rfc3986_validator"])
      if probe?.status == 0 { return candidate }
    }
    return nil
  }()

  /// Validates the event in `file`: nil when no interpreter has the packages, else the
  /// script's exit status (0 valid) and its report.
  public static func validate(file: String) throws -> (status: Int32, report: String)? {
    guard let interpreter else { return nil }
    let r = try Fixtures.run(interpreter, [script, file])
    return (r.status, String(decoding: r.stdout + r.stderr, as: UTF8.self))
  }

  /// Why validation could not run, for the skip note or the CI failure.
  public static let unavailableReason =
    "no Python with jsonschema, rfc3339-validator and rfc3986-validator (set PIISCAN_VENV, or `make venv`)"
}
