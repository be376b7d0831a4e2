/// A source that can look at its first bytes without consuming them: ``peek(_:)`` reads them
/// ahead, and ``read(into:)`` returns them again before the rest.
///
/// Used to sniff compression magic on standard input, which cannot seek back.
public struct PeekableSource<Base: ByteSource>: ByteSource {
  private var base: Base
  private var lookahead: [UInt8] = []
  private var lookaheadStart = 0
  private var baseEnded = false

  /// Wraps `base`.
  public init(_ base: Base) {
    self.base = base
  }

  /// Up to `count` bytes from the current position, without consuming them. Returns fewer
  /// only when the input ends first. Reads the base until it has them (a pipe may deliver
  /// them one at a time).
  public mutating func peek(_ count: Int) throws -> [UInt8] {
    if lookaheadStart > 0 {
      lookahead.removeFirst(lookaheadStart)
      lookaheadStart = 0
    }
    while lookahead.count < count && !baseEnded {
      var chunk = [UInt8](repeating: 0, count: count - lookahead.count)
      let n = try chunk.withUnsafeMutableBytes { try base.read(into: $0) }
      if n == 0 { baseEnded = true }
      lookahead += chunk[0..<n]
    }
    return Array(lookahead.prefix(count))
  }

  /// Returns peeked bytes first, then reads from the base.
  public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let pending = lookahead.count - lookaheadStart
    guard pending > 0 else {
      if baseEnded || buffer.isEmpty { return 0 }
      return try base.read(into: buffer)
    }
    let n = min(pending, buffer.count)
    lookahead.withUnsafeBytes { bytes in
      buffer.copyMemory(
        from: UnsafeRawBufferPointer(rebasing: bytes[lookaheadStart..<lookaheadStart + n]))
    }
    lookaheadStart += n
    return n
  }
}
