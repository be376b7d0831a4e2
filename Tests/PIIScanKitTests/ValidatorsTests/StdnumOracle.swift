import Foundation

/// Runs `scripts/stdnum_oracle.py` (python-stdnum) as the third-party oracle for differential
/// tests.
///
/// The interpreter is `$PIISCAN_VENV/bin/python` when that variable is set (the Makefile's
/// `venv` target creates it), else `.venv/bin/python` under the package root; it must be able
/// to `import stdnum`.
struct StdnumOracle: Sendable {
  /// The oracle's answer for one value.
  enum Answer: Equatable, Sendable {
    case valid
    case invalid
    case unsupported
  }

  /// A failure to run the oracle (not a disagreement).
  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  let python: URL
  let script: URL

  /// The package root: this file is `Tests/PIIScanKitTests/ValidatorsTests/StdnumOracle.swift`.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The oracle, or nil when no interpreter with python-stdnum is found.
  static let available: StdnumOracle? = {
    var candidates: [URL] = []
    if let venv = ProcessInfo.processInfo.environment["PIISCAN_VENV"], !venv.isEmpty {
      candidates.append(URL(fileURLWithPath: venv).appendingPathComponent("bin/python"))
    }
    candidates.append(packageRoot.appendingPathComponent(".venv/bin/python"))
    let script = packageRoot.appendingPathComponent("scripts/stdnum_oracle.py")
    for python in candidates where FileManager.default.isExecutableFile(atPath: python.path) {
      if (try? run(python, ["-c", "import stdnum"], input: Data()))?.status == 0 {
        return StdnumOracle(python: python, script: script)
      }
    }
    return nil
  }()

  /// One answer per value, from a single oracle process.
  func answers(validator: String, values: [[UInt8]]) throws -> [Answer] {
    var input = Data()
    for value in values {
      input.append(contentsOf: Array(validator.utf8) + [0x09] + value + [0x0A])
    }
    let result = try Self.run(python, [script.path], input: input)
    guard result.status == 0 else {
      throw Failure(description: "oracle exited with status \(result.status): \(result.stderr)")
    }
    let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n")
    return try lines.map { line in
      switch line {
      case "valid": return .valid
      case "invalid": return .invalid
      case "unsupported": return .unsupported
      default: throw Failure(description: "unexpected oracle output line")
      }
    }
  }

  /// Runs `executable` with `input` on stdin (from a temporary file, so a large input cannot
  /// deadlock against a full stdout pipe).
  static func run(_ executable: URL, _ arguments: [String], input: Data) throws -> (
    status: Int32, stdout: Data, stderr: String
  ) {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-oracle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let inputURL = directory.appendingPathComponent("stdin")
    let errorURL = directory.appendingPathComponent("stderr")
    try input.write(to: inputURL)
    try Data().write(to: errorURL)

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.standardInput = try FileHandle(forReadingFrom: inputURL)
    let stdout = Pipe()
    process.standardOutput = stdout
    process.standardError = try FileHandle(forWritingTo: errorURL)
    try process.run()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errors = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
    return (process.terminationStatus, output, errors)
  }
}
