import Synchronization

/// Bytes owned by one chunk, allocated by the reader and freed when the last holder lets go.
///
/// A freed buffer's storage is kept for the next buffer of the same size (up to
/// ``spareLimit``): the reader allocates one per chunk, and fresh storage from the system costs
/// a page fault per 4 KiB on first write. Spares come only from freed buffers, so they never
/// exceed the buffers a run had in flight at once; they stay for the next run in the process.
// SAFETY: the reader writes the bytes before handing the chunk to a worker; afterwards the
// worker and the file's collector only read them, one at a time (the handoff goes through a
// queue and a serial collector, which order the accesses). Spare storage is reached only
// under the `spares` lock, and only after its last buffer let go of it.
final class ChunkBuffer: @unchecked Sendable {
  let storage: UnsafeMutableRawBufferPointer
  var count: Int = 0

  /// At most this many spare storages are kept (the chunks in flight at 7 threads), each at
  /// most ``spareBytes``.
  static let spareLimit = 16
  static let spareBytes = 64 << 20
  private static let spares = Mutex<[Spare]>([])

  /// Storage no buffer holds (see the SAFETY note).
  private struct Spare: @unchecked Sendable {
    let storage: UnsafeMutableRawBufferPointer
  }

  init(capacity: Int) {
    let size = max(1, capacity)
    let spare = Self.spares.withLock { spares -> Spare? in
      guard let i = spares.lastIndex(where: { $0.storage.count == size }) else { return nil }
      return spares.remove(at: i)
    }
    storage = spare?.storage ?? .allocate(byteCount: size, alignment: 16)
  }

  deinit {
    guard storage.count <= Self.spareBytes else {
      storage.deallocate()
      return
    }
    // When full, the oldest spare goes: runs with other chunk sizes must not leave the list
    // full of sizes nobody asks for.
    let spare = Spare(storage: storage)
    let evicted = Self.spares.withLock { spares -> Spare? in
      spares.append(spare)
      return spares.count > Self.spareLimit ? spares.removeFirst() : nil
    }
    evicted?.storage.deallocate()
  }

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
