import Foundation
import TestSupport
import Testing

@testable import PIIScanKit

@Suite struct OutputPlanTests {
  func file(_ path: String) -> InputFile { InputFile(path: path, index: 0) }

  func make(_ dir: URL, _ files: [String: String]) throws {
    for (name, text) in files {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
  }

  @Test func mirrorsDirectoryInputsAndNamesFileInputs() throws {
    let root = Fixtures.temporaryDirectory()
    try make(root, ["logs/a.log": "a", "logs/sub/b.log.gz": "b", "single.csv": "c"])
    let out = root.appendingPathComponent("out").path
    let logs = root.appendingPathComponent("logs").path
    let single = root.appendingPathComponent("single.csv").path
    let plan = try OutputPlan(inputs: [logs, single], mode: .directory(out))
    #expect(try plan.target(for: file(logs + "/a.log")).get().path == out + "/a.log")
    #expect(try plan.target(for: file(logs + "/sub/b.log.gz")).get().path == out + "/sub/b.log.gz")
    #expect(try plan.target(for: file(single)).get().path == out + "/single.csv")
    #expect(FileManager.default.fileExists(atPath: out + "/sub"))

    let zst = try OutputPlan(inputs: [logs], mode: .directory(out), compression: .zstd)
    #expect(try zst.target(for: file(logs + "/sub/b.log.gz")).get().path == out + "/sub/b.log.zst")
    #expect(try zst.target(for: file(logs + "/a.log")).get().path == out + "/a.log.zst")
  }

  @Test(arguments: ["../x.log", "/etc/x", "a/../../x", "", "a//b", "./x"])
  func refusesPathsEscapingTheOutputDirectory(_ relative: String) {
    let out = Fixtures.temporaryDirectory().path
    #expect(throws: ScanError.self) { try OutputPlan.place(relative, under: out, input: "in") }
  }

  @Test func refusesSymlinkedDirectoriesInsideTheOutputDirectory() throws {
    let root = Fixtures.temporaryDirectory()
    let outside = Fixtures.temporaryDirectory()
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("out"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: root.appendingPathComponent("out/sub"), withDestinationURL: outside)
    #expect(throws: ScanError.self) {
      try OutputPlan.place("sub/x.log", under: root.appendingPathComponent("out").path, input: "in")
    }
  }

  @Test func refusesTheInputAsOutputUnlessInPlace() throws {
    let root = Fixtures.temporaryDirectory()
    try make(root, ["a.log": "x"])
    let input = root.appendingPathComponent("a.log").path
    let link = root.appendingPathComponent("hard.log").path
    try FileManager.default.linkItem(atPath: input, toPath: link)
    #expect(throws: ScanError.self) {
      try OutputPlan(inputs: [input], mode: .file(input)).target(for: file(input)).get()
    }
    #expect(throws: ScanError.self) {
      try OutputPlan(inputs: [input], mode: .file(link)).target(for: file(input)).get()
    }
    #expect(
      try OutputPlan(inputs: [input], mode: .inPlace).target(for: file(input)).get().path == input)
  }

  @Test func refusesTwoInputsSharingOneCopy() throws {
    let root = Fixtures.temporaryDirectory()
    try make(root, ["x/a.log": "1", "y/a.log": "2"])
    let a = root.appendingPathComponent("x/a.log").path
    let b = root.appendingPathComponent("y/a.log").path
    let plan = try OutputPlan(
      inputs: [a, b], mode: .directory(root.appendingPathComponent("out").path))
    #expect((try? plan.target(for: file(a)).get()) != nil)
    #expect(throws: ScanError.self) { try plan.target(for: file(b)).get() }
  }

  @Test func usageErrors() throws {
    let root = Fixtures.temporaryDirectory()
    try make(root, ["a.log": "1", "b.log": "2"])
    let a = root.appendingPathComponent("a.log").path
    let b = root.appendingPathComponent("b.log").path
    #expect(throws: ScanError.self) {
      try OutputPlan(inputs: [a, b], mode: .file(root.path + "/o.log"))
    }
    #expect(throws: ScanError.self) { try OutputPlan(inputs: [a], mode: .file(root.path)) }
    #expect(throws: ScanError.self) {
      try OutputPlan(inputs: ["-"], mode: .directory(root.path + "/out"))
    }
    #expect(throws: ScanError.self) { try OutputPlan(inputs: ["-"], mode: .inPlace) }
  }

  @Test(arguments: [
    (0o600, 0o600), (0o640, 0o640), (0o644, 0o644), (0o755, 0o755), (0o4750, 0o750), (0o666, 0o644),
  ])
  func copiesAreNeverMorePermissiveThanTheInput(_ input: Int, _ expected: Int) throws {
    let root = Fixtures.temporaryDirectory()
    try make(root, ["a.log": "x"])
    let path = root.appendingPathComponent("a.log").path
    #expect(chmod(path, mode_t(input)) == 0)
    let previous = umask(0o022)
    defer { umask(previous) }
    let target = try OutputPlan(inputs: [path], mode: .file(root.path + "/o.log")).target(
      for: file(path)
    ).get()
    #expect(Int(target.mode) == expected)
    #expect(target.mode & 0o004 == 0 || input & 0o004 != 0)
  }

  @Test func partialCopiesAreNamedAsSuch() throws {
    let root = Fixtures.temporaryDirectory()
    try make(root, ["a.log": "x"])
    let path = root.appendingPathComponent("a.log").path
    let plan = try OutputPlan(inputs: [path], mode: .file(root.path + "/o.log"), allowPartial: true)
    #expect(try plan.target(for: file(path)).get().partialPath == root.path + "/o.log.partial")
  }
}

