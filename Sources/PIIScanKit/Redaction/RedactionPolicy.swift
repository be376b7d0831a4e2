internal import Crypto

/// Which ``RedactionOperator`` applies to each entity: one per entity where chosen, a default
/// for the rest.
///
/// Built from a policy file (``load(path:)``, format in ``parse(yaml:origin:)``), command-line
/// choices (``applying(_:)``), or both (the command line wins).
///
/// ```swift
/// var policy = RedactionPolicy(defaultOperator: .tag)
/// policy.operators["email"] = .partial
/// policy.operator(for: "email")        // .partial
/// policy.operator(for: "credit_card")  // .tag
/// ```
public struct RedactionPolicy: Sendable, Hashable {
  /// The schema version this build reads and writes.
  public static let version = 1

  /// The operator for entities without their own.
  public var defaultOperator: RedactionOperator
  /// Operators per entity id (`email`, `credit_card`, …).
  public var operators: [String: RedactionOperator]

  /// A policy; by default every entity is tagged.
  public init(
    defaultOperator: RedactionOperator = .tag, operators: [String: RedactionOperator] = [:]
  ) {
    self.defaultOperator = defaultOperator
    self.operators = operators
  }

  /// The operator for `entity`.
  public func `operator`(for entity: String) -> RedactionOperator {
    operators[entity] ?? defaultOperator
  }

  /// True when some entity (or the default) uses `op`.
  public func uses(_ op: RedactionOperator) -> Bool {
    defaultOperator == op || operators.values.contains(op)
  }

  /// The canonical text of the policy, from which ``hash`` is computed: `version=1`,
  /// `default=<op>`, then `<entity>=<op>` per entity in bytewise order, one per line.
  public var canonicalText: String {
    var lines = ["version=\(Self.version)", "default=\(defaultOperator.rawValue)"]
    let entities = operators.keys.sorted {
      Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
    }
    for entity in entities { lines.append("\(entity)=\(operators[entity]!.rawValue)") }  // key from the dictionary
    return lines.joined(separator: "\n") + "\n"
  }

  /// Hex SHA-256 of ``canonicalText``: identifies the policy in lineage records, whatever the
  /// file's layout or comments were.
  public var hash: String {
    SHA256.hash(data: Array(canonicalText.utf8)).hexString
  }

  /// The policy with command-line choices applied on top, in order: `OP` sets the default,
  /// `ENTITY=OP` one entity (`--operator mask --operator email=partial`).
  ///
  /// Throws ``ScanError`` `.badUsage` naming the bad choice.
  public func applying(_ choices: [String]) throws(ScanError) -> RedactionPolicy {
    var copy = self
    for choice in choices {
      let parts = choice.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = String(parts.last ?? "")
      guard let op = RedactionOperator(rawValue: name) else {
        throw ScanError(
          .badUsage,
          "--operator '\(choice)': unknown operator '\(name)'; use one of \(RedactionOperator.names)"
        )
      }
      if parts.count == 1 {
        copy.defaultOperator = op
      } else {
        let entity = String(parts[0])
        guard Self.isEntityID(entity) else {
          throw ScanError(
            .badUsage,
            "--operator '\(choice)': '\(entity)' is not an entity id (lower snake_case, e.g. credit_card)"
          )
        }
        copy.operators[entity] = op
      }
    }
    return copy
  }

  /// Entity ids are lower snake_case ASCII (STYLE.md §3).
  static func isEntityID(_ text: String) -> Bool { text.isSnakeCaseIdentifier }
}
