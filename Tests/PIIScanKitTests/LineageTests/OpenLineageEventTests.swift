import Foundation
import TestSupport
import Testing

@testable import PIIScanKit

@Suite struct OpenLineageEventTests {
  static func manifest(failing: Bool) throws -> (LineageManifest, URL) {
    let (dir, inputs) = try LineageFixture.workspace()
    var paths = inputs
    if failing { paths.append(dir.appendingPathComponent("missing.log").path) }
    let recorder = LineageFixture.record(paths)
    recorder.recordOutput(
      inputs: inputs, path: dir.appendingPathComponent("findings.jsonl").path,
      sha256: String(repeating: "f", count: 64), policy: nil)
    recorder.recordOutput(
      input: inputs[0], path: "redacted/app.log", sha256: String(repeating: "e", count: 64),
      policy: "mask")
    return (recorder.manifest(endedAt: LineageTime(seconds: 1_700_000_042, milliseconds: 7)), dir)
  }

  @Test func completeRunsAreCompleteEventsWithDatasetsAndPIICounts() throws {
    let (manifest, dir) = try Self.manifest(failing: false)
    defer { try? FileManager.default.removeItem(at: dir) }
    let event = OpenLineageEvent(manifest: manifest, workingDirectory: "/srv/data").json()
    #expect(event["eventType"] == .string("COMPLETE"))
    #expect(event["eventTime"] == .string("2023-11-14T22:14:02.007Z"))
    #expect(
      event["schemaURL"]
        == .string("https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"))
    #expect(event["run"]?["runId"] == .string(manifest.runID))
    #expect(event["run"]?["facets"]?["errorMessage"] == nil)
    #expect(event["job"]?["name"] == .string("piiscan.scan"))
    let inputs = try #require(event["inputs"]?.arrayValue)
    #expect(inputs.count == manifest.inputs.count)
    for (dataset, input) in zip(inputs, manifest.inputs) {
      #expect(dataset["namespace"] == .string("file"))
      #expect(dataset["name"] == .string(input.path))
      #expect(dataset["facets"]?["piiscan_pii"]?["findings"]?.intValue == input.findings)
      #expect(dataset["facets"]?["piiscan_pii"]?["sha256"] == .optionalString(input.sha256))
    }
    let total = manifest.inputs.reduce(0) { $0 + $1.findings }
    #expect(total > 0)
    #expect(event["run"]?["facets"]?["piiscan_run"]?["findings"]?.intValue == total)
    let outputs = try #require(event["outputs"]?.arrayValue)
    #expect(
      outputs.map { $0["name"] } == [
        .string(dir.appendingPathComponent("findings.jsonl").path),
        .string("/srv/data/redacted/app.log"),
      ])
    #expect(
      outputs[0]["facets"]?["piiscan_output"]?["derivedFrom"]?.arrayValue?.count
        == manifest.inputs.count)
    #expect(outputs[1]["facets"]?["piiscan_output"]?["policy"] == .string("mask"))
  }

  @Test func failedRunsAreFailEventsWithAnErrorMessageFacet() throws {
    let (manifest, dir) = try Self.manifest(failing: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let event = OpenLineageEvent(manifest: manifest).json()
    #expect(event["eventType"] == .string("FAIL"))
    let facet = try #require(event["run"]?["facets"]?["errorMessage"])
    #expect(facet["message"]?.stringValue?.contains("1 input failed") == true)
    #expect(facet["programmingLanguage"] == .string("Swift"))
    #expect(facet["_schemaURL"] == .string(OpenLineageEvent.errorFacetSchemaURL))
  }

  @Test(arguments: [
    ("logs/a.log", "/base/logs/a.log"), ("./a/./b", "/base/a/b"), ("/abs//x", "/abs/x"),
  ])
  func datasetNamesAreAbsolutePaths(_ path: String, _ expected: String) {
    let event = OpenLineageEvent(
      manifest: LineageFixture.record([]).manifest(), workingDirectory: "/base")
    #expect(event.absolute(path) == expected)
  }

  @Test(arguments: [false, true])
  func eventsValidateAgainstTheOpenLineageSchema(_ failing: Bool) throws {
    let (manifest, dir) = try Self.manifest(failing: failing)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("event.json").path
    try LineageFileWriter.write(OpenLineageEvent(manifest: manifest).encoded(), to: file)
    guard let result = try OpenLineageSchema.validate(file: file) else {
      if OpenLineageSchema.isCI {
        Issue.record(
          "OpenLineage schema validation cannot run: \(OpenLineageSchema.unavailableReason)")
      } else {
        print(
          "note: skipping OpenLineage schema validation: \(OpenLineageSchema.unavailableReason)")
      }
      return
    }
    #expect(result.status == 0, "\(result.report)")
  }

  /// The validator is not a rubber stamp: an event that breaks the schema is rejected.
  @Test func theSchemaValidatorRejectsABrokenEvent() throws {
    let (manifest, dir) = try Self.manifest(failing: false)
    defer { try? FileManager.default.removeItem(at: dir) }
    let broken = OpenLineageEvent(manifest: manifest).json()
      .setting("eventType", .string("FINISHED"))
      .setting("run", .object([("runId", .string("not-a-uuid"))]))
    let file = dir.appendingPathComponent("broken.json").path
    try LineageFileWriter.write(broken.encoded(), to: file)
    guard let result = try OpenLineageSchema.validate(file: file) else { return }
    #expect(result.status == 1)
    #expect(result.report.contains("FINISHED"))
    #expect(result.report.contains("uuid"))
  }
}
