import Foundation
import TestSupport
import Testing

@testable import PIIScanKit

@Suite struct ManifestVerifierTests {
  /// A recorded run over copies of the corpus with one output per input (a copy standing in for
  /// a redacted file), the manifest written next to them.
  struct Run {
    let directory: URL
    let inputs: [String]
    let outputs: [String]
    let manifest: LineageManifest
    let manifestPath: String
  }

  func makeRun(signer: ManifestSigner? = nil) throws -> Run {
    let (dir, inputs) = try LineageFixture.workspace()
    let recorder = LineageFixture.record(inputs)
    var outputs: [String] = []
    for input in inputs {
      let output = input + ".out"
      var bytes = try Data(contentsOf: URL(fileURLWithPath: input))
      bytes.append(contentsOf: Array("redacted\n".utf8))
      try bytes.write(to: URL(fileURLWithPath: output))
      recorder.recordOutput(
        input: input, path: output, sha256: try LineageFixture.sha256(output), policy: "mask")
      outputs.append(output)
    }
    var manifest = recorder.manifest(endedAt: LineageTime(seconds: 1_700_000_010))
    if let signer { manifest = try signer.sign(manifest) }
    let path = dir.appendingPathComponent("run.manifest.json").path
    try LineageFileWriter.write(manifest.encoded(), to: path)
    return Run(
      directory: dir, inputs: inputs, outputs: outputs, manifest: manifest, manifestPath: path)
  }

  @Test func untouchedRunMatchesEverything() throws {
    let signer = ManifestSigner.generate()
    let run = try makeRun(signer: signer)
    defer { try? FileManager.default.removeItem(at: run.directory) }
    let result = try ManifestVerifier(publicKey: signer.publicKey).verify(
      manifestAt: run.manifestPath)
    #expect(result.entries.count == 8)
    #expect(result.count(.matched) == 8)
    #expect(result.signature == .valid(keyID: signer.keyID, trusted: true))
    #expect(result.isClean)
  }

