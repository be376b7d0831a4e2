import Foundation

/// Runs `scripts/phone_oracle.py` (the `phonenumbers` package, Python port of libphonenumber) as
/// the third-party oracle for the phone validators.
///
/// The interpreter is found as for ``StdnumOracle``: `$PIISCAN_VENV/bin/python`, else
/// `.venv/bin/python` under the package root; it must be able to `import phonenumbers`.
struct PhoneOracle: Sendable {
  /// One example number libphonenumber publishes for a region and number type.
  struct Example: Sendable {
    /// ISO region, or `001` for a non-geographic calling code.
    let region: String
    let type: String
    /// `+` and digits.
    let international: String
    /// Digits of the national format, trunk prefix included.
    let national: String
  }

  let python: URL
  let script: URL

  /// The oracle, or nil when no interpreter with phonenumbers is found.
  static let available: PhoneOracle? = {
    var candidates: [URL] = []
    if let venv = ProcessInfo.processInfo.environment["PIISCAN_VENV"], !venv.isEmpty {
      candidates.append(URL(fileURLWithPath: venv).appendingPathComponent("bin/python"))
    }
    let root = StdnumOracle.packageRoot
    candidates.append(root.appendingPathComponent(".venv/bin/python"))
    let script = root.appendingPathComponent("scripts/phone_oracle.py")
    for python in candidates where FileManager.default.isExecutableFile(atPath: python.path) {
      let probe = try? StdnumOracle.run(python, ["-c", "import phonenumbers"], input: Data())
      if probe?.status == 0 { return PhoneOracle(python: python, script: script) }
    }
    return nil
  }()

  /// The phonenumbers version and its example numbers (`phone_oracle.py examples`).
  func examples() throws -> (version: String, examples: [Example]) {
    let result = try StdnumOracle.run(python, [script.path, "examples"], input: Data())
    guard result.status == 0 else {
      throw StdnumOracle.Failure(
        description: "oracle exited with \(result.status): \(result.stderr)")
    }
    var lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n")
    guard let header = lines.first, header.hasPrefix("# phonenumbers ") else {
      throw StdnumOracle.Failure(description: "oracle printed no version line")
    }
    lines.removeFirst()
    let examples = try lines.map { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 4 else { throw StdnumOracle.Failure(description: "bad example line") }
      return Example(
        region: fields[0], type: fields[1], international: fields[2], national: fields[3])
    }
    return (String(header.dropFirst("# phonenumbers ".count)), examples)
  }

  /// Whether each number is valid (`is_valid_number(parse(number, region))`), from a single
  /// oracle process. A nil region means the number is international (`+digits`).
  func validity(of numbers: [(region: String?, digits: String)]) throws -> [Bool] {
    var input = Data()
    for number in numbers {
      let line = (number.region.map { $0 + "\t" } ?? "") + number.digits + "\n"
      input.append(contentsOf: Array(line.utf8))
    }
    let result = try StdnumOracle.run(python, [script.path], input: input)
    guard result.status == 0 else {
      throw StdnumOracle.Failure(
        description: "oracle exited with \(result.status): \(result.stderr)")
    }
    return try String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").map { line in
      switch line {
      case "valid": return true
      case "invalid": return false
      default: throw StdnumOracle.Failure(description: "unexpected oracle output line")
      }
    }
  }
}
