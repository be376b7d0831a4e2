import TestSupport
import Foundation
import PIIScanKit
import Testing
import Zstd

/// SplitMix64: a tiny deterministic generator, so test data is the same on every run.
typealias SplitMix64 = SeededRandom

/// Synthetic, compressible log-like bytes (no personal data): fixed vocabulary, seeded numbers.
func syntheticLog(byteCount: Int, seed: UInt64) -> [UInt8] {
  var rng = SplitMix64(seed: seed)
  let words = [
    "GET", "POST", "/api/items", "/health", "status=200", "status=404", "worker",
    "queue", "latency_ms=", "trace", "INFO", "WARN", "job", "retry", "cache", "miss", "hit",
  ]
  var out: [UInt8] = []
  out.reserveCapacity(byteCount + 128)
  var line = 0
  while out.count < byteCount {
    line += 1
    out += Array("2024-01-01T00:00:\(line % 60) ".utf8)
    for _ in 0..<Int.random(in: 3...9, using: &rng) {
      out += Array(words[Int.random(in: 0..<words.count, using: &rng)].utf8)
      out += Array("\(UInt16.random(in: 0...999, using: &rng)) ".utf8)
    }
    out.append(0x0A)
  }
  return Array(out.prefix(byteCount))
}

/// Incompressible seeded bytes.
func randomBytes(count: Int, seed: UInt64) -> [UInt8] {
  var rng = SplitMix64(seed: seed)
  return (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
}

/// A source over an in-memory array that hands out at most `chunk` bytes per read, and can
/// fail with `failure` once `failAfter` bytes were delivered.
struct MemorySource: ByteSource {
  let bytes: [UInt8]
  var chunk: Int = .max
  var failAfter: Int? = nil
  var failure = ScanError(.unreadable, "synthetic read failure")
  private var position = 0

  init(_ bytes: [UInt8], chunk: Int = .max, failAfter: Int? = nil) {
    self.bytes = bytes
    self.chunk = chunk
    self.failAfter = failAfter
  }

  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    if let failAfter, position >= failAfter { throw failure }
    var n = min(buffer.count, chunk, bytes.count - position)
    if let failAfter { n = min(n, failAfter - position) }
    guard n > 0 else { return 0 }
    bytes.withUnsafeBytes { source in
      buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + n]))
    }
    position += n
    return n
  }
}

/// A sink that keeps everything in memory and records whether it was finished.
final class MemorySink: ByteSink {
  var bytes: [UInt8] = []
  var finishCount = 0
  func write(_ chunk: UnsafeRawBufferPointer) throws { bytes += chunk }
  func finish() throws { finishCount += 1 }
}

/// What draining a source produced: every byte returned before the first error, and that error.
struct Drained {
  var bytes: [UInt8] = []
  var error: (any Error)?
  var readCalls = 0
  var scanError: ScanError? { error as? ScanError }
}

/// Reads `source` to its end (or first error) with a buffer of `chunkSize` bytes.
func drain(_ source: inout some ByteSource, chunkSize: Int) -> Drained {
  var result = Drained()
  let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
  defer { buffer.deallocate() }
  while true {
    result.readCalls += 1
    do {
      let n = try source.read(into: buffer)
      if n == 0 { return result }
      result.bytes += UnsafeRawBufferPointer(rebasing: buffer[0..<n])
    } catch {
      result.error = error
      return result
    }
  }
}

func drain(_ source: any ByteSource, chunkSize: Int) -> Drained {
  var opened = source
  return drain(&opened, chunkSize: chunkSize)
}

/// Compresses `data` with ``ZstdSink`` into memory, writing it in `pieces` chunks.
func zstdCompressed(_ data: [UInt8], level: Int = 3, workers: Int = 0, piece: Int = 65_536)
  throws -> [UInt8]
{
  let memory = MemorySink()
  let sink = try ZstdSink(memory, level: level, workers: workers)
  try writeInPieces(data, to: sink, piece: piece)
  try sink.finish()
  return memory.bytes
}

