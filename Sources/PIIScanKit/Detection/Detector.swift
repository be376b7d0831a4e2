internal import Crypto
import PCRE2

/// A detector compiled for scanning: the spec, its PCRE2 pattern, its validator and prefilter
/// anchors, ready to be shared by every worker.
///
/// A class so that the hot loop reads it by reference instead of copying (and retaining) a
/// dozen fields per match; every property is a `let`.
public final class Detector: Sendable {
  public let spec: DetectorSpec
  /// The pattern file it came from (for error messages and lineage).
  public let origin: String
  let pattern: CompiledPattern
  let validator: Validator?
  let group: Int
  let keywords: [[UInt8]]
  let minDigits: Int?
  /// The separators allowed inside its `digits` run, as given (sorted), and the shortest
  /// separator-free group that run must hold.
  let digitSeparators: [UInt8]
  let digitGroup: Int
  /// Bits (by index in `DigitClass.separators`) of the separators the run must hold.
  let digitRequires: UInt8
  /// `digit_lead`: the regex runs from this many bytes before each qualifying digit piece to
  /// the piece's end, not over the piece's line.
  let digitLead: Int?
  /// `digit_shape`: digit group lengths every match holds in a row (empty: no such promise).
  let digitShape: [Int]
  let token: TokenAnchor?
  let window: Int?
  let normalizeSet: [Bool]  // 256 entries: strip this byte
  let fold: Fold
  /// No `normalize` bytes and no folding: the normalized form is the value itself.
  let keepsValue: Bool
  /// `spec.preview`, resolved (``Preview/Style``).
  let previewStyle: Preview.Style
  let contextWords: [[UInt8]]  // lowercased
  let contextWindow: Int
  let contextBoost: Double
  let requiresContext: Bool
  let negativeWords: [[UInt8]]  // lowercased
  let negativeWindow: Int
  /// `contextWords` and `negativeWords`, each searched in one pass over a window.
  let contextMatcher: WordMatcher
  let negativeMatcher: WordMatcher
  /// SHA-256 (hex) of the detector's canonical form; changes whenever its behaviour can.
  public let hash: String

  enum Fold { case keep, lower, upper }

  public var id: String { spec.id }
  public var entity: String { spec.entity }

