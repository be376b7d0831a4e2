/// Escapes a replacement for writing it into a CSV field of a redacted copy (RFC 4180 §2).
public enum CSVFieldEscaper {
  /// The bytes to write in place of a span of a CSV field, or nil when that is impossible.
  ///
  /// Inside a quoted field (``FieldSegment/Syntax/csvQuoted``) every `"` is doubled; commas,
  /// CR and LF need nothing. In an unquoted field (``FieldSegment/Syntax/csvUnquoted``) there
  /// is no escape mechanism: a replacement containing `,`, `"`, CR or LF would change the
  /// record's structure, so the result is nil and the caller must choose a replacement without
  /// those bytes (placeholders such as `[REDACTED:email]` never need one).
  public static func escape(_ replacement: [UInt8], inQuotedField: Bool) -> [UInt8]? {
    if inQuotedField {
      guard replacement.contains(FormatByte.quote) else { return replacement }
      var out: [UInt8] = []
      out.reserveCapacity(replacement.count + 2)
      for byte in replacement {
        out.append(byte)
        if byte == FormatByte.quote { out.append(FormatByte.quote) }
      }
      return out
    }
    let needsQuoting = replacement.contains {
      $0 == FormatByte.comma || $0 == FormatByte.quote || $0 == FormatByte.carriageReturn
        || $0 == FormatByte.lineFeed
    }
    return needsQuoting ? nil : replacement
  }
}
