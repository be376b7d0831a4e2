/// Which structured fields are searched: `--fields`/`--skip-fields` (JSON Lines, RFC 6901 JSON
/// Pointers) and `--columns`/`--skip-columns` (CSV header names).
///
/// A JSON Pointer selects the value it names and everything below it: `/user` selects
/// `/user/email` and `/user/phones/0`, not `/username`. A column is selected by its header
/// name, or by its positional name (`column_1`, …) in a headerless file. Exclusions win over
/// inclusions; empty inclusion lists select everything.
///
/// Values outside the scope are not searched at all: they produce no findings, so they are
/// neither reported nor redacted, exactly as if the scan had never looked there. Text (plain
/// inputs, a CSV header line, a JSON Lines record that does not parse, a piece of an over-long
/// record) has no fields and is always searched, so a restriction can never hide PII that the
/// format walker could not attribute to a field.
public struct FieldScope: Sendable, Hashable {
  /// JSON Pointers to search (empty: all).
  public var fields: [String]
  /// JSON Pointers not to search.
  public var skipFields: [String]
  /// CSV columns to search (empty: all).
  public var columns: [String]
  /// CSV columns not to search.
  public var skipColumns: [String]

  /// A scope; the default searches everything.
  public init(
    fields: [String] = [], skipFields: [String] = [], columns: [String] = [],
    skipColumns: [String] = []
  ) {
    self.fields = fields
    self.skipFields = skipFields
    self.columns = columns
    self.skipColumns = skipColumns
  }

  /// True when nothing is restricted.
  public var isUnrestricted: Bool {
    fields.isEmpty && skipFields.isEmpty && columns.isEmpty && skipColumns.isEmpty
  }

  /// Whether the JSON Lines value at `pointer` is searched.
  public func includes(jsonPointer pointer: String) -> Bool {
    if skipFields.contains(where: { Self.pointer($0, covers: pointer) }) { return false }
    return fields.isEmpty || fields.contains { Self.pointer($0, covers: pointer) }
  }

  /// Whether the CSV column named `column` is searched.
  public func includes(column: String) -> Bool {
    if skipColumns.contains(column) { return false }
    return columns.isEmpty || columns.contains(column)
  }

  /// Whether `prefix` names `pointer` or one of its ancestors (RFC 6901: tokens are separated
  /// by `/`, and the empty pointer `""` is the whole document).
  static func pointer(_ prefix: String, covers pointer: String) -> Bool {
    if prefix.isEmpty || prefix == pointer { return true }
    let p = Array(prefix.utf8)
    let q = Array(pointer.utf8)
    if p.last == UInt8(ascii: "/") { return q.starts(with: p) }
    return q.count > p.count && q.starts(with: p) && q[p.count] == UInt8(ascii: "/")
  }
}