  @Test func catchesAChangedOutput() throws {
    let run = try makeRun()
    defer { try? FileManager.default.removeItem(at: run.directory) }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: run.outputs[2]))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("x".utf8))
    try handle.close()
    let result = try ManifestVerifier().verify(manifestAt: run.manifestPath)
    let changed = result.entries.filter { $0.state == .changed }
    #expect(changed.map(\.path) == [run.outputs[2]])
    #expect(changed.first?.role == .output)
    #expect(changed.first?.actual == (try LineageFixture.sha256(run.outputs[2])))
    #expect(result.count(.matched) == 7)
    #expect(result.signature == .unsigned)
    #expect(!result.isClean)
  }

  @Test func catchesMissingInputsAndOutputs() throws {
    let run = try makeRun()
    defer { try? FileManager.default.removeItem(at: run.directory) }
    try FileManager.default.removeItem(atPath: run.inputs[1])
    try FileManager.default.removeItem(atPath: run.outputs[3])
    let result = try ManifestVerifier().verify(manifestAt: run.manifestPath)
    let missing = result.entries.filter { $0.state == .missing }
    #expect(missing.map(\.path) == [run.inputs[1], run.outputs[3]])
    #expect(missing.map(\.role) == [.input, .output])
    #expect(!result.isClean)
  }

  @Test func catchesATamperedManifest() throws {
    let signer = ManifestSigner.generate()
    let run = try makeRun(signer: signer)
    defer { try? FileManager.default.removeItem(at: run.directory) }
    // Change one digit of the first input's recorded size: still valid JSON, still parses.
    var text = try String(contentsOfFile: run.manifestPath, encoding: .utf8)
    let size = run.manifest.inputs[0].size
    let range = try #require(text.range(of: "\"size\": \(size),"))
    text.replaceSubrange(range, with: "\"size\": \(size + 1),")
    try text.write(toFile: run.manifestPath, atomically: true, encoding: .utf8)
    for key in [signer.publicKey, nil] {
      let result = try ManifestVerifier(publicKey: key).verify(manifestAt: run.manifestPath)
      guard case .invalid(let why) = result.signature else {
        Issue.record("tampering not detected: \(result.signature)")
        continue
      }
      #expect(why.contains("changed after signing"))
      #expect(result.count(.matched) == 8, "the files themselves are unchanged")
      #expect(!result.isClean)
    }
  }

  @Test func rejectsASignatureByAnotherKey() throws {
    let run = try makeRun(signer: ManifestSigner.generate())
    defer { try? FileManager.default.removeItem(at: run.directory) }
    let stranger = ManifestSigner.generate()
    let result = try ManifestVerifier(publicKey: stranger.publicKey).verify(
      manifestAt: run.manifestPath)
    guard case .invalid(let why) = result.signature else {
      Issue.record("another key was accepted")
      return
    }
    #expect(why.contains(stranger.keyID))
    #expect(!result.isClean)
  }

  @Test func requiresASignatureWhenAPublicKeyIsGiven() throws {
    let run = try makeRun()
    defer { try? FileManager.default.removeItem(at: run.directory) }
    let result = try ManifestVerifier(publicKey: ManifestSigner.generate().publicKey).verify(
      manifestAt: run.manifestPath)
    #expect(result.signature == .invalid("the manifest is not signed, but a public key was given"))
    #expect(!result.isClean)
    #expect(try ManifestVerifier().verify(manifestAt: run.manifestPath).isClean)
  }

  @Test func aReplacedSignatureKeyIsNotTrusted() throws {
    // Someone re-signs a changed manifest with their own key: intact, but not by the signer.
    let signer = ManifestSigner.generate()
    let run = try makeRun(signer: signer)
    defer { try? FileManager.default.removeItem(at: run.directory) }
    var forged = run.manifest
    forged.inputs[0].sha256 = String(repeating: "0", count: 64)
    forged = try ManifestSigner.generate().sign(forged)
    let embeddedOnly = ManifestVerifier().verify(forged)
    if case .valid(_, let trusted) = embeddedOnly.signature {
      #expect(!trusted)
    } else {
      Issue.record("expected valid-but-untrusted")
    }
    #expect(!embeddedOnly.isClean, "the forged hash no longer matches the file")
    if case .invalid = ManifestVerifier(publicKey: signer.publicKey).verify(forged).signature {
    } else {
      Issue.record("a foreign signature was accepted under the signer's key")
    }
  }

  @Test func standardInputAndUnhashedInputsAreUnchecked() {
    var manifest = LineageFixture.record([]).manifest()
    manifest.inputs = [
      .init(
        path: "-", size: 3, sha256: String(repeating: "1", count: 64), format: "text",
        compression: "none", records: 1, bytes: 3, status: "scanned"),
      .init(
        path: "/nonexistent/x", size: 0, sha256: nil, format: nil, compression: nil, records: 0,
        bytes: 0, status: "failed"),
    ]
    let result = ManifestVerifier().verify(manifest)
    #expect(result.entries.map(\.state) == [.unchecked, .unchecked])
    #expect(result.isClean)
  }

  @Test func resolvesRelativePathsAgainstTheBaseDirectory() throws {
    let run = try makeRun()
    defer { try? FileManager.default.removeItem(at: run.directory) }
    var manifest = run.manifest
    let prefix = run.directory.path + "/"
    for i in manifest.inputs.indices {
      manifest.inputs[i].path = String(manifest.inputs[i].path.dropFirst(prefix.count))
    }
    for i in manifest.outputs.indices {
      manifest.outputs[i].path = String(manifest.outputs[i].path.dropFirst(prefix.count))
    }
    #expect(
      ManifestVerifier(baseDirectory: run.directory.path).verify(manifest).count(.matched) == 8)
    #expect(ManifestVerifier(baseDirectory: "/nonexistent").verify(manifest).count(.missing) == 8)
  }

  @Test func unreadableManifestsThrow() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("m.json").path
    try Data("{\"schema\": \"something else\"}\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: ScanError.self) { try ManifestVerifier().verify(manifestAt: path) }
    #expect(throws: ScanError.self) {
      try ManifestVerifier().verify(manifestAt: dir.appendingPathComponent("none").path)
    }
  }
}
