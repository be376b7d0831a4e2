import Foundation
import TestSupport
import Testing

@testable import PIIScanKit

@Suite struct LineageManifestTests {
  @Test func sameInputsGiveByteIdenticalManifests() throws {
    let (dir, inputs) = try LineageFixture.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let end = LineageTime(seconds: 1_700_000_060, milliseconds: 250)
    let a = LineageFixture.record(inputs, threads: 1).manifest(endedAt: end).encoded()
    let b = LineageFixture.record(inputs, threads: 2).manifest(endedAt: end).encoded()
    #expect(a == b)
    #expect(a.count > 1000)
  }

  @Test func onlyRunIDAndTimesDifferBetweenRuns() throws {
    let (dir, inputs) = try LineageFixture.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = LineageFixture.record(inputs, seed: 1, start: 1_700_000_000)
      .manifest(endedAt: LineageTime(seconds: 1_700_000_001))
    let b = LineageFixture.record(inputs, seed: 2, start: 1_800_000_000)
      .manifest(endedAt: LineageTime(seconds: 1_800_000_009))
    #expect(a.runID != b.runID)
    #expect(a.encoded() != b.encoded())
    var normalized = b
    normalized.runID = a.runID
    normalized.startedAt = a.startedAt
    normalized.endedAt = a.endedAt
    #expect(normalized.encoded() == a.encoded())
  }

  @Test func changingAnInputByteChangesItsRecordedHash() throws {
    let (dir, inputs) = try LineageFixture.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let before = LineageFixture.record(inputs).manifest(endedAt: LineageTime(seconds: 0))
    var bytes = try Data(contentsOf: URL(fileURLWithPath: inputs[0]))
    bytes[0] ^= 0x01
    try bytes.write(to: URL(fileURLWithPath: inputs[0]))
    let after = LineageFixture.record(inputs).manifest(endedAt: LineageTime(seconds: 0))
    #expect(before.inputs[0].sha256 != after.inputs[0].sha256)
    #expect(before.inputs[1...] == after.inputs[1...])
  }

  @Test func inputsCarryHashSizeFormatCompressionRecordsAndCounts() throws {
    let (dir, inputs) = try LineageFixture.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let collected = runScan(
      inputs, detectors: LineageFixture.detectors,
      key: Array("lineage-test-key-0123456789abcdef".utf8))
    let manifest = LineageFixture.record(inputs).manifest(endedAt: LineageTime(seconds: 0))
    #expect(manifest.inputs.map(\.path) == inputs)
    for (input, path) in zip(manifest.inputs, inputs) {
      let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
      #expect(input.size == size)
      #expect(input.sha256 == (try LineageFixture.sha256(path)))
      #expect(input.status == "scanned")
      #expect(input.errorCode == nil)
    }
    #expect(manifest.inputs.map(\.compression) == ["none", "gzip", "none", "zstd"])
    #expect(manifest.inputs.map(\.format) == collected.reports.map { $0.format?.rawValue })
    #expect(manifest.inputs.map(\.records) == collected.reports.map(\.lines))
    // Per-entity counts agree with the findings themselves.
    for (input, path) in zip(manifest.inputs, inputs) {
      let mine = collected.findings.filter { $0.source == path }
      #expect(input.findings == mine.count)
      #expect(input.validated == mine.filter(\.validated).count)
      for entry in input.entities {
        #expect(entry.count == mine.filter { $0.entity == entry.entity }.count, "\(entry.entity)")
      }
      #expect(input.entities.map(\.entity) == input.entities.map(\.entity).sorted())
    }
    #expect(manifest.inputs.reduce(0) { $0 + $1.findings } > 0)
    #expect(manifest.detectors.count == LineageFixture.detectors.detectors.count)
    #expect(manifest.detectorSetHash == LineageFixture.detectors.hash)
    #expect(manifest.keyID == LineageFixture.fingerprinter.keyID)
    #expect(manifest.keyIsEphemeral == false)
    #expect(manifest.status == .complete)
    #expect(manifest.toolVersion == PIIScanVersion.string)
  }

  @Test func ephemeralKeysAreNotRecorded() {
    let recorder = LineageRecorder(
      command: "scan", arguments: [], detectors: LineageFixture.detectors,
      fingerprinter: .ephemeral())
    let manifest = recorder.manifest()
    #expect(manifest.keyID == nil)
    #expect(manifest.keyIsEphemeral)
  }

