import Foundation
import PIIScanKit
import Testing
import Zstd

@Suite struct ZstdSourceTests {
  static let original = syntheticLog(byteCount: 300_000, seed: 1)

  @Test(arguments: [1, 7, 4096, 1 << 20], [1, 4096, Int.max])
  func roundTripIgnoresChunkSizes(readSize: Int, compressedChunk: Int) throws {
    let compressed = try zstdCompressed(Self.original)
    var source = try ZstdSource(MemorySource(compressed, chunk: compressedChunk))
    let result = drain(&source, chunkSize: readSize)
    #expect(result.error == nil)
    #expect(Bytes(result.bytes) == Bytes(Self.original))
    #expect(source.compressedBytesRead == compressed.count)
    #expect(source.decompressedBytesRead == Self.original.count)
    #expect(source.framesCompleted == 1)
  }

  @Test func decodesFramesConcatenatedFromTheCLI() throws {
    try #require(Tool.exists("zstd"), "zstd CLI not installed")
    let directory = try TemporaryDirectory()
    let first = syntheticLog(byteCount: 150_000, seed: 2)
    let second = randomBytes(count: 70_000, seed: 3)
    _ = try directory.write("a", first)
    _ = try directory.write("b", second)
    #expect(
      try Tool.run("zstd", ["-q", "-c", directory.file("a").path], output: directory.file("a.zst"))
        == 0)
    #expect(
      try Tool.run(
        "zstd", ["-q", "-19", "-c", directory.file("b").path], output: directory.file("b.zst")) == 0
    )
    let joined = try directory.read("a.zst") + directory.read("b.zst")
    var source = try ZstdSource(MemorySource(joined))
    let result = drain(&source, chunkSize: 4096)
    #expect(result.error == nil)
    #expect(Bytes(result.bytes) == Bytes(first + second))
    #expect(source.framesCompleted == 2)
  }

  /// RFC 8878 §3.1.2: magic 0x184D2A5?, little-endian frame size, then user data.
  static func skippableFrame(payload: [UInt8], nibble: UInt8 = 0xE) -> [UInt8] {
    let size = UInt32(payload.count)
    return [0x50 | nibble, 0x2A, 0x4D, 0x18]
      + [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)]
      + payload
  }

  @Test(arguments: [1, 4096])
  func skipsASkippableFrameBetweenFrames(compressedChunk: Int) throws {
    let first = syntheticLog(byteCount: 50_000, seed: 4)
    let second = syntheticLog(byteCount: 60_000, seed: 5)
    let joined =
      try zstdCompressed(first) + Self.skippableFrame(payload: randomBytes(count: 1000, seed: 6))
      + zstdCompressed(second)
    var source = try ZstdSource(MemorySource(joined, chunk: compressedChunk))
    let result = drain(&source, chunkSize: 1000)
    #expect(result.error == nil)
    #expect(Bytes(result.bytes) == Bytes(first + second))
    #expect(source.framesCompleted == 3)
  }

  @Test func streamingFramesHaveNoContentSizeAndStillDecode() throws {
    let compressed = try zstdCompressed(Self.original, piece: 10_000)
    // RFC 8878 §3.1.1.1.1: Frame_Header_Descriptor bits 7-6 = Frame_Content_Size_Flag,
    // bit 5 = Single_Segment_Flag; both 0 means the header carries no content size.
    let descriptor = compressed[4]
    #expect(descriptor >> 6 == 0)
    #expect(descriptor & 0x20 == 0)
    var source = try ZstdSource(MemorySource(compressed))
    #expect(Bytes(drain(&source, chunkSize: 65_536).bytes) == Bytes(Self.original))
  }

  @Test func decodesLongWindowFramesThatDefaultLimitsReject() throws {
    let data = syntheticLog(byteCount: 200_000, seed: 7)
    let compressed = try zstdCompressed(
      data, with: ZstdCompressor(level: 1, longWindowLog: 28), piece: 50_000)

    // zstd's default limit (windowLog 27) refuses the frame: proof that the window is large.
    let strict = try ZstdDecompressor(windowLogMax: 27)
    var scratch = [UInt8](repeating: 0, count: 1 << 16)
    #expect {
      _ = try compressed.withUnsafeBytes { input in
        try scratch.withUnsafeMutableBytes { try strict.decompress(input, into: $0) }
      }
    } throws: { error in
      (error as? ZstdError)?.kind == .windowTooLarge
    }

    var source = try ZstdSource(MemorySource(compressed))
    let result = drain(&source, chunkSize: 65_536)
    #expect(result.error == nil)
    #expect(Bytes(result.bytes) == Bytes(data))
  }

  /// Without a checksum the last block's input is consumed before its output is flushed, so
  /// the reader must drain the decoder after the input ends (notes §4, `pendingFlush`).
  @Test(arguments: [1, 7, 4096])
  func frameWithoutChecksumFlushesAfterTheInputEnds(readSize: Int) throws {
    let compressed = try zstdCompressed(
      Self.original, with: ZstdCompressor(checksum: false), piece: 100_000)
    var source = try ZstdSource(MemorySource(compressed))
    let result = drain(&source, chunkSize: readSize)
    #expect(result.error == nil)
    #expect(Bytes(result.bytes) == Bytes(Self.original))
  }

  @Test func emptyInputIsEmptyOutput() throws {
    var source = try ZstdSource(MemorySource([]))
    let result = drain(&source, chunkSize: 4096)
    #expect(result.error == nil)
    #expect(result.bytes.isEmpty)
    #expect(source.framesCompleted == 0)
  }

  @Test func emptyFrameDecodesToNothing() throws {
    let compressed = try zstdCompressed([])
    #expect(!compressed.isEmpty)
    var source = try ZstdSource(MemorySource(compressed))
    let result = drain(&source, chunkSize: 4096)
    #expect(result.error == nil)
    #expect(result.bytes.isEmpty)
    #expect(source.framesCompleted == 1)
  }

  /// The bytes handed out before the error do not depend on the read size: a decoder holding
  /// output when the input ends is drained before truncation is reported.
  @Test(arguments: [0.1, 0.5, 0.999], [1, 4096])
  func truncationThrowsAfterTheGoodBytes(keptFraction: Double, readSize: Int) throws {
    let data = syntheticLog(byteCount: 400_000, seed: 8)
    let compressed = try zstdCompressed(data)
    let cut = Array(compressed.prefix(Int(Double(compressed.count) * keptFraction)))
    var source = try ZstdSource(MemorySource(cut), path: "cut.zst")
    let result = drain(&source, chunkSize: readSize)
    let error = try #require(result.scanError)
    #expect(error.code == .truncated)
    #expect(error.path == "cut.zst")
    #expect(error.offset == result.bytes.count)
    #expect(error.message.contains("truncated"))
    #expect(Bytes(data.prefix(result.bytes.count)) == Bytes(result.bytes))
    var reference = try ZstdSource(MemorySource(cut))
    #expect(result.bytes.count == drain(&reference, chunkSize: 1 << 20).bytes.count)
    if keptFraction >= 0.5 { #expect(result.bytes.count > 0) }
    // The error is sticky.
    var one = [UInt8](repeating: 0, count: 1)
    #expect(throws: ScanError.self) { try one.withUnsafeMutableBytes { try source.read(into: $0) } }
  }

  /// A cut exactly after a block leaves the decoder holding that block's output with all input
  /// consumed; it must still come out before the truncation error, at any read size.
  @Test(arguments: [1, 7, 4096])
  func truncationAtABlockBoundaryDeliversTheWholeBlock(readSize: Int) throws {
    let data = syntheticLog(byteCount: 400_000, seed: 14)
    let compressed = try zstdCompressed(data)
    // RFC 8878 §3.1.1: a streamed frame header is magic (4), descriptor (1) and window
    // descriptor (1); each block starts with a 3-byte little-endian header whose bits 3...23
    // give the block size (1 stored byte for an RLE block, type 1).
    #expect(compressed[4] == 0x04)  // checksum flag only: no content size, no dictionary
    let header = Int(compressed[6]) | Int(compressed[7]) << 8 | Int(compressed[8]) << 16
    let blockType = header >> 1 & 3
    let blockSize = blockType == 1 ? 1 : header >> 3
    #expect(header & 1 == 0)  // not the last block
    let cut = Array(compressed.prefix(6 + 3 + blockSize))
    var source = try ZstdSource(MemorySource(cut))
    let result = drain(&source, chunkSize: readSize)
    #expect(result.scanError?.code == .truncated)
    #expect(result.bytes.count == 128 * 1024)  // one full block (zstd's maximum block size)
    #expect(Bytes(data.prefix(result.bytes.count)) == Bytes(result.bytes))
  }

  @Test func truncatedMagicIsTruncated() throws {
    var source = try ZstdSource(MemorySource([0x28, 0xB5, 0x2F]))
    #expect(drain(&source, chunkSize: 64).scanError?.code == .truncated)
  }

  @Test func corruptedBytesMidFrameAreCorrupt() throws {
    let data = syntheticLog(byteCount: 500_000, seed: 9)
    var compressed = try zstdCompressed(data)
    let middle = compressed.count / 2
    for i in middle..<middle + 8 { compressed[i] ^= 0xA5 }
    var source = try ZstdSource(MemorySource(compressed))
    let result = drain(&source, chunkSize: 4096)
    let error = try #require(result.scanError)
    #expect(error.code == .corrupt)
    #expect(error.cause != nil)
    #expect(result.bytes.count < data.count)
  }

  @Test func zeroedChecksumIsCorruptAfterTheVerifiedBytes() throws {
    let data = syntheticLog(byteCount: 300_000, seed: 10)
    var compressed = try zstdCompressed(data)
    // The frame ends with the low 4 bytes of the XXH64 content checksum (RFC 8878 §3.1.1).
    for i in compressed.count - 4..<compressed.count { compressed[i] = 0 }
    var source = try ZstdSource(MemorySource(compressed))
    let result = drain(&source, chunkSize: 4096)
    let error = try #require(result.scanError)
    #expect(error.code == .corrupt)
    #expect(error.message.contains("checksum"))
    #expect(error.cause?.contains("checksum") == true)
    // Everything before the last block was handed out before the error; zstd withholds the
    // last block (at most 128 KiB) when the checksum fails.
    #expect(Bytes(data.prefix(result.bytes.count)) == Bytes(result.bytes))
    #expect(result.bytes.count >= data.count - 128 * 1024)
    #expect(error.offset == result.bytes.count)
  }

  @Test func trailingGarbageIsCorrupt() throws {
    let data = syntheticLog(byteCount: 10_000, seed: 11)
    let compressed = try zstdCompressed(data) + Array("not zstd".utf8)
    var source = try ZstdSource(MemorySource(compressed))
    let result = drain(&source, chunkSize: 4096)
    #expect(result.scanError?.code == .corrupt)
    #expect(Bytes(result.bytes) == Bytes(data))
  }

  @Test func baseReadErrorsSurfaceAfterTheGoodBytes() throws {
    let data = syntheticLog(byteCount: 400_000, seed: 12)
    let compressed = try zstdCompressed(data)
    var source = try ZstdSource(MemorySource(compressed, failAfter: compressed.count / 2))
    let result = drain(&source, chunkSize: 100_000)
    #expect(result.scanError?.code == .unreadable)
    #expect(result.bytes.count > 0)
    #expect(Bytes(data.prefix(result.bytes.count)) == Bytes(result.bytes))
  }

  @Test func multithreadedCompressionRoundTrips() throws {
    let data = syntheticLog(byteCount: 3_000_000, seed: 13)
    let compressed = try zstdCompressed(data, workers: 2)
    var source = try ZstdSource(MemorySource(compressed))
    #expect(Bytes(drain(&source, chunkSize: 1 << 20).bytes) == Bytes(data))
  }
}
