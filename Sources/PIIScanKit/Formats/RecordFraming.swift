/// Finds record boundaries in a buffer of decompressed bytes.
///
/// A record is a line (`\n`-terminated) for ``InputFormat/text`` and ``InputFormat/jsonl``, and
/// an RFC 4180 record for ``InputFormat/csv``: a `\n` ends it only outside a quoted field, so a
/// quoted field may hold newlines. A `\r` right before the `\n` belongs to the terminator (CRLF
/// files, RFC 4180 §2 rule 1); any other `\r` is data.
///
/// Both functions assume that the buffer *starts* at a record start. The pipeline keeps that
/// true: it cuts each chunk at ``lastRecordEnd(in:format:)`` and carries the rest over to the
/// front of the next buffer (ripgrep's `LineBuffer` roll/fill), so the CSV quote state always
/// restarts at a record start and never has to cross a chunk.
public enum RecordFraming {
  /// The offset just past the last complete record terminator in `buffer`, or nil when the
  /// buffer holds no complete record (the caller reads more, or at end of input treats the whole
  /// buffer as one unterminated record).
  ///
  /// Text and JSON Lines search backward from the end for `\n`. CSV scans forward from the start
  /// tracking quotes (`memchr` for quotes and newlines), because whether a `\n` is inside a
  /// quoted field depends on everything before it.
  public static func lastRecordEnd(in buffer: UnsafeRawBufferPointer, format: InputFormat) -> Int? {
    switch format {
    case .text, .jsonl:
      return lastIndex(of: FormatByte.lineFeed, in: buffer).map { $0 + 1 }
    case .csv:
      var scanner = CSVRecordScanner(buffer: buffer)
      var last: Int?
      var start = 0
      while let terminator = scanner.terminator(from: start) {
        start = terminator + 1
        last = start
      }
      return last
    }
  }

  /// Calls `body` with the range of every record in `buffer`, in order. Ranges exclude the
  /// terminator (`\n`, or `\r\n`). The last record may be unterminated (end of input); a buffer
  /// ending in a terminator has no empty record after it. An empty line is an empty range.
  public static func forEachRecord(
    in buffer: UnsafeRawBufferPointer, format: InputFormat, _ body: (Range<Int>) throws -> Void
  ) rethrows {
    let count = buffer.count
    var start = 0
    switch format {
    case .text, .jsonl:
      while start < count {
        guard let terminator = firstIndex(of: FormatByte.lineFeed, in: buffer, from: start, to: count)
        else {
          try body(start..<count)
          return
        }
        try body(start..<contentEnd(buffer, start: start, terminator: terminator))
        start = terminator + 1
      }
    case .csv:
      var scanner = CSVRecordScanner(buffer: buffer)
      while start < count {
        guard let terminator = scanner.terminator(from: start) else {
          try body(start..<count)
          return
        }
        try body(start..<contentEnd(buffer, start: start, terminator: terminator))
        start = terminator + 1
      }
    }
  }

  /// The end of a record's contents: the terminator's offset, minus a `\r` right before it.
  @inline(__always)
  private static func contentEnd(_ buffer: UnsafeRawBufferPointer, start: Int, terminator: Int)
    -> Int
  {
    terminator > start && buffer[terminator - 1] == FormatByte.carriageReturn
      ? terminator - 1 : terminator
  }
}

/// Finds RFC 4180 record terminators: a `\n` outside a quoted field.
///
/// A quote opens a quoted field only at the start of a field (after a comma or at the record
/// start); anywhere else it is literal (``CSVWalker``'s lenient rule, and Python's `csv` in its
/// default non-strict mode). Inside a quoted field `""` is an escaped quote and any other quote
/// closes the field. Between quotes the scanner jumps with `memchr`; the position of the next
/// quote is cached, so a buffer with few quotes is not rescanned per record.
struct CSVRecordScanner {
  let buffer: UnsafeRawBufferPointer
  /// The first quote at or after some earlier position, or `buffer.count` for none. It stays
  /// valid for every later position up to itself.
  private var nextQuote = -1

  init(buffer: UnsafeRawBufferPointer) {
    self.buffer = buffer
  }

  private mutating func quote(from position: Int) -> Int {
    if nextQuote < position {
      nextQuote =
        firstIndex(of: FormatByte.quote, in: buffer, from: position, to: buffer.count) ?? buffer.count
    }
    return nextQuote
  }

  /// The offset of the `\n` ending the record that starts at `start`, or nil when the buffer
  /// ends first (no newline, or inside a quoted field that is not closed yet).
  mutating func terminator(from start: Int) -> Int? {
    let count = buffer.count
    var position = start
    var atFieldStart = true
    while position < count {
      let quote = quote(from: position)
      // No quote before `quote`, so any newline before it is a terminator.
      if let newline = firstIndex(of: FormatByte.lineFeed, in: buffer, from: position, to: quote) {
        return newline
      }
      if quote == count { return nil }
      // `position..<quote` holds no quote and no newline, so a comma right before the quote is a
      // real delimiter; at `position` itself the caller's state decides.
      let opensField = quote == position ? atFieldStart : buffer[quote - 1] == FormatByte.comma
      if opensField {
        var search = quote + 1
        while true {
          guard let close = firstIndex(of: FormatByte.quote, in: buffer, from: search, to: count) else {
            return nil  // the quoted field continues past the buffer
          }
          if close + 1 < count && buffer[close + 1] == FormatByte.quote {
            search = close + 2  // `""`: an escaped quote
            continue
          }
          // A closing quote (or, at the very end, possibly half of `""`: either way no newline
          // follows in this buffer).
          position = close + 1
          break
        }
      } else {
        position = quote + 1  // a literal quote inside an unquoted field
      }
      atFieldStart = false
    }
    return nil
  }
}
