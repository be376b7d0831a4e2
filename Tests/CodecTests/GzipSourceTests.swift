import Foundation
import PIIScanKit
import Testing
import Zlib

@Suite struct GzipSourceTests {
  static let original = syntheticLog(byteCount: 300_000, seed: 21)

  @Test(arguments: [1, 7, 4096, 1 << 20], [1, 4096, Int.max])
  func roundTripIgnoresChunkSizes(readSize: Int, compressedChunk: Int) throws {
    let compressed = try gzipCompressed(Self.original)
    var source = try GzipSource(MemorySource(compressed, chunk: compressedChunk))
    let result = drain(&source, chunkSize: readSize)
    #expect(result.error == nil)
    #expect(Bytes(result.bytes) == Bytes(Self.original))
    #expect(source.compressedBytesRead == compressed.count)
    #expect(source.membersCompleted == 1)
  }

  @Test func decodesConcatenatedMembersFromTheCLI() throws {
    try #require(Tool.exists("gzip"), "gzip CLI not installed")
    let directory = try TemporaryDirectory()
    let first = syntheticLog(byteCount: 120_000, seed: 22)
    let second = randomBytes(count: 50_000, seed: 23)
    _ = try directory.write("a", first)
    _ = try directory.write("b", second)
    #expect(
      try Tool.run("gzip", ["-c", directory.file("a").path], output: directory.file("a.gz")) == 0)
    #expect(
      try Tool.run("gzip", ["-9", "-c", directory.file("b").path], output: directory.file("b.gz"))
        == 0)
    let joined = try directory.read("a.gz") + directory.read("b.gz")
    for chunk in [1, 4096] {
      var source = try GzipSource(MemorySource(joined, chunk: chunk))
      let result = drain(&source, chunkSize: 3000)
      #expect(result.error == nil)
      #expect(Bytes(result.bytes) == Bytes(first + second))
      #expect(source.membersCompleted == 2)
    }
  }

  @Test func decodesPigzOutput() throws {
    try #require(Tool.exists("pigz"), "pigz not installed")
    let directory = try TemporaryDirectory()
    let data = syntheticLog(byteCount: 2_000_000, seed: 24)
    _ = try directory.write("in", data)
    // -b 128: 128 KiB blocks, so several parallel blocks end up in the member.
    #expect(
      try Tool.run(
        "pigz", ["-p", "2", "-b", "128", "-c", directory.file("in").path],
        output: directory.file("in.gz")) == 0)
    let once = try directory.read("in.gz")
    var source = try GzipSource(MemorySource(once + once))
    let result = drain(&source, chunkSize: 65_536)
    #expect(result.error == nil)
    #expect(Bytes(result.bytes) == Bytes(data + data))
    #expect(source.membersCompleted == 2)
  }

  @Test func compressorReuseWritesSeveralMembers() throws {
    let first = syntheticLog(byteCount: 10_000, seed: 25)
    let second = syntheticLog(byteCount: 20_000, seed: 26)
    let joined = try gzipCompressed(first) + gzipCompressed([]) + gzipCompressed(second)
    var source = try GzipSource(MemorySource(joined))
    let result = drain(&source, chunkSize: 4096)
    #expect(Bytes(result.bytes) == Bytes(first + second))
    #expect(source.membersCompleted == 3)
  }

  @Test(arguments: [1, 512, 100_000])
  func trailingZeroPaddingIsAccepted(padding: Int) throws {
    let data = syntheticLog(byteCount: 30_000, seed: 27)
    let padded = try gzipCompressed(data) + [UInt8](repeating: 0, count: padding)
    var source = try GzipSource(MemorySource(padded, chunk: 777))
    let result = drain(&source, chunkSize: 4096)
    #expect(result.error == nil)
    #expect(Bytes(result.bytes) == Bytes(data))
  }

  @Test func dataAfterZeroPaddingIsCorrupt() throws {
    let data = syntheticLog(byteCount: 30_000, seed: 28)
    let padded = try gzipCompressed(data) + [0, 0, 0] + gzipCompressed(data)
    var source = try GzipSource(MemorySource(padded))
    let result = drain(&source, chunkSize: 4096)
    #expect(result.scanError?.code == .corrupt)
    #expect(Bytes(result.bytes) == Bytes(data))
  }

  @Test func trailingGarbageIsCorrupt() throws {
    let data = syntheticLog(byteCount: 30_000, seed: 29)
    var source = try GzipSource(MemorySource(try gzipCompressed(data) + Array("junk".utf8)))
    let result = drain(&source, chunkSize: 4096)
    #expect(result.scanError?.code == .corrupt)
    #expect(result.scanError?.cause?.contains("header") == true)
    #expect(Bytes(result.bytes) == Bytes(data))
  }

  @Test func emptyInputIsEmptyOutput() throws {
    var source = try GzipSource(MemorySource([]))
    let result = drain(&source, chunkSize: 4096)
    #expect(result.error == nil)
    #expect(result.bytes.isEmpty)
  }

  /// The bytes handed out before the error do not depend on the read size: a decoder holding
  /// output when the input ends is drained before truncation is reported.
  @Test(arguments: [0.1, 0.5, 0.999], [1, 4096])
  func truncationThrowsAfterTheGoodBytes(keptFraction: Double, readSize: Int) throws {
    let data = syntheticLog(byteCount: 400_000, seed: 30)
    let compressed = try gzipCompressed(data)
    let cut = Array(compressed.prefix(Int(Double(compressed.count) * keptFraction)))
    var source = try GzipSource(MemorySource(cut), path: "cut.gz")
    let result = drain(&source, chunkSize: readSize)
    let error = try #require(result.scanError)
    #expect(error.code == .truncated)
    #expect(error.path == "cut.gz")
    #expect(error.offset == result.bytes.count)
    #expect(error.message.contains("truncated"))
    #expect(Bytes(data.prefix(result.bytes.count)) == Bytes(result.bytes))
    var reference = try GzipSource(MemorySource(cut))
    #expect(result.bytes.count == drain(&reference, chunkSize: 1 << 20).bytes.count)
    if keptFraction >= 0.5 { #expect(result.bytes.count > 0) }
    // The error is sticky.
    var one = [UInt8](repeating: 0, count: 1)
    #expect(throws: ScanError.self) { try one.withUnsafeMutableBytes { try source.read(into: $0) } }
  }

  /// Cut just before the trailer: every byte is decoded, yet the member is incomplete.
  @Test(arguments: [1, 7, 4096])
  func missingTrailerIsTruncatedAfterAllBytes(readSize: Int) throws {
    let data = syntheticLog(byteCount: 200_000, seed: 34)
    let compressed = try gzipCompressed(data)
    var source = try GzipSource(MemorySource(Array(compressed.dropLast(8))))
    let result = drain(&source, chunkSize: readSize)
    #expect(result.scanError?.code == .truncated)
    #expect(Bytes(result.bytes) == Bytes(data))
  }

  @Test func badCRCIsCorruptAfterAllBytes() throws {
    let data = syntheticLog(byteCount: 200_000, seed: 31)
    var compressed = try gzipCompressed(data)
    // RFC 1952 §2.3: the member ends with CRC32 then ISIZE, 4 bytes each.
    compressed[compressed.count - 8] ^= 0xFF
    var source = try GzipSource(MemorySource(compressed))
    let result = drain(&source, chunkSize: 4096)
    let error = try #require(result.scanError)
    #expect(error.code == .corrupt)
    #expect(error.cause?.contains("incorrect data check") == true)
    #expect(Bytes(result.bytes) == Bytes(data))
  }

  @Test func damagedDeflateDataIsCorrupt() throws {
    let data = randomBytes(count: 200_000, seed: 32)
    var compressed = try gzipCompressed(syntheticLog(byteCount: 200_000, seed: 33) + data)
    let middle = compressed.count / 3
    for i in middle..<middle + 16 { compressed[i] = 0xFF }
    var source = try GzipSource(MemorySource(compressed))
    #expect(drain(&source, chunkSize: 4096).scanError?.code == .corrupt)
  }

  @Test func nonGzipInputIsCorrupt() throws {
    var source = try GzipSource(MemorySource([0, 0, 0, 0, 1, 2, 3]))
    let result = drain(&source, chunkSize: 64)
    #expect(result.scanError?.code == .corrupt)
    #expect(result.bytes.isEmpty)
  }
}
