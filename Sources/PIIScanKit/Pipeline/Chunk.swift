/// Bytes owned by one chunk, allocated by the reader and freed when the last holder lets go.
// SAFETY: the reader writes the bytes before handing the chunk to a worker; afterwards the
// worker and the file's collector only read them, one at a time (the handoff goes through a
// queue and a serial collector, which order the accesses).
final class ChunkBuffer: @unchecked Sendable {
  let storage: UnsafeMutableRawBufferPointer
  var count: Int = 0

  init(capacity: Int) {
    storage = .allocate(byteCount: max(1, capacity), alignment: 16)
  }

  deinit { storage.deallocate() }

  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: storage[0..<count]) }
}

/// One unit of scanning work: a run of whole records of one file.
struct Chunk: Sendable {
  let file: InputFile
  let sequence: Int
  /// Decompressed offset of the chunk's first byte.
  let streamOffset: Int
  let buffer: ChunkBuffer
  /// Bytes the chunk owns from its start; bytes past it are lookahead or overlap that the next
  /// chunk owns. Findings are kept only when they start before `owned`.
  let owned: Int
  /// How the worker frames these bytes (text for pieces of an over-long record).
  let format: InputFormat
  /// For CSV: the header's column names, and whether this chunk starts with the header record.
  let header: CSVHeader?
  let startsWithHeader: Bool
  /// The input's compression (a redacted copy keeps it).
  let compression: Compression
}

/// What a worker found in one chunk.
struct ChunkResult: Sendable {
  let chunk: Chunk
  /// Findings with stream offsets and chunk-local line numbers (0-based newline counts before
  /// each finding), in offset order.
  var findings: [Finding]
  /// `\n` bytes in the owned part.
  var newlines: Int
  var limitHits: [MatchLimitHit]
}
