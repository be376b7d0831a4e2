/// Standard base64 (RFC 4648 §4, with `=` padding), for signatures and key files.
enum Base64 {
  private static let alphabet: [UInt8] = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// The padded base64 text of `bytes`.
  static func encode(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var i = 0
    while i < bytes.count {
      let b0 = bytes[i]
      let b1 = i + 1 < bytes.count ? bytes[i + 1] : 0
      let b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
      out.append(alphabet[Int(b0 >> 2)])
      out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
      out.append(i + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : 0x3D)
      out.append(i + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : 0x3D)
      i += 3
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The bytes of padded base64 `text`; nil if it is not canonical base64 (wrong length,
  /// a byte outside the alphabet, misplaced padding, or nonzero unused bits).
  static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
    let chars = Array(text)
    guard chars.count % 4 == 0 else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(chars.count / 4 * 3)
    var i = 0
    while i < chars.count {
      let isLast = i + 4 == chars.count
      let padding = isLast ? chars[(i + 2)...].filter { $0 == 0x3D }.count : 0
      if isLast && padding > 0 {
        // Padding only at the very end: "xx==" or "xxx=".
        guard chars[i + 3] == 0x3D, padding == 1 || chars[i + 2] == 0x3D else { return nil }
      }
      var values: [UInt8] = []
      for c in chars[i..<(i + 4 - padding)] {
        guard let v = value(c) else { return nil }
        values.append(v)
      }
      out.append(values[0] << 2 | values[1] >> 4)
      if values.count > 2 { out.append(values[1] << 4 | values[2] >> 2) }
      if values.count > 3 { out.append(values[2] << 6 | values[3]) }
      // Canonical: the bits dropped by padding must be zero.
      if values.count == 2 && values[1] & 0x0F != 0 { return nil }
      if values.count == 3 && values[2] & 0x03 != 0 { return nil }
      i += 4
    }
    return out
  }

  private static func value(_ c: UInt8) -> UInt8? {
    switch c {
    case 0x41...0x5A: return c - 0x41
    case 0x61...0x7A: return c - 0x61 + 26
    case 0x30...0x39: return c - 0x30 + 52
    case 0x2B: return 62
    case 0x2F: return 63
    default: return nil
    }
  }
}
