/// GitHub access tokens in the formats GitHub introduced in 2021 ("Behind GitHub's new
/// authentication token formats", GitHub blog, 2021-04-05).
///
/// - Classic tokens: a type prefix `ghp_` (personal), `gho_` (OAuth), `ghu_` (user-to-server),
///   `ghs_` (server-to-server) or `ghr_` (refresh), then 36 base62 characters: 30 random ones
///   and a 6-character checksum. The checksum is the CRC-32 (``CRC32``) of the 30 random
///   characters alone (not of the prefix), written in base62 with the alphabet `0-9A-Za-z` and
///   left-padded with `0`. GitHub's post names the checksum without the algorithm; this is the
///   construction open-source secret scanners verify (Samsung's CredSweeper,
///   `ValueGitHubCheck`; DataDog's dd-sensitive-data-scanner, `github_token_checksum.rs`), and
///   the sample tokens in their test suites satisfy it. `.confirmed` when the checksum matches,
///   else `.rejected`.
/// - Fine-grained personal access tokens: `github_pat_`, 22 base62 characters, `_`, 59 base62
///   characters. Their checksum is not published, so a structurally valid one is
///   `.unverifiable`; anything else is `.rejected`.
///
/// Tokens are case-sensitive; the value is taken as matched (there is nothing to normalize).
public enum GitHubToken {
  /// `.confirmed`, `.unverifiable` or `.rejected` as described on the type.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    if value.count == 40 { return classicVerdict(value) }
    if value.count == 93 { return fineGrainedVerdict(value) }
    return .rejected
  }

  private static func classicVerdict(_ value: [UInt8]) -> Verdict {
    guard value[0] == UInt8(ascii: "g"), value[1] == UInt8(ascii: "h"),
      value[3] == UInt8(ascii: "_")
    else { return .rejected }
    switch value[2] {
    case UInt8(ascii: "p"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "s"),
      UInt8(ascii: "r"):
      break
    default:
      return .rejected
    }
    var encoded: UInt64 = 0
    for index in 4..<40 {
      guard let digit = base62Value(value[index]) else { return .rejected }
      if index >= 34 { encoded = encoded * 62 + UInt64(digit) }
    }
    return encoded == UInt64(CRC32.checksum(value, 4..<34)) ? .confirmed : .rejected
  }

  private static func fineGrainedVerdict(_ value: [UInt8]) -> Verdict {
    for (index, byte) in prefix.enumerated() where value[index] != byte { return .rejected }
    for index in 11..<93 {
      let ok = index == 33 ? value[index] == UInt8(ascii: "_") : base62Value(value[index]) != nil
      guard ok else { return .rejected }
    }
    return .unverifiable
  }

  private static let prefix: [UInt8] = Array("github_pat_".utf8)

  /// The digit value in base62 with the alphabet `0-9A-Za-z`, or nil.
  @inline(__always)
  private static func base62Value(_ byte: UInt8) -> Int? {
    switch byte {
    case 0x30...0x39: return Int(byte &- 0x30)
    case 0x41...0x5A: return Int(byte &- 0x41) + 10
    case 0x61...0x7A: return Int(byte &- 0x61) + 36
    default: return nil
    }
  }
}
