/// A JSON value with object members in a fixed order: what lineage manifests and OpenLineage
/// events are built from, written by ``encoded()`` and read back by ``parse(_:)``.
///
/// Objects keep their members as an ordered list, never a dictionary, so the same value always
/// serializes to the same bytes: this is what makes manifests byte-reproducible and what the
/// manifest signature covers (``ManifestSigner``). Numbers keep their literal text, so parsing
/// and re-encoding a manifest gives back the bytes it was written with.
///
/// ```swift
/// let value = LineageJSON.object([("schema", .string("piiscan.lineage/1")), ("inputs", .array([]))])
/// let bytes = value.encoded()       // {\n  "schema": "piiscan.lineage/1",\n  "inputs": []\n}\n
/// let back = try LineageJSON.parse(bytes)
/// ```
public enum LineageJSON: Sendable, Equatable {
  /// An object; members in the order they are written.
  case object([(String, LineageJSON)])
  /// An array.
  case array([LineageJSON])
  /// A string (any Unicode; written as UTF-8 with the escapes of ``FindingJSON/appendString(_:to:)``).
  case string(String)
  /// A number, as its JSON literal text (`42`, `-1.5e3`).
  case number(String)
  /// `true` or `false`.
  case bool(Bool)
  /// `null`.
  case null

  /// An integer number.
  public static func integer(_ value: Int) -> LineageJSON { .number(String(value)) }

  /// A string, or `null` when `value` is nil.
  public static func optionalString(_ value: String?) -> LineageJSON {
    value.map { .string($0) } ?? .null
  }

  /// Structural equality; object members must match in order.
  public static func == (lhs: LineageJSON, rhs: LineageJSON) -> Bool {
    switch (lhs, rhs) {
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    case (.array(let a), .array(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.bool(let a), .bool(let b)): return a == b
    case (.null, .null): return true
    default: return false
    }
  }

  // MARK: - Access

  /// The member named `key` of an object; nil for a missing member or a non-object.
  public subscript(key: String) -> LineageJSON? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// The string, or nil.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The number as an `Int` when it is an integer literal, else nil.
  public var intValue: Int? {
    if case .number(let text) = self { return Int(text) }
    return nil
  }

  /// The Boolean, or nil.
  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// The elements of an array, or nil.
  public var arrayValue: [LineageJSON]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// The same object without the member `key` (other values unchanged).
  public func removing(_ key: String) -> LineageJSON {
    guard case .object(let members) = self else { return self }
    return .object(members.filter { $0.0 != key })
  }

  /// The same object with `value` appended as member `key` (replacing an existing one in place).
  public func setting(_ key: String, _ value: LineageJSON) -> LineageJSON {
    guard case .object(var members) = self else { return self }
    if let i = members.firstIndex(where: { $0.0 == key }) {
      members[i].1 = value
    } else {
      members.append((key, value))
    }
    return .object(members)
  }

  // MARK: - Writing

  /// The canonical text: two-space indentation, one member or element per line, `": "` after
  /// keys, `[]` and `{}` for empty containers, members in their stored order, and a final `\n`.
  public func encoded() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    write(to: &out, indent: 0)
    out.append(0x0A)
    return out
  }

  private func write(to out: inout [UInt8], indent: Int) {
    switch self {
    case .string(let s): FindingJSON.appendString(Array(s.utf8), to: &out)
    case .number(let text): out += Array(text.utf8)
    case .bool(let b): out += Array((b ? "true" : "false").utf8)
    case .null: out += Array("null".utf8)
    case .array(let elements):
      guard !elements.isEmpty else {
        out += [0x5B, 0x5D]
        return
      }
      out += [0x5B, 0x0A]
      for (i, element) in elements.enumerated() {
        Self.pad(&out, indent + 1)
        element.write(to: &out, indent: indent + 1)
        if i < elements.count - 1 { out.append(0x2C) }
        out.append(0x0A)
      }
      Self.pad(&out, indent)
      out.append(0x5D)
    case .object(let members):
      guard !members.isEmpty else {
        out += [0x7B, 0x7D]
        return
      }
      out += [0x7B, 0x0A]
      for (i, (key, value)) in members.enumerated() {
        Self.pad(&out, indent + 1)
        FindingJSON.appendString(Array(key.utf8), to: &out)
        out += [0x3A, 0x20]
        value.write(to: &out, indent: indent + 1)
        if i < members.count - 1 { out.append(0x2C) }
        out.append(0x0A)
      }
      Self.pad(&out, indent)
      out.append(0x7D)
    }
  }

  private static func pad(_ out: inout [UInt8], _ level: Int) {
    out += repeatElement(0x20, count: level * 2)
  }
}
