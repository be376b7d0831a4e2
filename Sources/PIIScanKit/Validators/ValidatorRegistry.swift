/// Every validator a pattern file may name, by name.
///
/// Pattern files cite validators by `name`; an unknown name is a pattern-file error. New
/// validators are added to ``all`` or to one of the regional lists it concatenates (``world``).
public enum ValidatorRegistry {
  /// All validators, in name order.
  public static let all: [Validator] =
    ([
      Validator(name: "luhn", summary: "ISO/IEC 7812-1 Luhn mod 10", check: Luhn.verdict)
    ] + world).sorted { $0.name < $1.name }

  /// The validator called `name`, or nil.
  public static func named(_ name: String) -> Validator? {
    all.first { $0.name == name }
  }
}
