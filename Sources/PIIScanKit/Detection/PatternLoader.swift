import Yams

/// Loads detectors from pattern files: the built-in set, then `--patterns DIR` files, which add
/// detectors or override built-in ones with the same id.
public enum PatternLoader {
  /// Parses one pattern file's YAML text. Throws ``ScanError`` (`.badPatternFile`) naming the
  /// file and, where known, the detector and field.
  public static func parse(_ text: String, origin: String) throws -> PatternFile {
    let file: PatternFile
    do {
      // Check the version first so an unknown schema is reported as such, not as a field error.
      let node = try Yams.load(yaml: text) as? [String: Any]
      if let node, let v = node["version"] as? Int, v != PatternFile.supportedVersion {
        throw ScanError(
          .badPatternFile,
          "schema version \(v) is not supported (this piiscan reads version \(PatternFile.supportedVersion)); upgrade piiscan or convert the file",
          path: origin)
      }
      if let node, let problem = unknownField(in: node) {
        throw ScanError(.badPatternFile, problem, path: origin)
      }
      file = try YAMLDecoder().decode(PatternFile.self, from: text)
    } catch let error as ScanError {
      throw error
    } catch let error as DecodingError {
      throw ScanError(.badPatternFile, describe(error), path: origin)
    } catch {
      throw ScanError(.badPatternFile, "not valid YAML: \(error)", path: origin)
    }
    return file
  }

  /// Compiles every detector of `files` (in order); a later file's detector replaces an earlier
  /// one with the same id, in place. Duplicate ids within one file are an error.
  public static func compile(_ files: [(origin: String, file: PatternFile)]) throws -> [Detector] {
    var detectors: [Detector] = []
    var index: [String: Int] = [:]
    for (origin, file) in files {
      var seen = Set<String>()
      for spec in file.detectors {
        guard seen.insert(spec.id).inserted else {
          throw ScanError(
            .badPatternFile, "detector '\(spec.id)' is defined twice in this file", path: origin)
        }
        let detector = try Detector(spec: spec, origin: origin)
        if let i = index[spec.id] {
          detectors[i] = detector
        } else {
          index[spec.id] = detectors.count
          detectors.append(detector)
        }
      }
    }
    return detectors
  }

  /// The built-in pattern files (embedded from `patterns/` by `make embed-patterns`) followed by
  /// every `*.yaml`/`*.yml` file in each of `directories`, in name order.
  public static func load(directories: [String] = [], builtin: Bool = true) throws -> DetectorSet {
    var files: [(origin: String, file: PatternFile)] = []
    if builtin {
      for (name, file) in BuiltinPatterns.files {
        files.append((origin: "patterns/\(name)", file: file))
      }
    }
    for dir in directories {
      let status = FileSystem.status(dir)
      let paths: [String]
      if status.kind == .directory {
        paths = try FileSystem.listDirectory(dir)
          .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
          .map { FileSystem.join(dir, $0) }
      } else if status.kind == .file {
        paths = [dir]
      } else {
        throw ScanError(.unreadable, "no such pattern directory or file", path: dir)
      }
      for path in paths {
        let bytes = try FileSystem.readFile(path)
        files.append((origin: path, file: try parse(String(decoding: bytes, as: UTF8.self), origin: path)))
      }
    }
    return DetectorSet(try compile(files))
  }

  /// The first field no schema-1 reader knows, described, or nil. A typo such as
  /// `requires_contxt: true` would otherwise be ignored silently, and an unquoted comma in a
  /// flow mapping (`{reason: spaced, dashed}`) turns the text after it into a field of its own.
  static func unknownField(in file: [String: Any]) -> String? {
    // The field names are the Codable keys of the schema types, so a new field is known here
    // as soon as it is decodable.
    func names<K: CaseIterable & RawRepresentable>(_: K.Type) -> Set<String> where K.RawValue == String {
      Set(K.allCases.map(\.rawValue))
    }
    typealias Spec = DetectorSpec
    let top = names(PatternFile.CodingKeys.self)
    let detector = names(Spec.CodingKeys.self)
    let nested: [String: Set<String>] = [
      Spec.CodingKeys.context.rawValue: names(Spec.ContextSpec.CodingKeys.self),
      Spec.CodingKeys.negativeContext.rawValue: names(Spec.ContextSpec.CodingKeys.self),
      Spec.CodingKeys.preview.rawValue: names(Spec.PreviewSpec.CodingKeys.self),
      Spec.CodingKeys.examples.rawValue: names(Spec.ExamplesSpec.CodingKeys.self),
      Spec.CodingKeys.token.rawValue: names(Spec.TokenSpec.CodingKeys.self),
    ]
    let example = names(Spec.Example.CodingKeys.self)
    func unknown(_ keys: some Sequence<String>, _ known: Set<String>) -> String? {
      keys.filter { !known.contains($0) }.sorted().first
    }
    if let key = unknown(file.keys, top) {
      return "unknown top-level field '\(key)'; fields are \(top.sorted().joined(separator: ", "))"
    }
    for (i, item) in ((file["detectors"] as? [Any]) ?? []).enumerated() {
      guard let d = item as? [String: Any] else { continue }
      let name = (d["id"] as? String).map { "detector '\($0)'" } ?? "detector #\(i + 1)"
      if let key = unknown(d.keys, detector) {
        return "\(name): unknown field '\(key)'; see docs/detectors.md for the fields"
      }
      for (field, known) in nested.sorted(by: { $0.key < $1.key }) {
        guard let sub = d[field] as? [String: Any] else { continue }
        if let key = unknown(sub.keys, known) {
          return "\(name), field '\(field)': unknown field '\(key)'"
        }
      }
      let examples = d["examples"] as? [String: Any] ?? [:]
      for kind in ["match", "no_match"] {
        for (j, e) in ((examples[kind] as? [Any]) ?? []).enumerated() {
          guard let e = e as? [String: Any], let key = unknown(e.keys, example) else { continue }
          return
            "\(name), field 'examples.\(kind)[\(j)]': unknown field '\(key)' (an unquoted comma in a flow mapping starts a new field: quote the value)"
        }
      }
    }
    return nil
  }

  static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      var out = ""
      var detector: String? = nil
      for key in context.codingPath {
        if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        if key.intValue != nil && detector == nil { detector = "#\(key.intValue! + 1)" }
      }
      return (detector.map { "detector \($0), " } ?? "") + "field '\(out)'"
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "\(path(context)): missing required field '\(key.stringValue)'"
    case .typeMismatch(_, let context), .valueNotFound(_, let context),
      .dataCorrupted(let context):
      return "\(path(context)): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }
}
