import Foundation
import PIIScanKit
import Testing

/// Differential tests against python-stdnum, the third-party oracle
/// (`scripts/stdnum_oracle.py`).
///
/// For each validator the oracle maps, 10,000 fixed-seed candidates (half built valid and then
/// possibly mutated, half random of the right shape) go through the oracle in one process
/// call. Our `.confirmed` must match stdnum's "valid", and `.rejected`/`.unverifiable` its
/// "invalid", except for the documented differences each ``DifferentialCase`` spells out.
///
/// Without an interpreter that can import stdnum the test is skipped with a note, unless the
/// environment variable `CI` is `true`, where it fails (`make test` provides the venv).
@Suite struct DifferentialTests {
  static let candidatesPerValidator = 10_000

  @Test(arguments: DifferentialCase.all)
  func agreesWithPythonStdnum(_ testCase: DifferentialCase) throws {
    guard let oracle = StdnumOracle.available else {
      let reason =
        "no Python with python-stdnum (set PIISCAN_VENV, or create .venv: `make venv`)"
      if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("differential test \(testCase.name) cannot run: \(reason)")
      } else {
        print("note: skipping differential test \(testCase.name): \(reason)")
      }
      return
    }
    let validator = try #require(ValidatorRegistry.named(testCase.name))
    let candidates = testCase.candidates(count: Self.candidatesPerValidator)
    let answers = try oracle.answers(validator: testCase.name, values: candidates)
    try #require(answers.count == candidates.count, "one oracle answer per candidate")
    try #require(!answers.contains(.unsupported), "the oracle script maps \(testCase.name)")

    var disagreements: [String] = []
    var documented = 0
    for (value, answer) in zip(candidates, answers) {
      let ours = validator.check(value)
      guard (ours == .confirmed) != (answer == .valid) else { continue }
      if testCase.isDocumentedDifference(value, ours) {
        documented += 1
      } else {
        // Synthetic fixed-seed values, safe to show.
        disagreements.append(
          "\(String(decoding: value, as: UTF8.self)): ours \(ours), stdnum \(answer)")
      }
    }
    let examples = disagreements.prefix(5).joined(separator: "; ")
    #expect(disagreements.count == 0, "undocumented disagreements with stdnum, e.g. \(examples)")
    // The candidates must exercise both outcomes, or agreement proves little.
    let valid = answers.filter { $0 == .valid }.count
    #expect(valid >= candidates.count / 10, "only \(valid) candidates valid for stdnum")
    #expect(candidates.count - valid >= candidates.count / 10, "too few invalid candidates")
    if documented > 0 {
      print("note: \(testCase.name): \(documented) documented differences from stdnum")
    }
  }
}
