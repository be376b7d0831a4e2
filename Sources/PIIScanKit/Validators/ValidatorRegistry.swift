/// Every validator a pattern file may name, by name.
///
/// Pattern files cite validators by `name`; an unknown name is a pattern-file error. New
/// validators are added to one of the lists ``all`` joins (`coreAndEurope`, in
/// `ValidatorRegistry+CoreAndEurope.swift`) and nowhere else.
public enum ValidatorRegistry {
  /// All validators, in name order.
  public static let all: [Validator] = (coreAndEurope).sorted { $0.name < $1.name }

  /// The validator called `name`, or nil.
  public static func named(_ name: String) -> Validator? {
    all.first { $0.name == name }
  }
}
