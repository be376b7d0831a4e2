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
    out.reserveCapacity(256)
    out += Array(#"{"source":"#.utf8)
    appendString(Array(f.source.utf8), to: &out)
    out += Array(",\"offset\":\(f.offset),\"length\":\(f.length),\"line\":\(f.line),\"entity\":".utf8)
    appendString(Array(f.entity.utf8), to: &out)
    out += Array(#","detector":"#.utf8)
    appendString(Array(f.detector.utf8), to: &out)
    out += Array(",\"confidence\":\(formatConfidence(f.confidence)),\"validated\":\(f.validated)".utf8)
    if let field = f.field {
      out += Array(#","field":"#.utf8)
      appendString(Array(field.utf8), to: &out)
    }
    out += Array(#","preview":"#.utf8)
    appendString(Array(f.preview.utf8), to: &out)
    out += Array(#","fingerprint":"#.utf8)
    appendString(Array(f.fingerprint.utf8), to: &out)
    if includeValue {
      out += Array(#","value":"#.utf8)
      appendString(f.value, to: &out)
    }
    out += Array("}\n".utf8)
    return out
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
    out.append(0x22)
    let valid = String(validating: bytes, as: UTF8.self) != nil
    let source = valid ? bytes : Array(String(decoding: bytes, as: UTF8.self).utf8)
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
