import Foundation
import PIIScanKit
import Testing

/// Random JSON lines (fixed seed) checked against the generator's own model and against
/// Foundation's `JSONSerialization` as an independent decoder.
@Suite struct JSONLinesDifferentialTests {
  /// A generated JSON value; strings are kept as Swift strings (valid Unicode).
  indirect enum Model {
    case string(String)
    case number(String)
    case literal(String)
    case array([Model])
    case object([(String, Model)])
  }

  /// A leaf the walker must report: its pointer and the expected scanned bytes.
  struct Leaf: Equatable {
    let pointer: String
    let isString: Bool
    let bytes: [UInt8]
  }

  struct Generator {
    var random: FormatsTestRandom
    static let scalars: [Unicode.Scalar] = Array(
      "abcXYZ019 @.-_\"\\/~\u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}éß€中😀\u{10FFFF}"
        .unicodeScalars)

    mutating func chance(_ percent: Int) -> Bool {
      Int.random(in: 0..<100, using: &random) < percent
    }

    mutating func text(maxLength: Int) -> String {
      var out = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...maxLength, using: &random) {
        out.append(Self.scalars.randomElement(using: &random)!)
      }
      return String(out)
    }

    mutating func number() -> String {
      var out = chance(30) ? "-" : ""
      out += chance(20) ? "0" : String(Int.random(in: 1...9_999_999_999, using: &random))
      if chance(40) { out += "." + String(Int.random(in: 0...99_999, using: &random)) }
      if chance(25) {
        out += (chance(50) ? "e" : "E") + ["", "+", "-"].randomElement(using: &random)!
        out += String(Int.random(in: 0...20, using: &random))
      }
      return out
    }

    mutating func value(depth: Int) -> Model {
      let kind = Int.random(in: 0..<(depth > 4 ? 3 : 5), using: &random)
      switch kind {
      case 0: return .string(text(maxLength: 12))
      case 1: return .number(number())
      case 2:
        return chance(50)
          ? .literal(["true", "false", "null"].randomElement(using: &random)!)
          : .string(text(maxLength: 4))
      case 3:
        return .array(
          (0..<Int.random(in: 0...4, using: &random)).map { _ in value(depth: depth + 1) })
      default: return object(depth: depth)
      }
    }

    mutating func object(depth: Int) -> Model {
      var keys = Set<String>()
      var members: [(String, Model)] = []
      for _ in 0..<Int.random(in: 0...5, using: &random) {
        let key = text(maxLength: 6)
        guard keys.insert(key).inserted else { continue }
        members.append((key, value(depth: depth + 1)))
      }
      return .object(members)
    }

    /// A JSON string literal for `string`, choosing among the legal spellings of each scalar.
    mutating func encode(_ string: String) -> String {
      var out = "\""
      for scalar in string.unicodeScalars {
        let short: String? =
          switch scalar {
          case "\"": "\\\""
          case "\\": "\\\\"
          case "/": chance(50) ? "\\/" : nil
          case "\u{8}": "\\b"
          case "\u{C}": "\\f"
          case "\n": "\\n"
          case "\r": "\\r"
          case "\t": "\\t"
          default: nil
          }
        let mustEscape = scalar.value < 0x20 || scalar == "\"" || scalar == "\\"
        if let short, chance(60) {
          out += short
        } else if mustEscape || chance(25) {
          for unit in String(scalar).utf16 {
            let hex = String(unit, radix: 16, uppercase: chance(50))
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
          }
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
      return out + "\""
    }

    mutating func space() -> String {
      chance(20) ? [" ", "\t", "  "].randomElement(using: &random)! : ""
    }

    mutating func serialize(_ model: Model) -> String {
      switch model {
      case .string(let string): return encode(string)
      case .number(let number), .literal(let number): return number
      case .array(let items):
        return "[" + space()
          + items.map { serialize($0) }.joined(separator: space() + "," + space()) + space() + "]"
      case .object(let members):
        let body = members.map { encode($0.0) + space() + ":" + space() + serialize($0.1) }
        return "{" + space() + body.joined(separator: "," + space()) + space() + "}"
      }
    }
  }

  static func leaves(_ model: Model, pointer: String = "") -> [Leaf] {
    switch model {
    case .string(let string):
      return [Leaf(pointer: pointer, isString: true, bytes: Array(string.utf8))]
    case .number(let number):
      return [Leaf(pointer: pointer, isString: false, bytes: Array(number.utf8))]
    case .literal: return []
    case .array(let items):
      return items.enumerated().flatMap { leaves($1, pointer: pointer + "/\($0)") }
    case .object(let members):
      return members.flatMap { key, value in
        let token = key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(
          of: "/", with: "~1")
        return leaves(value, pointer: pointer + "/" + token)
      }
    }
  }

  /// Follows an RFC 6901 pointer through `JSONSerialization` output.
  static func lookup(_ root: Any, _ pointer: String) -> Any? {
    var node: Any = root
    for token in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
      let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(
        of: "~0", with: "~")
      if let array = node as? [Any] {
        guard let index = Int(key), array.indices.contains(index) else { return nil }
        node = array[index]
      } else if let object = node as? [String: Any] {
        guard let next = object.first(where: { Array($0.key.utf8) == Array(key.utf8) })?.value
        else { return nil }
        node = next
      } else {
        return nil
      }
    }
    return node
  }

  static func doubleValue(_ any: Any) -> Double? {
    if let number = any as? NSNumber { return number.doubleValue }
    if let double = any as? Double { return double }
    if let int = any as? Int { return Double(int) }
    return nil
  }

  @Test func walkerAgreesWithModelAndJSONSerialization() throws {
    var generator = Generator(random: FormatsTestRandom(seed: 0x5EED_4A50))
    var checkedStrings = 0
    for lineNumber in 0..<400 {
      let model = lineNumber % 10 == 9 ? generator.value(depth: 0) : generator.object(depth: 0)
      let line = generator.space() + generator.serialize(model) + generator.space()
      let bytes = Array(line.utf8)
      let segments = try bytes.withUnsafeBytes { try JSONLinesWalker.values(in: $0) }
      let reported = segments.map {
        Leaf(
          pointer: $0.field ?? "", isString: $0.syntax == .jsonString,
          bytes: Array(scanText($0, in: bytes).utf8))
      }
      #expect(reported == Self.leaves(model), "line \(lineNumber)")

      let foundation = try JSONSerialization.jsonObject(
        with: Data(bytes), options: [.fragmentsAllowed])
      for segment in segments {
        let pointer = segment.field ?? ""
        let value = try #require(Self.lookup(foundation, pointer), "line \(lineNumber) \(pointer)")
        let scanned = bytes.withUnsafeBytes { raw in segment.withScanBytes(in: raw) { Array($0) } }
        if segment.syntax == .jsonString {
          let string = try #require(value as? String, "line \(lineNumber) \(pointer)")
          #expect(Array(string.utf8) == scanned, "line \(lineNumber) \(pointer)")
          checkedStrings += 1
        } else {
          let expected = try #require(Self.doubleValue(value), "line \(lineNumber) \(pointer)")
          let parsed = try #require(Double(String(decoding: scanned, as: UTF8.self)))
          #expect(abs(parsed - expected) <= abs(expected) * 1e-12, "line \(lineNumber) \(pointer)")
        }
        // The mapping of the whole value is the whole raw range.
        #expect(segment.rawRange(forDecoded: 0..<segment.scanByteCount) == segment.rawRange)
      }
    }
    #expect(checkedStrings > 500)
  }
}
