import Yams

extension RedactionPolicy {
  /// Reads a policy file. Throws ``ScanError`` `.badPolicy` naming the file and the field.
  public static func load(path: String) throws -> RedactionPolicy {
    let bytes = try FileSystem.readFile(path, limit: 1 << 20)
    return try parse(yaml: String(decoding: bytes, as: UTF8.self), origin: path)
  }

  /// Parses a policy file's text. The format, schema version 1:
  ///
  /// ```yaml
  /// version: 1            # required; other versions are refused
  /// default: tag          # optional (tag): the operator for entities not listed
  /// entities:             # optional: entity id → operator
  ///   email: partial
  ///   credit_card: mask
  ///   ipv4: keep
  /// ```
  ///
  /// Operators: `tag`, `mask`, `partial`, `hash`, `remove`, `keep` (``RedactionOperator``).
  /// Unknown keys are errors, so a typo never silently weakens a policy. Errors are
  /// ``ScanError`` `.badPolicy` with `path` = `origin` and a message naming the field
  /// (`entities.email: unknown operator 'mask2'; use one of …`).
  public static func parse(yaml text: String, origin: String) throws(ScanError) -> RedactionPolicy {
    func bad(_ message: String) -> ScanError { ScanError(.badPolicy, message, path: origin) }
    let loaded: Any?
    do {
      loaded = try Yams.load(yaml: text)
    } catch {
      throw bad("not valid YAML: \(error)")
    }
    guard let root = loaded as? [String: Any] else {
      throw bad("a policy file is a mapping with `version: 1`, `default` and `entities`")
    }
    for key in root.keys.sorted() where !["version", "default", "entities"].contains(key) {
      throw bad("unknown field '\(key)'; a policy has version, default and entities")
    }
    guard let version = root["version"] else {
      throw bad("version: missing; add `version: \(Self.version)` as the first line")
    }
    guard let number = version as? Int, number == Self.version else {
      throw bad(
        "version: unsupported version '\(version)'; this piiscan reads version \(Self.version)")
    }
    var policy = RedactionPolicy()
    if let value = root["default"] {
      policy.defaultOperator = try operatorValue(value, field: "default", bad: bad)
    }
    if let value = root["entities"] {
      guard let entities = value as? [String: Any] else {
        throw bad("entities: expected a mapping of entity id to operator, e.g. `email: partial`")
      }
      for entity in entities.keys.sorted() {
        guard isEntityID(entity) else {
          throw bad("entities.\(entity): not an entity id (lower snake_case, e.g. credit_card)")
        }
        policy.operators[entity] = try operatorValue(
          entities[entity] as Any, field: "entities.\(entity)", bad: bad)
      }
    }
    return policy
  }

  private static func operatorValue(
    _ value: Any, field: String, bad: (String) -> ScanError
  ) throws(ScanError) -> RedactionOperator {
    guard let name = value as? String else {
      throw bad("\(field): expected an operator name (\(RedactionOperator.names))")
    }
    guard let op = RedactionOperator(rawValue: name) else {
      throw bad("\(field): unknown operator '\(name)'; use one of \(RedactionOperator.names)")
    }
    return op
  }
}
