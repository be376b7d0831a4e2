/// Keccak-256 as used by Ethereum: the Keccak[c=512] sponge over Keccak-f[1600] with the
/// *original* Keccak multi-rate padding (first pad byte 0x01), not FIPS 202 SHA3-256 (0x06).
///
/// Reference: G. Bertoni, J. Daemen, M. Peeters, G. Van Assche, "The Keccak reference",
/// version 3.0 (2011), sections 1.2 (Keccak-f) and 5 (padding); round constants and rotation
/// offsets as in FIPS 202 section 3.2. Ethereum Yellow Paper, appendix "KEC".
/// Keccak-256("") = c5d24601…5d85a470.
public enum Keccak256 {
  /// The sponge rate in bytes: (1600 − 2 × 256) / 8.
  private static let rate = 136

  private static let roundConstants: [UInt64] = [
    0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808A,
    0x8000_0000_8000_8000, 0x0000_0000_0000_808B, 0x0000_0000_8000_0001,
    0x8000_0000_8000_8081, 0x8000_0000_0000_8009, 0x0000_0000_0000_008A,
    0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000A,
    0x0000_0000_8000_808B, 0x8000_0000_0000_008B, 0x8000_0000_0000_8089,
    0x8000_0000_0000_8003, 0x8000_0000_0000_8002, 0x8000_0000_0000_0080,
    0x0000_0000_0000_800A, 0x8000_0000_8000_000A, 0x8000_0000_8000_8081,
    0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
  ]

  /// Rotation offsets r[x, y], indexed by lane x + 5y.
  private static let rotations: [UInt64] = [
    0, 1, 62, 28, 27,
    36, 44, 6, 55, 20,
    3, 10, 43, 25, 39,
    41, 45, 15, 21, 8,
    18, 2, 61, 56, 14,
  ]

  /// The 32-byte Keccak-256 digest of `message`.
  public static func hash(_ message: [UInt8]) -> [UInt8] {
    sponge(message, domainPadding: 0x01)
  }

  /// The 256-bit sponge with the given first padding byte: 0x01 is Keccak-256, 0x06 is FIPS 202
  /// SHA3-256 (used by the tests, which have SHA3 vectors for multi-block messages).
  static func sponge(_ message: [UInt8], domainPadding: UInt8) -> [UInt8] {
    var state = [UInt64](repeating: 0, count: 25)
    // Pad: append the domain byte, zero-fill to a multiple of the rate, set the top bit of the
    // last byte (pad10*1; both bits may land in the same byte).
    var padded = message
    padded.append(domainPadding)
    while padded.count % rate != 0 { padded.append(0) }
    padded[padded.count - 1] |= 0x80

    var offset = 0
    while offset < padded.count {
      for lane in 0..<(rate / 8) {
        var word: UInt64 = 0
        for byte in 0..<8 {
          word |= UInt64(padded[offset + lane * 8 + byte]) << (8 * UInt64(byte))
        }
        state[lane] ^= word
      }
      permute(&state)
      offset += rate
    }

    var digest = [UInt8]()
    digest.reserveCapacity(32)
    for lane in 0..<4 {
      for byte in 0..<8 {
        digest.append(UInt8(truncatingIfNeeded: state[lane] >> (8 * UInt64(byte))))
      }
    }
    return digest
  }

  /// Keccak-f[1600]: 24 rounds of θ, ρ, π, χ, ι on 25 little-endian 64-bit lanes.
  private static func permute(_ a: inout [UInt64]) {
    var b = [UInt64](repeating: 0, count: 25)
    var c = [UInt64](repeating: 0, count: 5)
    for round in 0..<24 {
      // θ
      for x in 0..<5 { c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20] }
      for x in 0..<5 {
        let d = c[(x + 4) % 5] ^ rotate(c[(x + 1) % 5], 1)
        for y in 0..<5 { a[x + 5 * y] ^= d }
      }
      // ρ and π: B[y, 2x + 3y] = rot(A[x, y], r[x, y])
      for x in 0..<5 {
        for y in 0..<5 {
          b[y + 5 * ((2 * x + 3 * y) % 5)] = rotate(a[x + 5 * y], rotations[x + 5 * y])
        }
      }
      // χ
      for x in 0..<5 {
        for y in 0..<5 {
          a[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y])
        }
      }
      // ι
      a[0] ^= roundConstants[round]
    }
  }

  @inline(__always)
  private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
    count == 0 ? value : (value << count) | (value >> (64 - count))
  }
}
