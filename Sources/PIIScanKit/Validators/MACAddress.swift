/// IEEE 802 MAC-48 / EUI-48 addresses in their common text forms (IEEE Std 802-2014 §8.1).
///
/// Takes the raw matched value, separators included: this validator is used with an empty
/// `normalize`, because the separators are what tells an address from any 12 hex digits.
/// Accepted: six pairs of hex digits (either case) joined by the same separator throughout,
/// `:` or `-` (`00:1a:2b:3c:4d:5e`, `00-1A-2B-3C-4D-5E`), or Cisco's three dot-separated
/// quads (`001a.2b3c.4d5e`). Mixed separators and other lengths are `.rejected`.
public enum MACAddress {
  /// `.confirmed` for a MAC address in one of the accepted forms, else `.rejected`.
  public static func verdict(_ value: [UInt8]) -> Verdict {
    switch value.count {
    case 17:
      let separator = value[2]
      guard separator == UInt8(ascii: ":") || separator == UInt8(ascii: "-") else {
        return .rejected
      }
      for index in 0..<17 {
        let ok = index % 3 == 2 ? value[index] == separator : ASCII.hexValue(value[index]) != nil
        guard ok else { return .rejected }
      }
      return .confirmed
    case 14:
      for index in 0..<14 {
        let ok =
          index % 5 == 4
          ? value[index] == UInt8(ascii: ".") : ASCII.hexValue(value[index]) != nil
        guard ok else { return .rejected }
      }
      return .confirmed
    default:
      return .rejected
    }
  }
}
