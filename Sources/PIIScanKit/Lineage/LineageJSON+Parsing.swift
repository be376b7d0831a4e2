extension LineageJSON {
  /// Parses one JSON text (RFC 8259) with optional surrounding whitespace.
  ///
  /// Strict: no trailing commas, comments or duplicate keys in an object (a duplicate would let
  /// a tampered manifest show one value to a reader and another to the verifier), and at most 64
  /// levels of nesting. Numbers keep their literal text. Throws ``ScanError`` `.corrupt` with
  /// the byte offset of the problem; the message never quotes the input.
  public static func parse(_ bytes: [UInt8]) throws(ScanError) -> LineageJSON {
    var parser = Parser(bytes: bytes)
    parser.skipWhitespace()
    let value = try parser.value(depth: 0)
    parser.skipWhitespace()
    guard parser.position == bytes.count else {
      throw parser.error("unexpected text after the value")
    }
    return value
  }
}

private struct Parser {
  let bytes: [UInt8]
  var position = 0

  init(bytes: [UInt8]) { self.bytes = bytes }

  func error(_ what: String) -> ScanError {
    ScanError(.corrupt, "not valid JSON at byte \(position): \(what)")
  }

  mutating func skipWhitespace() {
    while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) {
      position += 1
    }
  }

  var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  mutating func expect(_ byte: UInt8) throws(ScanError) {
    guard current == byte else {
      throw error("expected '\(Character(Unicode.Scalar(byte)))'")
    }
    position += 1
  }

  mutating func value(depth: Int) throws(ScanError) -> LineageJSON {
    guard depth < 64 else { throw error("nested deeper than 64 levels") }
    switch current {
    case 0x7B: return try object(depth: depth)
    case 0x5B: return try array(depth: depth)
    case 0x22: return .string(try string())
    case 0x74: return try literal("true", .bool(true))
    case 0x66: return try literal("false", .bool(false))
    case 0x6E: return try literal("null", .null)
    case nil: throw error("unexpected end of input")
    case let b? where b == 0x2D || (b >= 0x30 && b <= 0x39): return try number()
    default: throw error("unexpected byte")
    }
  }

  mutating func literal(_ word: String, _ value: LineageJSON) throws(ScanError) -> LineageJSON {
    let text = Array(word.utf8)
    guard position + text.count <= bytes.count,
      Array(bytes[position..<position + text.count]) == text
    else { throw error("unknown literal") }
    position += text.count
    return value
  }

  mutating func object(depth: Int) throws(ScanError) -> LineageJSON {
    position += 1
    var members: [(String, LineageJSON)] = []
    var keys = Set<String>()
    skipWhitespace()
    if current == 0x7D {
      position += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard current == 0x22 else { throw error("expected a member name") }
      let key = try string()
      guard keys.insert(key).inserted else { throw error("duplicate member name") }
      skipWhitespace()
      try expect(0x3A)
      skipWhitespace()
      members.append((key, try value(depth: depth + 1)))
      skipWhitespace()
      if current == 0x2C {
        position += 1
        continue
      }
      try expect(0x7D)
      return .object(members)
    }
  }

  mutating func array(depth: Int) throws(ScanError) -> LineageJSON {
    position += 1
    var elements: [LineageJSON] = []
    skipWhitespace()
    if current == 0x5D {
      position += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try value(depth: depth + 1))
      skipWhitespace()
      if current == 0x2C {
        position += 1
        continue
      }
      try expect(0x5D)
      return .array(elements)
    }
  }

  /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
  mutating func number() throws(ScanError) -> LineageJSON {
    let start = position
    if current == 0x2D { position += 1 }
    if current == 0x30 {
      position += 1
    } else {
      guard digits() > 0 else { throw error("malformed number") }
    }
    if current == 0x2E {
      position += 1
      guard digits() > 0 else { throw error("malformed number") }
    }
    if current == 0x65 || current == 0x45 {
      position += 1
      if current == 0x2B || current == 0x2D { position += 1 }
      guard digits() > 0 else { throw error("malformed number") }
    }
    return .number(String(decoding: bytes[start..<position], as: UTF8.self))
  }

  mutating func digits() -> Int {
    let start = position
    while let b = current, b >= 0x30 && b <= 0x39 { position += 1 }
    return position - start
  }

  /// A string: escapes decoded (surrogate pairs joined), raw control bytes and invalid UTF-8
  /// rejected.
  mutating func string() throws(ScanError) -> String {
    position += 1
    var out: [UInt8] = []
    while true {
      guard let b = current else { throw error("unterminated string") }
      position += 1
      switch b {
      case 0x22:
        guard let text = String(validating: out, as: UTF8.self) else {
          throw error("string is not valid UTF-8")
        }
        return text
      case 0x5C:
        guard let e = current else { throw error("unterminated escape") }
        position += 1
        switch e {
        case 0x22, 0x5C, 0x2F: out.append(e)
        case 0x62: out.append(0x08)
        case 0x66: out.append(0x0C)
        case 0x6E: out.append(0x0A)
        case 0x72: out.append(0x0D)
        case 0x74: out.append(0x09)
        case 0x75:
          var scalar = try hex4()
          if scalar >= 0xD800 && scalar < 0xDC00 {
            guard current == 0x5C, position + 1 < bytes.count, bytes[position + 1] == 0x75 else {
              throw error("unpaired surrogate")
            }
            position += 2
            let low = try hex4()
            guard low >= 0xDC00 && low < 0xE000 else { throw error("unpaired surrogate") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else if scalar >= 0xDC00 && scalar < 0xE000 {
            throw error("unpaired surrogate")
          }
          guard let u = Unicode.Scalar(scalar) else { throw error("bad \\u escape") }
          out += Array(String(Character(u)).utf8)
        default: throw error("unknown escape")
        }
      case 0..<0x20: throw error("control byte in string")
      default: out.append(b)
      }
    }
  }

  mutating func hex4() throws(ScanError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let b = current else { throw error("short \\u escape") }
      let digit: UInt32
      switch b {
      case 0x30...0x39: digit = UInt32(b - 0x30)
      case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
      default: throw error("bad \\u escape")
      }
      value = value << 4 | digit
      position += 1
    }
    return value
  }
}
