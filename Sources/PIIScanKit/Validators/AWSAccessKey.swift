/// AWS access key IDs (AWS IAM User Guide, "Understanding unique ID prefixes").
///
/// Twenty characters: a four-letter prefix naming the resource type (`AKIA` long-term and
/// `ASIA` temporary access keys, `ABIA`, `ACCA`, `AGPA`, `AIDA`, `AIPA`, `ANPA`, `ANVA`, `AROA`,
/// `APKA`, `ASCA`), then 16 characters of RFC 4648 base32 (`A`–`Z`, `2`–`7`). AWS writes them in
/// upper case only, so lower case is `.rejected`. A tail of one repeated character is a
/// placeholder and is `.rejected`; the documentation example `AKIAIOSFODNN7EXAMPLE` is
/// structurally valid and `.confirmed` (patterns list it as a known example instead).
public enum AWSAccessKey {
  private static let prefixes: [[UInt8]] = [
    "AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "AROA", "APKA",
    "ASCA",
  ].map { Array($0.utf8) }

  /// `.confirmed` for a known prefix and a base32 tail, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    guard value.count == 20 else { return .rejected }
    let known = prefixes.contains { prefix in
      value[0] == prefix[0] && value[1] == prefix[1] && value[2] == prefix[2]
        && value[3] == prefix[3]
    }
    guard known else { return .rejected }
    var allSame = true
    for index in 4..<20 {
      let byte = value[index]
      guard (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x32 && byte <= 0x37) else {
        return .rejected
      }
      allSame = allSame && byte == value[4]
    }
    return allSame ? .rejected : .confirmed
  }
}
