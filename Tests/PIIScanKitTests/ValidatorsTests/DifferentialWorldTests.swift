import Foundation
import PIIScanKit
import Testing

/// python-stdnum as a third-party oracle (scripts/stdnum_oracle_world.py), run once per validator.
///
/// The interpreter is `$PIISCAN_VENV/bin/python`, else `.venv/bin/python` under the package
/// root; it must import `stdnum`. Without one the test is skipped locally and fails in CI
/// (`CI=true`). Set up a local one with
/// `python3 -m venv .venv && .venv/bin/pip install python-stdnum phonenumbers`.
enum StdnumWorldOracle {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

  /// The first candidate interpreter that can import stdnum, or nil.
  static let interpreter: URL? = {
    var candidates = [URL]()
    if let venv = ProcessInfo.processInfo.environment["PIISCAN_VENV"], !venv.isEmpty {
      candidates.append(URL(fileURLWithPath: venv).appendingPathComponent("bin/python"))
    }
    candidates.append(packageRoot.appendingPathComponent(".venv/bin/python"))
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
      let process = Process()
      process.executableURL = candidate
      process.arguments = ["-c", "import stdnum"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      guard (try? process.run()) != nil else { continue }
      process.waitUntilExit()
      if process.terminationStatus == 0 { return candidate }
    }
    return nil
  }()

  /// Run locally when stdnum is there; in CI always run, so a missing oracle fails.
  static let shouldRun: Bool = {
    if interpreter == nil && !isCI {
      print(
        "note: DifferentialWorldTests skipped: no Python with python-stdnum "
          + "(set PIISCAN_VENV or create .venv; see DifferentialWorldTests.swift)")
    }
    return interpreter != nil || isCI
  }()

  /// One oracle answer per value: the verdict word and an optional reason tag.
  static func verdicts(validator: String, values: [[UInt8]]) throws -> [(String, String?)] {
    guard let interpreter else {
      throw OracleError(message: "no Python interpreter with python-stdnum (CI=true)")
    }
    var input = ""
    for value in values {
      input += validator + "\t" + String(decoding: value, as: UTF8.self) + "\n"
    }
    // Feed stdin from a file so a large input can never dead-lock against stdout.
    let inputURL = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-oracle-\(validator)-\(UUID().uuidString).tsv")
    try Data(input.utf8).write(to: inputURL)
    defer { try? FileManager.default.removeItem(at: inputURL) }

    let process = Process()
    process.executableURL = interpreter
    process.arguments = [packageRoot.appendingPathComponent("scripts/stdnum_oracle_world.py").path]
    process.standardInput = try FileHandle(forReadingFrom: inputURL)
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw OracleError(message: "oracle exited with status \(process.terminationStatus)")
    }
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
    return lines.map { line in
      let fields = line.split(separator: "\t", maxSplits: 1)
      return (String(fields[0]), fields.count > 1 ? String(fields[1]) : nil)
    }
  }

  struct OracleError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
  }
}

@Suite(.enabled(if: StdnumWorldOracle.shouldRun, "needs Python with python-stdnum"))
struct DifferentialWorldTests {
  static let candidateCount = 10_000

  /// Half valid values (check characters searched for, then a quarter of them mutated by one
  /// substitution and a quarter by one adjacent transposition), half random values of the shape.
  static func candidates(for name: String, validator: Validator) -> [[UInt8]] {
    let shape = DifferentialWorld.shape(name)
    var random = WorldRandom(seed: name.utf8.reduce(0x5EED) { $0 &* 31 &+ UInt64($1) })
    var result = [[UInt8]]()
    result.reserveCapacity(candidateCount)
    for index in 0..<(candidateCount / 2) {
      var value = complete(shape.template(&random), shape: shape, validator: validator)
      switch index % 4 {
      case 2:
        let position = Int.random(in: 0..<value.count, using: &random)
        let others = shape.mutationAlphabet.filter { $0 != value[position] }
        if let replacement = others.randomElement(using: &random) { value[position] = replacement }
      case 3 where value.count > 1:
        let position = Int.random(in: 0..<(value.count - 1), using: &random)
        value.swapAt(position, position + 1)
      default:
        break
      }
      result.append(value)
    }
    for _ in 0..<(candidateCount - candidateCount / 2) { result.append(shape.random(&random)) }
    return result
  }

  /// Tries every combination of check characters until `validator` confirms; returns the last
  /// tried value when none does (the oracle then decides whether that was right).
  static func complete(_ template: [UInt8], shape: WorldCandidateShape, validator: Validator)
    -> [UInt8]
  {
    let positions = shape.checkPositions(template.count)
    guard !positions.isEmpty else { return template }
    var value = template
    var counters = [Int](repeating: 0, count: positions.count)
    while true {
      for (slot, position) in positions.enumerated() {
        value[position] = shape.checkAlphabet[counters[slot]]
      }
      if validator.check(value) == .confirmed { return value }
      // Odometer increment over the check positions.
      var slot = positions.count - 1
      while slot >= 0 {
        counters[slot] += 1
        if counters[slot] < shape.checkAlphabet.count { break }
        counters[slot] = 0
        slot -= 1
      }
      if slot < 0 { return value }
    }
  }

  @Test(arguments: DifferentialWorld.names)
  func agreesWithStdnum(_ name: String) throws {
    let validator = try #require(ValidatorRegistry.named(name))
    let values = Self.candidates(for: name, validator: validator)
    let answers = try StdnumWorldOracle.verdicts(validator: name, values: values)
    try #require(answers.count == values.count, "oracle answered \(answers.count) lines")

    var undocumented = [String]()
    var documented = 0
    var stdnumValid = 0
    for (value, (word, reason)) in zip(values, answers) {
      try #require(word == "valid" || word == "invalid", "oracle said \(word)")
      let isStdnumValid = word == "valid"
      if isStdnumValid { stdnumValid += 1 }
      let ours = validator.check(value)
      guard (ours == .confirmed) != isStdnumValid else { continue }
      if DifferentialWorld.isDocumentedDifference(
        name, value, ours: ours, stdnumValid: isStdnumValid, reason: reason)
      {
        documented += 1
      } else {
        // Synthetic values only, so showing them is safe.
        undocumented.append(
          "\(String(decoding: value, as: UTF8.self)): ours \(ours), stdnum \(word)")
      }
    }
    #expect(undocumented.isEmpty, "\(undocumented.count) disagreements: \(undocumented.prefix(8))")
    // The generator must actually produce valid values, or agreement would prove little.
    #expect(stdnumValid >= Self.candidateCount / 10, "only \(stdnumValid) values valid for stdnum")
    print(
      "\(name): \(values.count) candidates, \(stdnumValid) valid for stdnum, "
        + "\(documented) documented differences")
  }
}