@Suite struct RedactionEncoderTests {
  func finding(_ offset: Int, _ length: Int, field: String?) -> Finding {
    Finding(
      source: "t", offset: offset, length: length, line: 1, entity: "x", detector: "x",
      confidence: 1,
      validated: false, field: field, preview: "", fingerprint: .zero, value: [])
  }

  func encode(
    _ record: String, format: InputFormat, span: Range<Int>, field: String?, _ replacement: String
  ) -> String {
    let bytes = Array(record.utf8)
    return bytes.withUnsafeBytes { raw in
      var encoder = RedactionEncoder(chunk: raw, format: format)
      let out = encoder.encode(
        Array(replacement.utf8), at: span,
        finding: finding(span.lowerBound, span.count, field: field))
      return String(decoding: out, as: UTF8.self)
    }
  }

  @Test func csvQuotedFieldsDoubleQuotes() {
    // a,"x, y",z — the quoted field's contents are at 3..<7.
    #expect(encode("a,\"x, y\",z\n", format: .csv, span: 3..<7, field: "b", "p,\"q") == "p,\"\"q")
  }

  @Test func csvWholeUnquotedFieldBecomesQuoted() {
    #expect(encode("a,xy,z\n", format: .csv, span: 2..<4, field: "b", "p,q") == "\"p,q\"")
  }

  @Test func csvPartOfUnquotedFieldLosesStructuralBytes() {
    #expect(encode("a,xyz,z\n", format: .csv, span: 3..<4, field: "b", "p,\"q") == "p**q")
  }

  @Test func csvPlainReplacementsGoInAsIs() {
    #expect(encode("a,xy,z\n", format: .csv, span: 2..<4, field: "b", "[EMAIL]") == "[EMAIL]")
  }

  @Test func jsonNumbersBecomeStrings() {
    #expect(
      encode(#"{"n":4111111111111111}"#, format: .jsonl, span: 5..<21, field: "/n", "[CARD]")
        == #""[CARD]""#)
    // The same digits inside a string stay inside it.
    #expect(
      encode(#"{"n":"4111111111111111"}"#, format: .jsonl, span: 6..<22, field: "/n", "a\"b")
        == #"a\"b"#)
  }

  @Test func textIsNeverEscaped() {
    #expect(encode("x \"a\" y\n", format: .text, span: 2..<5, field: nil, "*a*") == "*a*")
  }
}
