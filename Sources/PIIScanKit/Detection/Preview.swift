/// Masked previews: enough of a value to recognise it, never the whole value.
enum Preview {
  /// Masks `value` per the detector's preview spec.
  ///
  /// - `mask` (default): keeps `keep_start` leading and `keep_end` trailing alphanumerics,
  ///   replaces every other alphanumeric with `*` and keeps separators (`4111 **** **** 1111`).
  ///   At least half of the alphanumerics are always masked, whatever the spec says.
  /// - `email`: the first character of the local part, `***`, then `@` and the domain.
  /// - `prefix`: the first `keep_start` bytes then `****` (for secrets, whose length says little).
  static func mask(_ value: [UInt8], spec: DetectorSpec.PreviewSpec?) -> String {
    mask(value, style: Style(spec))
  }

  /// A preview spec resolved once per detector: matching `style` names per finding cost more
  /// than masking a short value.
  enum Style: Sendable, Equatable {
    case mask(keepStart: Int, keepEnd: Int)
    case email
    case prefix(keepStart: Int)

    /// The style of `spec` (nil: `mask`, keeping the last four); a style name that is not
    /// `email` or `prefix` masks (``Detector`` rejects unknown names when it loads them).
    init(_ spec: DetectorSpec.PreviewSpec?) {
      switch spec?.style ?? "mask" {
      case "email": self = .email
      case "prefix": self = .prefix(keepStart: spec?.keepStart ?? 4)
      default: self = .mask(keepStart: spec?.keepStart ?? 0, keepEnd: spec?.keepEnd ?? 4)
      }
    }
  }

  /// Masks `value` in `style` (see ``mask(_:spec:)``).
  static func mask(_ value: [UInt8], style: Style) -> String {
    switch style {
    case .email:
      if let at = value.lastIndex(of: 0x40), at > 0 {
        // The first byte, `***`, then `@` and the domain, written into the string's storage.
        return String(unsafeUninitializedCapacity: 4 + value.count - at) { out in
          out[0] = value[0]
          out[1] = 0x2A
          out[2] = 0x2A
          out[3] = 0x2A
          var n = 4
          for b in value[at...] {
            out[n] = b
            n += 1
          }
          return n
        }
      }
      return masked(value, keepStart: 0, keepEnd: 0)
    case .prefix(let keepStart):
      let keep = min(keepStart, value.count / 2)
      let head = value[0..<keep].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
      return String(decoding: head + Array("****".utf8), as: UTF8.self)
    case .mask(let keepStart, let keepEnd):
      return masked(value, keepStart: keepStart, keepEnd: keepEnd)
    }
  }

  private static func isAlphanumeric(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
  }

  private static func masked(_ value: [UInt8], keepStart: Int, keepEnd: Int) -> String {
    let total = value.reduce(0) { $0 + (isAlphanumeric($1) ? 1 : 0) }
    var start = keepStart
    var end = keepEnd
    // Never reveal more than half.
    while start + end > total / 2 && (start > 0 || end > 0) {
      if end >= start && end > 0 { end -= 1 } else { start -= 1 }
    }
    // Never longer than the value (a masked multi-byte character becomes one `*`), so it is
    // written straight into the string's storage; invalid UTF-8 is repaired as
    // `String(decoding:as:)` would.
    return String(unsafeUninitializedCapacity: value.count) { out in
      var n = 0
      var seen = 0
      for b in value {
        if isAlphanumeric(b) {
          let keep = seen < start || seen >= total - end
          if b >= 0x80 {
            // Keep UTF-8 well-formed: mask each non-ASCII byte as one `*` only on lead bytes.
            if keep {
              out[n] = b
              n += 1
            } else if b & 0xC0 != 0x80 {
              out[n] = 0x2A
              n += 1
            }
          } else {
            out[n] = keep ? b : 0x2A
            n += 1
          }
          seen += 1
        } else {
          out[n] = b == 0x0A || b == 0x0D ? 0x20 : b
          n += 1
        }
      }
      return n
    }
  }
}
