/// Every validator a pattern file may name, by name.
///
/// Pattern files cite validators by `name`; an unknown name is a pattern-file error. Each
/// family keeps its list in a `ValidatorRegistry+Family.swift` file; ``all`` joins them.
public enum ValidatorRegistry {
  /// All validators, in name order.
  public static let all: [Validator] = (coreAndEurope + world + phone).sorted { $0.name < $1.name }

  /// The validator called `name`, or nil.
  public static func named(_ name: String) -> Validator? {
    all.first { $0.name == name }
  }
}
