/// Bitcoin address: legacy Base58Check (P2PKH, P2SH) or segwit Bech32/Bech32m.
///
/// - Base58Check: 25 bytes, version 0x00 (P2PKH, `1…`) or 0x05 (P2SH, `3…`), 20-byte hash and
///   the double-SHA-256 checksum.
/// - Segwit (BIP-173, BIP-350): HRP `bc` (mainnet) or `tb` (testnet), witness version 0–16,
///   program of 2–40 bytes; version 0 needs Bech32 and a 20- or 32-byte program, versions 1–16
///   need Bech32m. Either all lower or all upper case.
public enum BitcoinAddress {
  /// `.confirmed` for a valid address, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard let first = value.first else { return .rejected }
    if first == UInt8(ascii: "1") || first == UInt8(ascii: "3") {
      return isValidBase58(value) ? .confirmed : .rejected
    }
    return isValidSegwit(value) ? .confirmed : .rejected
  }

  private static func isValidBase58(_ value: [UInt8]) -> Bool {
    guard value.count >= 26 && value.count <= 35,
      let bytes = Base58Check.decode(value, count: 25),
      bytes[0] == 0x00 || bytes[0] == 0x05
    else { return false }
    return Base58Check.hasValidChecksum(bytes)
  }

  private static func isValidSegwit(_ value: [UInt8]) -> Bool {
    guard let decoded = Bech32.decode(value), !decoded.data.isEmpty else { return false }
    guard decoded.hrp == Array("bc".utf8) || decoded.hrp == Array("tb".utf8) else { return false }
    let version = decoded.data[0]
    guard version <= 16,
      let program = Bech32.bytes(fromFiveBit: decoded.data[1...]),
      program.count >= 2 && program.count <= 40
    else { return false }
    if version == 0 {
      return decoded.encoding == .bech32 && (program.count == 20 || program.count == 32)
    }
    return decoded.encoding == .bech32m
  }
}
