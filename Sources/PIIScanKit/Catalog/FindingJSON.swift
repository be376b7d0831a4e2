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

  /// Appends one finding's line to `out` (no intermediate strings: this runs per finding).
  public static func append(_ f: Finding, includeValue: Bool = false, to out: inout [UInt8]) {
    appendStatic(#"{"source":"#, to: &out)
    appendString(f.source, to: &out)
    appendStatic(#","offset":"#, to: &out)
    appendInteger(f.offset, to: &out)
    appendStatic(#","length":"#, to: &out)
    appendInteger(f.length, to: &out)
    appendStatic(#","line":"#, to: &out)
    appendInteger(f.line, to: &out)
    appendStatic(#","entity":"#, to: &out)
    appendString(f.entity, to: &out)
    appendStatic(#","detector":"#, to: &out)
    appendString(f.detector, to: &out)
    appendStatic(#","confidence":"#, to: &out)
    appendConfidence(f.confidence, to: &out)
    appendStatic(f.validated ? #","validated":true"# : #","validated":false"#, to: &out)
    if let field = f.field {
      appendStatic(#","field":"#, to: &out)
      appendString(field, to: &out)
    }
    appendStatic(#","preview":"#, to: &out)
    appendString(f.preview, to: &out)
    appendStatic(#","fingerprint":"#, to: &out)
    out.append(0x22)
    f.fingerprint.appendHex(to: &out)
    out.append(0x22)
    if includeValue {
      appendStatic(#","value":"#, to: &out)
      appendString(f.value, to: &out)
    }
    appendStatic("}\n", to: &out)
  }

  /// Decimal digits of `value`.
  static func appendInteger(_ value: Int, to out: inout [UInt8]) {
    if value < 0 {
      out.append(0x2D)
      appendInteger(-value, to: &out)
      return
    }
    if value < 10 {
      out.append(0x30 + UInt8(value))
      return
    }
    var digits:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
      ) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var n = value
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buf in
      while n > 0 {
        buf[19 - count] = 0x30 + UInt8(n % 10)
        n /= 10
        count += 1
      }
      out.append(contentsOf: buf[(20 - count)...])
    }
  }

  /// Appends ``formatConfidence(_:)``'s text without building a string (this runs per finding).
  static func appendConfidence(_ c: Double, to out: inout [UInt8]) {
    let hundredths = Int((c * 100).rounded())
    if hundredths < 0 {
      out.append(contentsOf: formatConfidence(c).utf8)
      return
    }
    appendInteger(hundredths / 100, to: &out)
    let frac = hundredths % 100
    if frac == 0 { return }
    out.append(0x2E)
    out.append(0x30 + UInt8(frac / 10))
    if frac % 10 != 0 { out.append(0x30 + UInt8(frac % 10)) }
  }

  /// Appends a Swift string as a JSON string (see ``appendString(_:to:)-bytes``).
  public static func appendString(_ string: String, to out: inout [UInt8]) {
    // Native strings are contiguous: no copy. Others (bridged, lazily built) are copied once.
    if string.utf8.withContiguousStorageIfAvailable({ appendBytes($0, to: &out) }) == nil {
      var s = string
      s.withUTF8 { appendBytes($0, to: &out) }
    }
  }

  /// Appends a literal's bytes (a memcpy, not a walk over a string's UTF-8 view).
  @inline(__always)
  static func appendStatic(_ text: StaticString, to out: inout [UInt8]) {
    text.withUTF8Buffer { out.append(contentsOf: $0) }
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
    // Fast path: printable ASCII without quotes or backslashes is copied as is.
    var plain = true
    for b in bytes where b < 0x20 || b >= 0x7F || b == 0x22 || b == 0x5C {
      plain = false
      break
    }
    out.append(0x22)
    if plain {
      out.append(contentsOf: bytes)
      out.append(0x22)
      return
    }
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
    out.append(0x22)
  }
}