  @Test func missingInputsMakeTheRunFail() throws {
    let (dir, inputs) = try LineageFixture.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let absent = dir.appendingPathComponent("absent.log").path
    let manifest = LineageFixture.record([inputs[0], absent]).manifest(
      endedAt: LineageTime(seconds: 0))
    // Paths that cannot be expanded are reported before any file is scanned.
    #expect(manifest.inputs.map(\.path) == [absent, inputs[0]])
    let failed = manifest.inputs[0]
    #expect(failed.status == "failed")
    #expect(failed.sha256 == nil)
    #expect(failed.errorCode == "unreadable")
    #expect(manifest.inputs[1].status == "scanned")
    #expect(manifest.status == .failed)
    #expect(manifest.error?.contains("1 input failed") == true)
  }

  @Test func outputsAndEdgesAreSortedWhateverTheCallOrder() {
    func manifest(_ order: [Int]) -> LineageManifest {
      let recorder = LineageRecorder(
        command: "redact", arguments: [], detectors: LineageFixture.detectors,
        fingerprinter: LineageFixture.fingerprinter, policy: "mask",
        runID: RunID(bytes: Array(repeating: 0, count: 16)),
        startedAt: LineageTime(seconds: 0))
      let calls = [
        ("in/b.log", "out/b.log", String(repeating: "b", count: 64)),
        ("in/a.log", "out/a.log", String(repeating: "a", count: 64)),
        ("in/c.log", "out/c.log", String(repeating: "c", count: 64)),
      ]
      for i in order {
        recorder.recordOutput(
          input: calls[i].0, path: calls[i].1, sha256: calls[i].2, policy: "mask")
      }
      return recorder.manifest(endedAt: LineageTime(seconds: 1))
    }
    let a = manifest([0, 1, 2])
    #expect(a.outputs.map(\.path) == ["out/a.log", "out/b.log", "out/c.log"])
    #expect(
      a.edges == [
        .init(input: "in/a.log", output: "out/a.log"),
        .init(input: "in/b.log", output: "out/b.log"),
        .init(input: "in/c.log", output: "out/c.log"),
      ])
    #expect(a.encoded() == manifest([2, 0, 1]).encoded())
    #expect(a.policy == "mask")
  }

  @Test func recordingAnOutputAgainReplacesItsDigestAndAddsEdges() {
    let recorder = LineageRecorder(
      command: "scan", arguments: [], detectors: LineageFixture.detectors,
      fingerprinter: LineageFixture.fingerprinter)
    recorder.recordOutput(input: "a", path: "f.jsonl", sha256: "1", policy: nil)
    recorder.recordOutput(inputs: ["b", "a"], path: "f.jsonl", sha256: "2", policy: nil)
    let m = recorder.manifest()
    #expect(m.outputs == [.init(path: "f.jsonl", sha256: "2", policy: nil)])
    #expect(
      m.edges == [.init(input: "a", output: "f.jsonl"), .init(input: "b", output: "f.jsonl")])
  }

  @Test func failuresRecordedByTheCommandFailTheRun() {
    let recorder = LineageRecorder(
      command: "scan", arguments: [], detectors: LineageFixture.detectors,
      fingerprinter: LineageFixture.fingerprinter)
    recorder.recordFailure("cannot write the findings file")
    let m = recorder.manifest()
    #expect(m.status == .failed)
    #expect(m.error == "cannot write the findings file")
  }

  @Test func decodingGivesBackTheManifest() throws {
    let (dir, inputs) = try LineageFixture.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let recorder = LineageFixture.record(inputs + [dir.appendingPathComponent("gone").path])
    recorder.recordOutput(
      input: inputs[0], path: "out.log", sha256: String(repeating: "0", count: 64), policy: "hash")
    let manifest = recorder.manifest(endedAt: LineageTime(seconds: 5))
    let decoded = try LineageManifest(parsing: manifest.encoded())
    #expect(decoded == manifest)
    #expect(decoded.encoded() == manifest.encoded())
  }

  @Test func documentedMembersAppearInOrder() throws {
    let manifest = LineageFixture.record([Fixtures.corpus("logs/app.log")]).manifest()
    guard case .object(let members) = try LineageJSON.parse(manifest.encoded()) else {
      Issue.record("not an object")
      return
    }
    #expect(
      members.map(\.0) == [
        "schema", "run_id", "command", "tool", "arguments", "started_at", "ended_at", "status",
        "error",
        "detectors", "policy", "key", "inputs", "outputs", "edges",
      ])
    #expect(manifest.json()["schema"] == .string("piiscan.lineage/1"))
  }

  @Test func rejectsOtherSchemasAndMissingMembers() throws {
    let manifest = LineageFixture.record([]).manifest()
    let other = manifest.json().setting("schema", .string("piiscan.lineage/2"))
    #expect(throws: ScanError.self) { try LineageManifest(json: other) }
    let missing = manifest.json().removing("inputs")
    let error = #expect(throws: ScanError.self) { try LineageManifest(json: missing) }
    #expect(error?.message.contains("'inputs'") == true)
  }
}
