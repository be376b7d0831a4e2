/// A run's identifier: a random (version 4) UUID, RFC 9562 §5.4, in its lowercase
/// 8-4-4-4-12 hex text form. OpenLineage requires `run.runId` to be a UUID.
public struct RunID: Sendable, Hashable, CustomStringConvertible {
  /// The 36-character text, e.g. `0f8fad5b-d9cb-469f-a165-70867728950e`.
  public let text: String

  /// A new ID from the system generator (`getrandom(2)` on Linux).
  public static func random() -> RunID {
    var rng = SystemRandomNumberGenerator()
    return random(using: &rng)
  }

  /// A new ID from `generator`; tests pass a seeded one to get a fixed ID.
  public static func random(using generator: inout some RandomNumberGenerator) -> RunID {
    let high = generator.next() as UInt64
    let low = generator.next() as UInt64
    var bytes: [UInt8] = (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
    bytes += (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
    bytes[6] = bytes[6] & 0x0F | 0x40  // version 4
    bytes[8] = bytes[8] & 0x3F | 0x80  // variant 10xx (RFC 9562 §4.1)
    return RunID(bytes: bytes)
  }

  /// The ID with exactly these 16 bytes (no version bits are changed).
  public init(bytes: [UInt8]) {
    precondition(bytes.count == 16, "RunID: a UUID has 16 bytes")
    let hex = bytes.hexString
    var text = ""
    for (i, c) in hex.enumerated() {
      if [8, 12, 16, 20].contains(i) { text.append("-") }
      text.append(c)
    }
    self.text = text
  }

  /// The text form, ``text``.
  public var description: String { text }
}