  /// Compiles `spec`. Throws ``ScanError`` (`.badPatternFile`) naming the file, the detector id,
  /// the field and, for a regex, PCRE2's message and offset.
  public init(spec: DetectorSpec, origin: String) throws {
    func fail(_ field: String, _ why: String) -> ScanError {
      ScanError(
        .badPatternFile, "detector '\(spec.id)', field '\(field)': \(why)", path: origin)
    }
    guard spec.id.isSnakeCaseIdentifier else {
      throw fail("id", "must be lower snake_case (a-z, 0-9, _)")
    }
    guard spec.entity.isSnakeCaseIdentifier else {
      throw fail("entity", "must be lower snake_case (a-z, 0-9, _)")
    }
    guard (0...1).contains(spec.confidence) else { throw fail("confidence", "must be 0 to 1") }
    guard ["low", "medium", "high", "critical"].contains(spec.severity) else {
      throw fail("severity", "must be one of low, medium, high, critical")
    }
    var options: CompiledPattern.Options = []
    for flag in spec.flags ?? "" {
      switch flag {
      case "i": options.insert(.caseless)
      case "m": options.insert(.multiline)
      case "s": options.insert(.dotAll)
      case "x": options.insert(.extended)
      default: throw fail("flags", "unknown flag '\(flag)'; use i, m, s or x")
      }
    }
    if let lead = spec.digitLead {
      guard spec.digits != nil, lead >= 0 else {
        throw fail("digit_lead", "needs `digits` and must be at least 0")
      }
      guard (spec.keywords ?? []).isEmpty, spec.token == nil, spec.window == nil else {
        throw fail(
          "digit_lead",
          "only for a detector anchored by `digits` alone (no keywords, token or window)")
      }
      options.insert(.offsetLimit)
    }
    digitLead = spec.digitLead
    if let shape = spec.digitShape {
      guard spec.digits != nil, !shape.isEmpty, shape.allSatisfy({ $0 >= 1 }),
        shape.count <= DigitGroups.capacity
      else {
        throw fail(
          "digit_shape",
          "needs `digits` and lists 1 to \(DigitGroups.capacity) group lengths of at least 1")
      }
    }
    digitShape = spec.digitShape ?? []
    // A token anchor's windows are start ranges too (``DetectorSet/startWindowed``).
    if spec.token != nil && spec.window == nil { options.insert(.offsetLimit) }
    do {
      pattern = try CompiledPattern(spec.regex, options: options)
    } catch let error as PCRE2Error {
      throw fail("regex", error.description)
    }
    group = spec.group ?? 0
    guard group >= 0 && group <= pattern.captureCount else {
      throw fail("group", "the regex has \(pattern.captureCount) capture groups")
    }
    if let name = spec.validator {
      guard let v = ValidatorRegistry.named(name) else {
        throw fail(
          "validator",
          "unknown validator '\(name)'; `piiscan detectors --validators` lists them")
      }
      validator = v
    } else {
      validator = nil
    }
    keywords = (spec.keywords ?? []).map { Array($0.utf8) }
    if keywords.contains(where: \.isEmpty) { throw fail("keywords", "a keyword is empty") }
    if let d = spec.digits, d < 1 { throw fail("digits", "must be at least 1") }
    minDigits = spec.digits
    let separators = Array(Set((spec.digitSeparators ?? DigitClass.separators).utf8)).sorted()
    if let bad = separators.first(where: { DigitClass.table[Int($0)] != 2 }) {
      throw fail(
        "digit_separators",
        "'\(Character(Unicode.Scalar(bad)))' is not a digit-run separator; use some of \"\(DigitClass.separators)\""
      )
    }
    if spec.digitSeparators != nil && spec.digits == nil {
      throw fail("digit_separators", "needs `digits`")
    }
    digitSeparators = separators
    let group = spec.digitGroup ?? 1
    if spec.digitGroup != nil {
      guard let d = spec.digits else { throw fail("digit_group", "needs `digits`") }
      guard group >= 1 && group <= d else { throw fail("digit_group", "must be 1 to `digits`") }
    }
    digitGroup = group
    var required: UInt8 = 0
    for b in (spec.digitRequires ?? "").utf8 {
      guard spec.digits != nil, separators.contains(b) else {
        throw fail("digit_requires", "must list some of digit_separators, with `digits`")
      }
      required |= DigitClass.bit(b)
    }
    digitRequires = required
    if let t = spec.token {
      guard let chars = ByteSet(parsing: t.chars), !chars.isEmpty else {
        throw fail("token.chars", "must be characters and ranges such as A-Z0-9")
      }
      guard let needs = ByteSet(parsing: t.needs), !needs.isEmpty else {
        throw fail("token.needs", "must be characters and ranges such as A-Z")
      }
      guard needs.isSubset(of: chars) else { throw fail("token.needs", "must be part of chars") }
      guard t.min >= 1 else { throw fail("token.min", "must be at least 1") }
      if let max = t.max, max < t.min { throw fail("token.max", "must be at least min") }
      let needsCount = t.needsCount ?? 1
      guard needsCount >= 1 && needsCount <= (t.max ?? Int.max) else {
        throw fail("token.needs_count", "must be 1 to max")
      }
      token = TokenAnchor(
        chars: chars, needs: needs, min: t.min, max: t.max ?? Int.max, needsCount: needsCount)
    } else {
      token = nil
    }
    if let w = spec.window, w < 1 { throw fail("window", "must be at least 1 byte") }
    window = spec.window
    var set = [Bool](repeating: false, count: 256)
    for b in (spec.normalize ?? "").utf8 { set[Int(b)] = true }
    normalizeSet = set
    switch spec.fold ?? "keep" {
    case "keep": fold = .keep
    case "lower": fold = .lower
    case "upper": fold = .upper
    default: throw fail("fold", "must be keep, lower or upper")
    }
    keepsValue = fold == .keep && !set.contains(true)
    contextWords = (spec.context?.words ?? []).map { Array($0.lowercased().utf8) }
    contextWindow = spec.context?.window ?? 48
    contextBoost = spec.context?.boost ?? 0.1
    requiresContext = spec.requiresContext ?? false
    negativeWords = (spec.negativeContext?.words ?? []).map { Array($0.lowercased().utf8) }
    negativeWindow = spec.negativeContext?.window ?? 24
    contextMatcher = WordMatcher(contextWords)
    negativeMatcher = WordMatcher(negativeWords)
    if requiresContext && contextWords.isEmpty {
      throw fail("requires_context", "needs context words")
    }
    if let style = spec.preview?.style, !["mask", "email", "prefix"].contains(style) {
      throw fail("preview.style", "must be mask, email or prefix")
    }
    previewStyle = Preview.Style(spec.preview)
    self.spec = spec
    self.origin = origin
    self.hash = Detector.canonicalHash(spec)
  }

  /// Strips `normalize` bytes and folds case: the form validators and fingerprints see.
  func normalized(_ value: UnsafeRawBufferPointer) -> [UInt8] {
    if keepsValue { return Array(value) }
    var out: [UInt8] = []
    out.reserveCapacity(value.count)
    for b in value where !normalizeSet[Int(b)] {
      switch fold {
      case .keep: out.append(b)
      case .lower: out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
      case .upper: out.append(b >= 0x61 && b <= 0x7A ? b & ~0x20 : b)
      }
    }
    return out
  }

