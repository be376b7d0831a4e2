import PIIScanKit

/// Re-chunks an input the way the pipeline does, so tests can check that chunk boundaries never
/// change what is found (STYLE.md §8, after swift-nio's `ByteToMessageDecoderVerifier`).
///
/// The pipeline reads `readSize` bytes at a time and appends them to the carry; it cuts the
/// buffer at ``RecordFraming/lastRecordEnd(in:format:)``, hands `buffer[..<cut]` to a worker
/// and keeps the rest as the next carry. At end of input a non-empty carry is the last chunk.
public enum ChunkingVerifier {
  /// The chunks a pipeline cutting with `cut` would produce from `input` read `readSize` bytes
  /// at a time. `cut` returns the end of the last complete record in a buffer, or nil.
  public static func chunks(
    of input: [UInt8], readSize: Int, cut: (UnsafeRawBufferPointer) -> Int?
  ) -> [[UInt8]] {
    precondition(readSize > 0, "readSize must be positive")
    var chunks: [[UInt8]] = []
    var buffer: [UInt8] = []
    var offset = 0
    while offset < input.count {
      let end = min(offset + readSize, input.count)
      buffer.append(contentsOf: input[offset..<end])
      offset = end
      if let cutAt = buffer.withUnsafeBytes(cut) {
        precondition(cutAt > 0 && cutAt <= buffer.count, "cut must lie inside the buffer")
        chunks.append(Array(buffer[..<cutAt]))
        buffer.removeFirst(cutAt)
      }
    }
    if !buffer.isEmpty { chunks.append(buffer) }
    return chunks
  }

  /// The chunks for `format`, cut with ``RecordFraming/lastRecordEnd(in:format:)``.
  public static func chunks(of input: [UInt8], readSize: Int, format: InputFormat) -> [[UInt8]] {
    chunks(of: input, readSize: readSize) { RecordFraming.lastRecordEnd(in: $0, format: format) }
  }

  /// The records of one buffer, as ``RecordFraming/forEachRecord(in:format:_:)`` frames them.
  public static func records(in buffer: [UInt8], format: InputFormat) -> [[UInt8]] {
    buffer.withUnsafeBytes { raw in
      var records: [[UInt8]] = []
      RecordFraming.forEachRecord(in: raw, format: format) { records.append(Array(raw[$0])) }
      return records
    }
  }

  /// The records of `input` as the pipeline sees them when reading `readSize` bytes at a time:
  /// the records of every chunk, in order. Compare with `records(in: input, format:)`.
  public static func records(of input: [UInt8], readSize: Int, format: InputFormat) -> [[UInt8]] {
    chunks(of: input, readSize: readSize, format: format).flatMap {
      records(in: $0, format: format)
    }
  }
}
