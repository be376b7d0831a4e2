import GRDB

@testable import PIIScanKit

/// Raw SQL reads of a catalog for assertions.
enum CatalogQueryProbe {
  static func rows(_ store: CatalogStore, _ sql: String) throws -> [[String: String]] {
    try store.pool.read { db in
      try Row.fetchAll(db, sql: sql).map { row in
        var out: [String: String] = [:]
        for (name, value) in row {
          out[name] = value.isNull ? "NULL" : String(describing: value.storage.value)
        }
        return out
      }
    }
  }

  static func count(_ store: CatalogStore, _ sql: String) throws -> Int {
    try store.pool.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
  }
}

extension DatabaseValue.Storage {
  var value: Any {
    switch self {
    case .null: return "NULL"
    case .int64(let v): return v
    case .double(let v): return v
    case .string(let v): return v
    case .blob(let v): return v
    }
  }
}
