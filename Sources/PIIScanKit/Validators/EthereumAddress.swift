/// Ethereum address: `0x` + 40 hex digits, with the EIP-55 mixed-case checksum.
///
/// EIP-55: hash the lower-case hex (without `0x`) with Keccak-256; a letter is upper case exactly
/// when the corresponding hash nibble is ≥ 8. An all-lower or all-upper address carries no
/// checksum, so it is `.unverifiable`; a mixed-case one is `.confirmed` or `.rejected`.
public enum EthereumAddress {
  /// `.confirmed`/`.rejected` on the EIP-55 case checksum, `.unverifiable` without one.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 42, value[0] == UInt8(ascii: "0"), value[1] == UInt8(ascii: "x") else {
      return .rejected
    }
    var lower = [UInt8]()
    lower.reserveCapacity(40)
    var hasLower = false
    var hasUpper = false
    for byte in value[2...] {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): lower.append(byte)
      case UInt8(ascii: "a")...UInt8(ascii: "f"):
        hasLower = true
        lower.append(byte)
      case UInt8(ascii: "A")...UInt8(ascii: "F"):
        hasUpper = true
        lower.append(byte + 0x20)
      default: return .rejected
      }
    }
    guard hasLower && hasUpper else { return .unverifiable }
    let hash = Keccak256.hash(lower)
    for index in 0..<40 {
      let byte = value[index + 2]
      guard !ASCIIByte.isDigit(byte) else { continue }
      let nibble = index % 2 == 0 ? hash[index / 2] >> 4 : hash[index / 2] & 0x0F
      let isUpper = byte <= UInt8(ascii: "F")
      if isUpper != (nibble >= 8) { return .rejected }
    }
    return .confirmed
  }
}
