extension LineageManifest {
  /// Reads a manifest file's bytes.
  ///
  /// Throws ``ScanError`` `.corrupt` for text that is not JSON, a `schema` other than
  /// ``schema``, or a missing or mistyped member (the message names the member).
  public init(parsing bytes: [UInt8]) throws(ScanError) {
    try self.init(json: try LineageJSON.parse(bytes))
  }

  /// Reads a manifest from its JSON value (see the type's documentation for the members).
  public init(json: LineageJSON) throws(ScanError) {
    let r = Reader(path: "")
    guard case .object = json else { throw r.failure("the manifest is not a JSON object") }
    let schema = try r.string(json, "schema")
    guard schema == Self.schema else {
      throw r.failure("unsupported schema '\(schema)'; this piiscan reads \(Self.schema)")
    }
    let statusText = try r.string(json, "status")
    guard let status = Status(rawValue: statusText) else {
      throw r.failure("unknown status '\(statusText)'")
    }
    let tool = try r.member(json, "tool")
    let detectorsObject = try r.member(json, "detectors")
    let key = try r.member(json, "key")

    var inputs: [Input] = []
    for (i, item) in try r.array(json, "inputs").enumerated() {
      let e = Reader(path: "inputs[\(i)].")
      let error = try e.member(item, "error")
      var entities: [EntityEntry] = []
      guard case .object(let members) = try e.member(item, "entities") else {
        throw e.failure("member 'entities' is not an object")
      }
      for (entity, counts) in members {
        entities.append(
          EntityEntry(
            entity: entity, count: try e.int(counts, "count"),
            validated: try e.int(counts, "validated")))
      }
      inputs.append(
        Input(
          path: try e.string(item, "path"), size: try e.int(item, "size"),
          sha256: try e.optionalString(item, "sha256"),
          format: try e.optionalString(item, "format"),
          compression: try e.optionalString(item, "compression"),
          records: try e.int(item, "records"),
          bytes: try e.int(item, "bytes"), status: try e.string(item, "status"),
          errorCode: error == .null ? nil : try e.string(error, "code"),
          errorMessage: error == .null ? nil : try e.optionalString(error, "message"),
          entities: entities))
    }
    var outputs: [Output] = []
    for (i, item) in try r.array(json, "outputs").enumerated() {
      let e = Reader(path: "outputs[\(i)].")
      outputs.append(
        Output(
          path: try e.string(item, "path"), sha256: try e.string(item, "sha256"),
          policy: try e.optionalString(item, "policy")))
    }
    var edges: [Edge] = []
    for (i, item) in try r.array(json, "edges").enumerated() {
      let e = Reader(path: "edges[\(i)].")
      edges.append(Edge(input: try e.string(item, "input"), output: try e.string(item, "output")))
    }
    var detectors: [DetectorEntry] = []
    for (i, item) in try r.array(detectorsObject, "items").enumerated() {
      let e = Reader(path: "detectors.items[\(i)].")
      detectors.append(
        DetectorEntry(
          id: try e.string(item, "id"), entity: try e.string(item, "entity"),
          hash: try e.string(item, "hash")))
    }
    var signature: Signature? = nil
    if let s = json["signature"] {
      let e = Reader(path: "signature.")
      signature = Signature(
        algorithm: try e.string(s, "algorithm"), publicKey: try e.string(s, "public_key"),
        keyID: try e.string(s, "key_id"), value: try e.string(s, "value"))
    }
    var arguments: [String] = []
    for argument in try r.array(json, "arguments") {
      guard let text = argument.stringValue else {
        throw r.failure("member 'arguments' holds a non-string")
      }
      arguments.append(text)
    }

    self.init(
      runID: try r.string(json, "run_id"), command: try r.string(json, "command"),
      toolVersion: try r.string(tool, "version"), arguments: arguments,
      startedAt: try r.string(json, "started_at"), endedAt: try r.string(json, "ended_at"),
      status: status, error: try r.optionalString(json, "error"),
      detectorSetHash: try r.string(detectorsObject, "set_hash"), detectors: detectors,
      policy: try r.optionalString(json, "policy"), keyID: try r.optionalString(key, "id"),
      keyIsEphemeral: try r.bool(key, "ephemeral"), inputs: inputs, outputs: outputs, edges: edges,
      signature: signature)
    if let catalogRun = json["catalog_run_id"] {
      guard case .number(let text) = catalogRun, let id = Int64(text) else {
        throw r.failure("member 'catalog_run_id' is not an integer")
      }
      catalogRunID = id
    }
  }
}

/// Typed member access with errors that name the member.
private struct Reader {
  let path: String

  func failure(_ what: String) -> ScanError {
    ScanError(.corrupt, "not a piiscan lineage manifest: \(what)")
  }

  func member(_ object: LineageJSON, _ key: String) throws(ScanError) -> LineageJSON {
    guard let value = object[key] else { throw failure("member '\(path)\(key)' is missing") }
    return value
  }

  func string(_ object: LineageJSON, _ key: String) throws(ScanError) -> String {
    guard let s = try member(object, key).stringValue else {
      throw failure("member '\(path)\(key)' is not a string")
    }
    return s
  }

  func optionalString(_ object: LineageJSON, _ key: String) throws(ScanError) -> String? {
    let value = try member(object, key)
    if value == .null { return nil }
    guard let s = value.stringValue else {
      throw failure("member '\(path)\(key)' is not a string or null")
    }
    return s
  }

  func int(_ object: LineageJSON, _ key: String) throws(ScanError) -> Int {
    guard let n = try member(object, key).intValue else {
      throw failure("member '\(path)\(key)' is not an integer")
    }
    return n
  }

  func bool(_ object: LineageJSON, _ key: String) throws(ScanError) -> Bool {
    guard let b = try member(object, key).boolValue else {
      throw failure("member '\(path)\(key)' is not a Boolean")
    }
    return b
  }

  func array(_ object: LineageJSON, _ key: String) throws(ScanError) -> [LineageJSON] {
    guard let a = try member(object, key).arrayValue else {
      throw failure("member '\(path)\(key)' is not an array")
    }
    return a
  }
}
