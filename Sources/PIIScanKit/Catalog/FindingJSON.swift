/// The JSON Lines findings format (`--findings FILE`), version 1.
///
/// One JSON object per line, one line per finding, in input order and, within an input, in
/// stream order. Fields, always in this order:
///
/// | field | type | meaning |
/// |---|---|---|
/// | `source` | string | the input path as given (`-` for standard input); bytes that are not UTF-8 appear as U+FFFD |
/// | `offset` | integer | byte offset of the value in the decompressed stream |
/// | `length` | integer | length of the value in raw bytes (escape sequences included) |
/// | `line` | integer | 1-based line of `offset` |
/// | `entity` | string | canonical entity id |
/// | `detector` | string | detector id |
/// | `confidence` | number | 0 to 1, two decimals |
/// | `validated` | boolean | a checksum or structure validator confirmed the value |
/// | `field` | string | only for structured inputs: JSON Pointer (JSON Lines) or column name (CSV) |
/// | `preview` | string | masked value, never the whole value |
/// | `fingerprint` | string | 64 hex digits, HMAC-SHA256 of the normalized value under the run's key |
/// | `value` | string | only with `--include-values`: the raw value (decoded) |
public enum FindingJSON {
  /// One finding as a JSON object followed by `\n`.
  public static func encode(_ f: Finding, includeValue: Bool = false) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(320)
    append(f, includeValue: includeValue, to: &out)
    return out
  }

  /// Appends one finding's line to `out` (through ``write(_:includeValue:to:)`` into
  /// temporary room of ``maximumLength(of:includeValue:)`` bytes).
  public static func append(
    _ f: borrowing Finding, includeValue: Bool = false, to out: inout [UInt8]
  ) {
    let room = maximumLength(of: f, includeValue: includeValue)
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { buffer in
      let n = write(f, includeValue: includeValue, to: buffer.baseAddress!, room: room)
      out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<n]))
    }
  }

  /// The most bytes `f`'s line can take: every string byte as a six-byte escape.
  static func maximumLength(of f: borrowing Finding, includeValue: Bool) -> Int {
    var strings = f.source.utf8.count + f.entity.utf8.count + f.detector.utf8.count
    strings += (f.field?.utf8.count ?? 0) + f.preview.utf8.count
    if includeValue { strings += f.value.count }
    // Keys and punctuation (under 160 bytes), three integers, the confidence, 64 hex digits.
    return 6 * strings + 320
  }

  /// Writes one finding's line at `start`, which has `room` bytes (at least
  /// ``maximumLength(of:includeValue:)``), and returns its length.
  ///
  /// This runs per finding, so the line goes through a pointer: one capacity check per finding
  /// (the caller's) instead of one per field and byte, and no room filled in advance (zeroing the
  /// worst case in an array and trimming it cost more than writing the line).
  static func write(
    _ f: borrowing Finding, includeValue: Bool, to start: UnsafeMutablePointer<UInt8>, room: Int
  ) -> Int {
    var w = LineWriter(at: start)
    w.put(#"{"source":"#, string: f.source)
    w.put(#","offset":"#, integer: f.offset)
    w.put(#","length":"#, integer: f.length)
    w.put(#","line":"#, integer: f.line)
    w.put(#","entity":"#, string: f.entity)
    w.put(#","detector":"#, string: f.detector)
    w.put(#","confidence":"#)
    w.putConfidence(f.confidence)
    w.put(f.validated ? #","validated":true"# : #","validated":false"#)
    if let field = f.field { w.put(#","field":"#, string: field) }
    w.put(#","preview":"#, string: f.preview)
    w.put(#","fingerprint":"#, fingerprint: f.fingerprint)
    if includeValue {
      w.put(#","value":"#)
      f.value.withUnsafeBufferPointer { w.putBytes($0) }
    }
    w.put("}\n")
    precondition(w.count <= room, "a findings line outgrew its reserved room")
    return w.count
  }

  /// Writes one line through a pointer; the caller has reserved room for it.
  struct LineWriter {
    let start: UnsafeMutablePointer<UInt8>
    var cursor: UnsafeMutablePointer<UInt8>

    init(at start: UnsafeMutablePointer<UInt8>) {
      self.start = start
      cursor = start
    }

    var count: Int { start.distance(to: cursor) }

    mutating func put(_ text: StaticString) {
      let n = text.utf8CodeUnitCount
      cursor.update(from: text.utf8Start, count: n)
      cursor += n
    }

    /// A key (with its quotes and colon) and a string value.
    mutating func put(_ key: StaticString, string: String) {
      put(key)
      putString(string)
    }

    /// A key and a fingerprint's 64 hex digits as a string.
    mutating func put(_ key: StaticString, fingerprint: Fingerprint) {
      put(key)
      cursor.pointee = 0x22
      fingerprint.writeHex(to: cursor + 1)
      cursor[65] = 0x22
      cursor += 66
    }

    /// A key and an integer value.
    mutating func put(_ key: StaticString, integer: Int) {
      put(key)
      putInteger(integer)
    }

    /// Decimal digits of `value` (at most 20 bytes with a sign).
    mutating func putInteger(_ value: Int) {
      if value < 0 {
        cursor.pointee = 0x2D
        cursor += 1
      }
      var n = value.magnitude
      var digits = 1
      var rest = n / 10
      while rest > 0 {
        digits += 1
        rest /= 10
      }
      var i = digits - 1
      while i >= 0 {
        cursor[i] = 0x30 + UInt8(n % 10)
        n /= 10
        i -= 1
      }
      cursor += digits
    }

    mutating func putConfidence(_ c: Double) {
      let hundredths = Int((c * 100).rounded())
      if hundredths < 0 {
        for b in formatConfidence(c).utf8 {
          cursor.pointee = b
          cursor += 1
        }
        return
      }
      putInteger(hundredths / 100)
      let frac = hundredths % 100
      if frac == 0 { return }
      cursor[0] = 0x2E
      cursor[1] = 0x30 + UInt8(frac / 10)
      cursor += 2
      if frac % 10 != 0 {
        cursor.pointee = 0x30 + UInt8(frac % 10)
        cursor += 1
      }
    }

    mutating func putString(_ string: String) {
      // A native string lends its bytes without a copy (`withUTF8` needs a `var`: a retain).
      let done: Void? = string.utf8.withContiguousStorageIfAvailable { putBytes($0) }
      if done == nil {
        var s = string
        s.withUTF8 { putBytes($0) }
      }
    }

    /// A JSON string, as ``FindingJSON/appendString(_:to:)-bytes`` writes it.
    mutating func putBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
      cursor.pointee = 0x22
      cursor += 1
      if isPlain(bytes) {
        if let base = bytes.baseAddress { cursor.update(from: base, count: bytes.count) }
        cursor += bytes.count
      } else {
        var escaped: [UInt8] = []
        appendEscaped(bytes, to: &escaped)
        cursor.update(from: escaped, count: escaped.count)
        cursor += escaped.count
      }
      cursor.pointee = 0x22
      cursor += 1
    }
  }

  /// Appends a Swift string as a JSON string (see ``appendString(_:to:)-bytes``).
  public static func appendString(_ string: String, to out: inout [UInt8]) {
    var s = string
    s.withUTF8 { appendBytes($0, to: &out) }
  }

  /// `0.9`, `1`, `0.55`: at most two decimals, no exponent.
  static func formatConfidence(_ c: Double) -> String {
    let hundredths = Int((c * 100).rounded())
    if hundredths % 100 == 0 { return "\(hundredths / 100)" }
    let frac = hundredths % 100
    let text = frac < 10 ? "0\(frac)" : (frac % 10 == 0 ? "\(frac / 10)" : "\(frac)")
    return "\(hundredths / 100).\(text)"
  }

  /// Appends `bytes` as a JSON string: quotes, backslashes and control bytes escaped, valid
  /// UTF-8 kept, invalid UTF-8 bytes replaced by U+FFFD.
  public static func appendString(_ bytes: [UInt8], to out: inout [UInt8]) {
    bytes.withUnsafeBufferPointer { appendBytes($0, to: &out) }
  }

  static func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    out.append(0x22)
    if isPlain(bytes) {
      out.append(contentsOf: bytes)
    } else {
      appendEscaped(bytes, to: &out)
    }
    out.append(0x22)
  }

  /// Printable ASCII without quotes or backslashes: copied as is.
  @inline(__always)
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for b in bytes where b < 0x20 || b >= 0x7F || b == 0x22 || b == 0x5C { return false }
    return true
  }

  /// The inside of a JSON string for `bytes`: quotes, backslashes and control bytes escaped,
  /// valid UTF-8 kept, invalid UTF-8 bytes replaced by U+FFFD (at most six bytes per byte).
  static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    let valid = String(validating: bytes, as: UTF8.self) != nil
    let source = valid ? Array(bytes) : Array(String(decoding: bytes, as: UTF8.self).utf8)
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    for b in source {
      switch b {
      case 0x22: out += [0x5C, 0x22]
      case 0x5C: out += [0x5C, 0x5C]
      case 0x0A: out += [0x5C, 0x6E]
      case 0x0D: out += [0x5C, 0x72]
      case 0x09: out += [0x5C, 0x74]
      case 0..<0x20, 0x7F:
        out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
      default: out.append(b)
      }
    }
  }
}
