import Foundation
import Testing

@testable import PIIScanKit

/// Runs every example of every pattern file in `patterns/` (STYLE.md §7, §8).
@Suite struct PatternExampleTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func files() throws -> [(name: String, text: String)] {
    let dir = root.appendingPathComponent("patterns")
    return try FileManager.default.contentsOfDirectory(atPath: dir.path)
      .filter { $0.hasSuffix(".yaml") }.sorted()
      .map { ($0, try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)) }
  }

  struct Case: CustomTestStringConvertible, Sendable {
    let detector: DetectorSpec
    let origin: String
    var testDescription: String { detector.id }
  }

  static let cases: [Case] = {
    guard let files = try? files() else { return [] }
    return files.flatMap { f in
      ((try? PatternLoader.parse(f.text, origin: f.name))?.detectors ?? []).map {
        Case(detector: $0, origin: f.name)
      }
    }
  }()

  @Test func everyPatternFileParsesAndCompiles() throws {
    let files = try Self.files()
    #expect(!files.isEmpty)
    let parsed = try files.map { (origin: $0.name, file: try PatternLoader.parse($0.text, origin: $0.name)) }
    let detectors = try PatternLoader.compile(parsed)
    #expect(detectors.count == Self.cases.count)
  }

  @Test func embeddedCopyMatchesPatternFiles() throws {
    let files = try Self.files()
    #expect(BuiltinPatterns.files.map(\.name) == files.map(\.name), "run `make embed-patterns`")
    for (embedded, disk) in zip(BuiltinPatterns.files, files) {
      let decoded = try PatternLoader.parse(disk.text, origin: disk.name)
      #expect(embedded.file == decoded, "\(disk.name) differs: run `make embed-patterns`")
    }
  }

  @Test func everyDetectorHasPositiveAndNegativeExamples() {
    #expect(!Self.cases.isEmpty)
    for c in Self.cases {
      let positives: [DetectorSpec.Example] = c.detector.examples?.match ?? []
      let negatives: [DetectorSpec.Example] = c.detector.examples?.noMatch ?? []
      #expect(positives.count > 0, "\(c.detector.id) has no match examples")
      #expect(negatives.count > 0, "\(c.detector.id) has no no_match examples")
    }
  }

  /// Each positive example passes the prefilter and then matches, with exactly its value span;
  /// and the prefiltered scan equals the unfiltered one (the prefilter loses nothing).
  @Test(arguments: cases)
  func positiveExamplesMatch(_ c: Case) throws {
    let detector = try Detector(spec: c.detector, origin: c.origin)
    let filtered = DetectorSet([detector])
    let unfiltered = DetectorSet([detector], prefilter: false)
    for example in c.detector.examples?.match ?? [] {
      let text = Array(example.text.utf8)
      let found = filtered.matches(in: text)
      #expect(found == unfiltered.matches(in: text), "prefilter changed the result: \(example.reason)")
      let expected = Array((example.value ?? example.text).utf8)
      let hit = found.first { Array(text[$0.range]) == expected }
      #expect(hit != nil, "\(c.detector.id): no match for example (\(example.reason))")
      if let validated = example.validated, let hit {
        #expect(hit.validated == validated, "\(c.detector.id): validated mismatch (\(example.reason))")
      }
    }
  }

  @Test(arguments: cases)
  func negativeExamplesDoNotMatch(_ c: Case) throws {
    let detector = try Detector(spec: c.detector, origin: c.origin)
    let set = DetectorSet([detector])
    let unfiltered = DetectorSet([detector], prefilter: false)
    for example in c.detector.examples?.noMatch ?? [] {
      let text = Array(example.text.utf8)
      #expect(set.matches(in: text).isEmpty, "\(c.detector.id) matched a negative example (\(example.reason))")
      #expect(unfiltered.matches(in: text).isEmpty, "\(c.detector.id) matched without prefilter (\(example.reason))")
    }
  }

  /// With every detector loaded, a positive example is still reported as its entity.
  @Test(arguments: cases)
  func positiveExamplesSurviveTheFullSet(_ c: Case) throws {
    let all = try PatternLoader.load()
    for example in c.detector.examples?.match ?? [] {
      let text = Array(example.text.utf8)
      let expected = Array((example.value ?? example.text).utf8)
      let hit = all.matches(in: text).first { Array(text[$0.range]) == expected }
      #expect(hit?.entity == c.detector.entity, "\(c.detector.id): \(example.reason)")
    }
  }
}

