/// The column names of a CSV input, taken from its first record, used as field names in
/// findings.
///
/// Naming rules, so that every column has a distinct, non-empty name:
/// - A field's bytes are decoded as UTF-8 (invalid bytes become U+FFFD); a UTF-8 byte order
///   mark at the start of the first name is dropped (spreadsheet exports write one).
/// - An empty name, or one already used by an earlier column, becomes `column_N`, N being the
///   1-based column position; if that is taken too, `column_N_2`, `column_N_3`, … .
/// - Columns past the header (rows longer than the header) are named `column_N` by
///   ``name(forColumn:)``; those names are not checked against the header's.
public struct CSVHeader: Sendable, Hashable {
  /// One name per header column, after the naming rules.
  public let names: [String]

  /// Parses `record` (the first record of the input, without its terminator) as the header.
  public init(record: UnsafeRawBufferPointer) {
    var raw: [String] = []
    CSVWalker.forEachField(in: record) { segment in
      raw.append(segment.withScanBytes(in: record) { String(decoding: $0, as: UTF8.self) })
    }
    self.init(names: raw)
  }

  /// Applies the naming rules to `names` (for headers given on the command line, and tests).
  public init(names: [String]) {
    var used = Set<String>()
    var result: [String] = []
    result.reserveCapacity(names.count)
    for (index, original) in names.enumerated() {
      var name = original
      if index == 0 && name.unicodeScalars.first == "\u{FEFF}" {
        name.unicodeScalars.removeFirst()
      }
      if name.isEmpty || used.contains(name) {
        let base = Self.positionalName(index)
        name = base
        var suffix = 2
        while used.contains(name) {
          name = "\(base)_\(suffix)"
          suffix += 1
        }
      }
      used.insert(name)
      result.append(name)
    }
    self.names = result
  }

  /// The name of 0-based `column`: the header's name, or `column_N` past the header.
  public func name(forColumn column: Int) -> String {
    column < names.count ? names[column] : Self.positionalName(column)
  }

  /// `column_N` with N 1-based, the name for a column without a usable header name.
  public static func positionalName(_ column: Int) -> String { "column_\(column + 1)" }
}
