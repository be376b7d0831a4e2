/// One detector as written in a pattern file (`patterns/*.yaml`); see `patterns/README.md`.
///
/// This is the data form: ``Detector`` is the compiled form the engine runs.
public struct DetectorSpec: Codable, Sendable, Equatable {
  /// Stable lower snake_case id; catalogs cite it, so retire an id, never rename one.
  public var id: String
  /// Canonical entity id (several detectors may report one entity).
  public var entity: String
  public var description: String
  /// PCRE2 pattern, byte-oriented (ASCII `\d`, `\b`).
  public var regex: String
  /// Capture group that is the value (default 0, the whole match).
  public var group: Int?
  /// PCRE2 flags: `i` caseless, `m` multiline, `s` dot-all, `x` extended.
  public var flags: String?
  /// Literal byte strings (case-sensitive), any of which must occur near a match.
  public var keywords: [String]?
  /// A run of at least this many ASCII digits (single or double separators allowed) must occur
  /// inside every match.
  public var digits: Int?
  /// The only bytes that may separate two digits of the `digits` run inside a match (default:
  /// all of space `-./()+`). Narrower sets keep a detector off runs it cannot match: a dotted
  /// IP address is no run at all for a detector whose digits are split by `-` only.
  public var digitSeparators: String?
  /// The `digits` run holds at least this many consecutive digits with no separator (default 1).
  public var digitGroup: Int?
  /// Separators every match holds (each of them) between its digits: `.-` for a CPF.
  public var digitRequires: String?
  /// A promise that narrows where the regex runs: every match lies within the `digits` piece
  /// that qualifies it, starting at most this many bytes before the piece's first digit (0 when
  /// matches start with a digit, 1 for a leading `(`). The regex then runs only from there to
  /// the piece's end (its lookarounds still see the whole line) instead of over the line.
  public var digitLead: Int?
  /// The lengths of consecutive digit groups (digits between two non-digits) that every match
  /// holds, in order: `[3, 2, 4]` for a `123-45-6789` SSN, `[3, 3, 2]` for a NIR's last groups.
  /// A digit piece without them is not matched at all (a `2055-8673-47` UUID piece is no SSN).
  public var digitShape: [Int]?
  /// A token every match lies in: a maximal run of `chars` bytes, `min` to `max` long, holding at
  /// least `needs_count` bytes of `needs`.
  public var token: TokenSpec?
  /// How far from an anchor a match may extend, in bytes; default: the anchor's line.
  public var window: Int?
  /// Characters stripped before validation and fingerprinting.
  public var normalize: String?
  /// `lower`, `upper` or `keep` (default) case folding before validation and fingerprinting.
  public var fold: String?
  /// A validator name from `ValidatorRegistry`.
  public var validator: String?
  /// Context words that raise confidence when found near the value or in its field name.
  public var context: ContextSpec?
  /// Words that veto a match when found within their (short) window before it (or in its field
  /// name), whatever else is near:
  /// `order 4111…` is an order id, not a card.
  public var negativeContext: ContextSpec?
  /// Drop matches with no context word nearby (for formats that are otherwise too ambiguous).
  public var requiresContext: Bool?
  /// Base confidence, 0 to 1.
  public var confidence: Double
  /// `low`, `medium`, `high` or `critical`.
  public var severity: String
  /// ISO 3166 alpha-2 country for national identifiers.
  public var country: String?
  /// How to mask the value in previews.
  public var preview: PreviewSpec?
  /// Tie-break among overlapping findings of equal standing: higher wins (default 0).
  public var priority: Int?
  public var examples: ExamplesSpec?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, entity, description, regex, group, flags, keywords, digits, token, window, normalize
    case fold
    case validator, context, confidence, severity, country, preview, priority, examples
    case requiresContext = "requires_context"
    case digitSeparators = "digit_separators"
    case digitGroup = "digit_group"
    case digitRequires = "digit_requires"
    case digitLead = "digit_lead"
    case digitShape = "digit_shape"
    case negativeContext = "negative_context"
  }

  /// A token anchor (see ``token``). `chars` and `needs` are byte sets written as characters and
  /// ranges (`A-Z0-9`, `A-Za-z0-9_:.-`: a `-` last is itself).
  public struct TokenSpec: Codable, Sendable, Equatable {
    public var chars: String
    public var needs: String
    public var min: Int
    public var max: Int?
    public var needsCount: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
      case chars, needs, min, max
      case needsCount = "needs_count"
    }
  }

  /// Context words: any of `words` (ASCII case-insensitive) within `window` bytes.
  public struct ContextSpec: Codable, Sendable, Equatable {
    public var words: [String]
    public var window: Int?
    public var boost: Double?

    enum CodingKeys: String, CodingKey, CaseIterable { case words, window, boost }
  }

  /// Preview masking: keep `keepStart`/`keepEnd` alphanumerics, or a named style.
  public struct PreviewSpec: Codable, Sendable, Equatable {
    /// `mask` (default), `email`, `prefix` (keep `keep_start` characters then `****`).
    public var style: String?
    public var keepStart: Int?
    public var keepEnd: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
      case style
      case keepStart = "keep_start"
      case keepEnd = "keep_end"
    }
  }

  public struct ExamplesSpec: Codable, Sendable, Equatable {
    public var match: [Example]?
    public var noMatch: [Example]?

    enum CodingKeys: String, CodingKey, CaseIterable {
      case match
      case noMatch = "no_match"
    }
  }

  /// One example: `text` to scan; for a positive, `value` is the exact span expected
  /// (default: the whole text) and `validated` whether it must be validated.
  public struct Example: Codable, Sendable, Equatable {
    public var text: String
    public var value: String?
    public var validated: Bool?
    public var reason: String

    enum CodingKeys: String, CodingKey, CaseIterable { case text, value, validated, reason }
  }
}

/// A pattern file: schema version, family and its detectors.
public struct PatternFile: Codable, Sendable, Equatable {
  /// The schema version this build reads.
  public static let supportedVersion = 1
  public var version: Int
  public var family: String
  public var detectors: [DetectorSpec]

  enum CodingKeys: String, CodingKey, CaseIterable { case version, family, detectors }
}