/// Compresses `data` with ``GzipSink`` into memory.
func gzipCompressed(_ data: [UInt8], level: Int = 6, piece: Int = 65_536) throws -> [UInt8] {
  let memory = MemorySink()
  let sink = try GzipSink(memory, level: level)
  try writeInPieces(data, to: sink, piece: piece)
  try sink.finish()
  return memory.bytes
}

func writeInPieces(_ data: [UInt8], to sink: some ByteSink, piece: Int) throws {
  var sink = sink
  var offset = 0
  while offset < data.count {
    let end = min(offset + piece, data.count)
    try data[offset..<end].withUnsafeBytes { try sink.write($0) }
    offset = end
  }
}

/// Command-line tools the tests compare against, found on `PATH`.
enum Tool {
  static func path(_ name: String) -> String? {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
      .split(separator: ":")
    for directory in directories {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  static func exists(_ name: String) -> Bool { path(name) != nil }

  /// Runs `tool` with `arguments`, stdin from `input` (a file path) and stdout into `output`.
  /// Returns the exit status.
  @discardableResult
  static func run(_ tool: String, _ arguments: [String], input: URL? = nil, output: URL? = nil)
    throws -> Int32
  {
    guard let executable = path(tool) else { throw CocoaError(.fileNoSuchFile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
    if let output {
      _ = FileManager.default.createFile(atPath: output.path, contents: nil)
      process.standardOutput = try FileHandle(forWritingTo: output)
    }
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }
}

/// A fresh temporary directory, removed when the value is released.
final class TemporaryDirectory {
  let url: URL
  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-codec-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(at: url) }

  func file(_ name: String) -> URL { url.appendingPathComponent(name) }

  func write(_ name: String, _ bytes: [UInt8]) throws -> URL {
    let target = file(name)
    try Data(bytes).write(to: target)
    return target
  }

  func read(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: file(name))) }

  var entries: [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted() ?? []
  }
}

/// Bytes compared in expectations: a failure prints the length and the first differing offset
/// instead of dumping megabytes.
struct Bytes: Equatable, CustomTestStringConvertible {
  let value: [UInt8]
  init(_ value: [UInt8]) { self.value = value }
  init(_ value: ArraySlice<UInt8>) { self.value = Array(value) }
  var testDescription: String { "\(value.count) bytes" }
}

extension Bytes {
  /// Where `self` and `other` first differ, for failure comments.
  func firstDifference(from other: Bytes) -> Int? {
    zip(value, other.value).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? (value.count == other.value.count ? nil : min(value.count, other.value.count))
  }
}

extension Drained: CustomTestStringConvertible {
  var testDescription: String { "\(bytes.count) bytes then \(error.map { "\($0)" } ?? "end")" }
}

/// Compresses `data` into one frame with a configured ``ZstdCompressor``, in `piece`-byte
/// writes, driving the wrapper API directly.
func zstdCompressed(_ data: [UInt8], with compressor: ZstdCompressor, piece: Int = 65_536)
  throws -> [UInt8]
{
  var compressed: [UInt8] = []
  var output = [UInt8](repeating: 0, count: ZstdCompressor.recommendedOutputSize)
  var offset = 0
  while offset < data.count {
    let end = min(offset + piece, data.count)
    var position = offset
    while position < end {
      let step = try data[position..<end].withUnsafeBytes { input in
        try output.withUnsafeMutableBytes { try compressor.compress(input, into: $0) }
      }
      position += step.inputConsumed
      compressed += output[0..<step.outputProduced]
    }
    offset = end
  }
  while true {
    let step = try output.withUnsafeMutableBytes { try compressor.finish(into: $0) }
    compressed += output[0..<step.outputProduced]
    if step.isComplete { return compressed }
  }
}