  /// Everything that changes what the detector reports, in a fixed order.
  static func canonicalHash(_ s: DetectorSpec) -> String {
    var parts: [String] = [
      "id=\(s.id)", "entity=\(s.entity)", "regex=\(s.regex)", "group=\(s.group ?? 0)",
      "flags=\(s.flags ?? "")", "keywords=\((s.keywords ?? []).joined(separator: "\u{1}"))",
      "digits=\(s.digits.map(String.init) ?? "")", "window=\(s.window.map(String.init) ?? "")",
      "normalize=\(s.normalize ?? "")", "fold=\(s.fold ?? "keep")",
      "validator=\(s.validator ?? "")", "confidence=\(s.confidence)", "severity=\(s.severity)",
      "country=\(s.country ?? "")", "requires_context=\(s.requiresContext ?? false)",
      "priority=\(s.priority ?? 0)",
    ]
    // Prefilter refinements: they must not change what is reported, but a wrong one would.
    if let sep = s.digitSeparators { parts.append("digit_separators=\(sep)") }
    if let t = s.token {
      parts.append("token=\(t.chars)|\(t.needs)|\(t.min)|\(t.max ?? -1)|\(t.needsCount ?? 1)")
    }
    if let g = s.digitGroup { parts.append("digit_group=\(g)") }
    if let l = s.digitLead { parts.append("digit_lead=\(l)") }
    if let shape = s.digitShape {
      parts.append("digit_shape=\(shape.map(String.init).joined(separator: ","))")
    }
    if let r = s.digitRequires { parts.append("digit_requires=\(r)") }
    if let c = s.context {
      parts.append(
        "context=\(c.words.joined(separator: "\u{1}"))|\(c.window ?? 48)|\(c.boost ?? 0.1)")
    }
    if let n = s.negativeContext {
      parts.append("negative_context=\(n.words.joined(separator: "\u{1}"))|\(n.window ?? 24)")
    }
    if let p = s.preview {
      parts.append("preview=\(p.style ?? "mask")|\(p.keepStart ?? -1)|\(p.keepEnd ?? -1)")
    }
    let digest = SHA256.hash(data: Array(parts.joined(separator: "\n").utf8))
    return digest.hexString
  }
}

/// A token anchor, compiled: see ``DetectorSpec/TokenSpec``.
struct TokenAnchor: Sendable, Equatable {
  let chars: ByteSet
  let needs: ByteSet
  let min: Int
  let max: Int
  let needsCount: Int
}

/// A set of bytes, written as characters and ranges (`A-Z0-9_:.-`; a `-` first or last is
/// itself).
struct ByteSet: Sendable, Hashable {
  let members: [Bool]  // 256

  init?(parsing text: String) {
    let b = Array(text.utf8)
    var set = [Bool](repeating: false, count: 256)
    var i = 0
    while i < b.count {
      if i + 2 < b.count && b[i + 1] == UInt8(ascii: "-") {
        guard b[i] <= b[i + 2] else { return nil }
        for x in b[i]...b[i + 2] { set[Int(x)] = true }
        i += 3
      } else {
        set[Int(b[i])] = true
        i += 1
      }
    }
    members = set
  }

  var isEmpty: Bool { !members.contains(true) }

  func isSubset(of other: ByteSet) -> Bool {
    (0..<256).allSatisfy { !members[$0] || other.members[$0] }
  }
}

extension String {
  var isSnakeCaseIdentifier: Bool {
    guard let first = utf8.first, first >= 0x61 && first <= 0x7A else { return false }
    return utf8.allSatisfy {
      ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F
    }
  }
}

extension Collection where Element == UInt8 {
  /// Lower-case hexadecimal, written straight into the string's storage (a fingerprint per
  /// finding takes this path).
  var hexString: String {
    String(unsafeUninitializedCapacity: count * 2) { out in
      var i = 0
      for b in self {
        out[i] = lowerHexDigit(b >> 4)
        out[i + 1] = lowerHexDigit(b & 0xF)
        i += 2
      }
      return i
    }
  }
}

extension Sequence where Element == UInt8 {
  /// Lower-case hexadecimal (digests are sequences, not collections).
  var hexString: String { Array(self).hexString }
}

/// The ASCII lower-case hex digit for `nibble` (0...15).
@inline(__always)
func lowerHexDigit(_ nibble: UInt8) -> UInt8 {
  nibble < 10 ? 0x30 + nibble : 0x57 + nibble
}
