import Foundation
import PIIScanKit
import Testing

@Suite struct SinkTests {
  @Test(arguments: [0, 2])
  func zstdSinkOutputDecodesWithTheCLI(workers: Int) throws {
    try #require(Tool.exists("zstd"), "zstd CLI not installed")
    let directory = try TemporaryDirectory()
    let data = syntheticLog(byteCount: 2_500_000, seed: 51)
    let path = directory.file("out.zst").path
    let sink = try ZstdSink(AtomicFileWriter(path: path), level: 3, workers: workers)
    try writeInPieces(data, to: sink, piece: 9_999)
    try sink.finish()
    #expect(try Tool.run("zstd", ["-q", "-d", "-c", path], output: directory.file("out")) == 0)
    #expect(Bytes(try directory.read("out")) == Bytes(data))
  }

  @Test func gzipSinkOutputDecodesWithTheCLI() throws {
    try #require(Tool.exists("gzip"), "gzip CLI not installed")
    let directory = try TemporaryDirectory()
    let data = syntheticLog(byteCount: 1_000_000, seed: 52) + randomBytes(count: 100_000, seed: 53)
    let path = directory.file("out.gz").path
    let sink = try GzipSink(AtomicFileWriter(path: path), level: 6)
    try writeInPieces(data, to: sink, piece: 12_345)
    try sink.finish()
    #expect(try Tool.run("gzip", ["-d", "-c", path], output: directory.file("out")) == 0)
    #expect(Bytes(try directory.read("out")) == Bytes(data))
  }

  @Test func compressingSinksFinishTheirBase() throws {
    let zstdBase = MemorySink()
    try ZstdSink(zstdBase).finish()
    #expect(zstdBase.finishCount == 1)
    let gzipBase = MemorySink()
    try GzipSink(gzipBase).finish()
    #expect(gzipBase.finishCount == 1)
  }

  @Test func gzipOutputIsReproducible() throws {
    let data = syntheticLog(byteCount: 100_000, seed: 54)
    #expect(
      try Bytes(gzipCompressed(data, piece: 1000)) == Bytes(gzipCompressed(data, piece: 77_777)))
  }

  @Test(arguments: [0o600, 0o640, 0o755] as [mode_t])
  func committedFileHasTheRequestedMode(_ mode: mode_t) throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("report.txt").path
    let writer = try AtomicFileWriter(path: path, mode: mode)
    try Array("hello".utf8).withUnsafeBytes { try writer.write($0) }
    #expect(directory.entries.count == 1)
    #expect(directory.entries.first?.hasPrefix(".report.txt.piiscan-") == true)
    #expect(directory.entries.first?.hasSuffix(".tmp") == true)
    #expect(!FileManager.default.fileExists(atPath: path))
    try writer.commit()
    #expect(directory.entries == ["report.txt"])
    #expect(Bytes(try directory.read("report.txt")) == Bytes(Array("hello".utf8)))
    var info = stat()
    #expect(stat(path, &info) == 0)
    #expect(info.st_mode & 0o7777 == mode)
  }

  @Test func largeWritesArriveInOrder() throws {
    let directory = try TemporaryDirectory()
    let data = randomBytes(count: 700_000, seed: 55)
    let writer = try AtomicFileWriter(path: directory.file("big").path)
    var offset = 0
    for piece in [1, 100, 200_000, 3, 131_072, 131_071, 237_753] {
      try data[offset..<offset + piece].withUnsafeBytes { try writer.write($0) }
      offset += piece
    }
    #expect(offset == data.count)
    #expect(writer.bytesWritten == data.count)
    var info = stat()
    #expect(stat(writer.temporaryPath, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o600)  // partial output is private
    try writer.finish()
    #expect(Bytes(try directory.read("big")) == Bytes(data))
    #expect(stat(writer.path, &info) == 0)
    #expect(info.st_mode & 0o7777 == 0o600)  // the default mode
  }

  @Test func abortLeavesNoFileAndKeepsTheOldOne() throws {
    let directory = try TemporaryDirectory()
    let old = Array("previous complete output".utf8)
    let url = try directory.write("out.log", old)
    let writer = try AtomicFileWriter(path: url.path)
    try randomBytes(count: 300_000, seed: 56).withUnsafeBytes { try writer.write($0) }
    writer.abort()
    writer.abort()
    #expect(directory.entries == ["out.log"])
    #expect(Bytes(try directory.read("out.log")) == Bytes(old))
  }

  @Test func releasingWithoutCommitAborts() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("never.log").path
    do {
      let sink = try ZstdSink(AtomicFileWriter(path: path))
      try randomBytes(count: 300_000, seed: 57).withUnsafeBytes { try sink.write($0) }
    }
    #expect(directory.entries.isEmpty)
  }

  @Test func missingDirectoryIsWriteFailed() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("no/such/dir/out.log").path
    #expect {
      _ = try AtomicFileWriter(path: path)
    } throws: { error in
      (error as? ScanError)?.code == .writeFailed && (error as? ScanError)?.path == path
    }
  }

  @Test func committingOverADirectoryFailsAndCleansUp() throws {
    let directory = try TemporaryDirectory()
    let target = directory.file("taken")
    try FileManager.default.createDirectory(
      at: target.appendingPathComponent("child"), withIntermediateDirectories: true)
    let writer = try AtomicFileWriter(path: target.path)
    try Array("x".utf8).withUnsafeBytes { try writer.write($0) }
    #expect(throws: ScanError.self) { try writer.commit() }
    #expect(directory.entries == ["taken"])
  }

  @Test func standardOutputSinkReportsBrokenPipe() throws {
    StandardOutputSink.ignoreBrokenPipeSignal()
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    close(ends[0])
    defer { close(ends[1]) }
    let sink = StandardOutputSink(fileDescriptor: ends[1])
    #expect(throws: BrokenPipeError.self) {
      try Array("lost".utf8).withUnsafeBytes { try sink.write($0) }
      try sink.finish()
    }
    #expect(throws: BrokenPipeError.self) { try sink.finish() }
  }

  @Test func standardOutputSinkDeliversBytes() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    defer { close(ends[0]) }
    let data = Array("line one\nline two\n".utf8)
    let sink = StandardOutputSink(fileDescriptor: ends[1])
    try data.withUnsafeBytes { try sink.write($0) }
    try sink.finish()
    close(ends[1])
    var received = [UInt8](repeating: 0, count: 100)
    let n = read(ends[0], &received, received.count)
    #expect(Bytes(Array(received.prefix(max(n, 0)))) == Bytes(data))
  }
}
