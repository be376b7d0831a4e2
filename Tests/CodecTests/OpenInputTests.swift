import Foundation
import PIIScanKit
import Testing

@Suite struct OpenInputTests {
  @Test(
    arguments: [
      ([0x28, 0xB5, 0x2F, 0xFD, 0x04], Compression.zstd),
      ([0x50, 0x2A, 0x4D, 0x18, 0x00], .zstd),
      ([0x5F, 0x2A, 0x4D, 0x18], .zstd),
      ([0x4F, 0x2A, 0x4D, 0x18], .none),
      ([0x60, 0x2A, 0x4D, 0x18], .none),
      ([0x1F, 0x8B, 0x08, 0x00], .gzip),
      ([0x1F, 0x8B], .gzip),
      ([0x1F, 0x8C, 0x08, 0x00], .none),
      ([0x28, 0xB5, 0x2F], .none),
      ([0x28, 0xB5, 0x2F, 0xFE], .none),
      (Array("2024-01-01 GET".utf8), .none),
      ([], .none),
    ] as [([UInt8], Compression)])
  func sniffsMagicBytes(prefix: [UInt8], expected: Compression) {
    #expect(prefix.withUnsafeBytes { Compression.sniff($0) } == expected)
  }

  static func sha256(of url: URL) throws -> String {
    let directory = try TemporaryDirectory()
    #expect(try Tool.run("sha256sum", [url.path], output: directory.file("sum")) == 0)
    let line = String(decoding: try directory.read("sum"), as: UTF8.self)
    return String(line.prefix(64))
  }

  @Test(arguments: Compression.allCases)
  func opensEachEncodingByContentNotName(_ compression: Compression) throws {
    try #require(Tool.exists("sha256sum"), "sha256sum not installed")
    let directory = try TemporaryDirectory()
    let data = syntheticLog(byteCount: 250_000, seed: 41)
    let stored: [UInt8]
    switch compression {
    case .none: stored = data
    case .gzip: stored = try gzipCompressed(data)
    case .zstd: stored = try zstdCompressed(data)
    }
    // A misleading name: sniffing must ignore it.
    let url = try directory.write("input.txt", stored)
    var input = try openInput(url.path)
    #expect(input.compression == compression)
    #expect(input.path == url.path)
    #expect(input.rawDigest() == nil)
    let result = drain(&input.source, chunkSize: 4096)
    #expect(result.error == nil)
    #expect(Bytes(result.bytes) == Bytes(data))
    #expect(input.rawByteCount == stored.count)
    #expect(input.rawDigest() == (try Self.sha256(of: url)))
  }

  @Test(arguments: [[], [0x1F], [0x28, 0xB5], Array("abc".utf8)] as [[UInt8]])
  func shortPlainInputsPassThrough(_ bytes: [UInt8]) throws {
    let directory = try TemporaryDirectory()
    let url = try directory.write("short", bytes)
    var input = try openInput(url.path)
    #expect(input.compression == .none)
    let result = drain(&input.source, chunkSize: 1)
    #expect(result.error == nil)
    #expect(Bytes(result.bytes) == Bytes(bytes))
    #expect(input.rawByteCount == bytes.count)
    #expect(input.rawDigest()?.count == 64)
  }

  @Test func truncatedInputErrorNamesThePath() throws {
    let directory = try TemporaryDirectory()
    let compressed = try zstdCompressed(syntheticLog(byteCount: 400_000, seed: 42))
    let url = try directory.write("cut.zst", Array(compressed.prefix(compressed.count - 10)))
    var input = try openInput(url.path)
    let error = try #require(drain(&input.source, chunkSize: 65_536).scanError)
    #expect(error.code == .truncated)
    #expect(error.path == url.path)
    #expect(input.rawDigest() != nil)
  }

  @Test func missingFileIsUnreadable() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("absent.log").path
    #expect {
      _ = try openInput(path)
    } throws: { error in
      guard let error = error as? ScanError else { return false }
      return error.code == .unreadable && error.path == path
        && error.message.contains("No such file") && error.message.contains("check the path")
    }
  }

  @Test func directoryIsUnreadable() throws {
    let directory = try TemporaryDirectory()
    #expect(throws: ScanError.self) { _ = try openInput(directory.url.path) }
    #expect((try? FileSource(path: directory.url.path)) == nil)
  }

  @Test func dashReadsStandardInput() throws {
    let directory = try TemporaryDirectory()
    let data = syntheticLog(byteCount: 20_000, seed: 43)
    let url = try directory.write("stdin.gz", try gzipCompressed(data))
    let replacement = open(url.path, O_RDONLY)
    try #require(replacement >= 0)
    let saved = dup(STDIN_FILENO)
    dup2(replacement, STDIN_FILENO)
    close(replacement)
    defer {
      dup2(saved, STDIN_FILENO)
      close(saved)
    }
    var input = try openInput("-")
    #expect(input.compression == .gzip)
    #expect(input.path == "-")
    #expect(Bytes(drain(&input.source, chunkSize: 4096).bytes) == Bytes(data))
  }

  @Test(arguments: [1, 3, 4096])
  func peekDoesNotConsume(chunk: Int) throws {
    let data = Array("0123456789".utf8)
    var source = PeekableSource(MemorySource(data, chunk: chunk))
    #expect(try source.peek(4) == Array("0123".utf8))
    #expect(try source.peek(2) == Array("01".utf8))
    #expect(Bytes(drain(&source, chunkSize: 3).bytes) == Bytes(data))
  }

  @Test func digestingSourceCountsAndHashesRawBytes() throws {
    let stats = RawStats()
    // SHA-256("abc"), FIPS 180-2 appendix B.1.
    var source = DigestingSource(MemorySource(Array("abc".utf8), chunk: 1), stats: stats)
    #expect(Bytes(drain(&source, chunkSize: 2).bytes) == Bytes(Array("abc".utf8)))
    #expect(stats.byteCount == 3)
    #expect(stats.sha256Hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}
