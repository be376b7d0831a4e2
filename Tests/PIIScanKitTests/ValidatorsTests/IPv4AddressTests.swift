import PIIScanKit
import Testing

@Suite struct IPv4AddressTests {
  /// Documentation ranges of RFC 5737 and the edges of the octet range.
  @Test(arguments: ["192.0.2.1", "198.51.100.255", "203.0.113.0", "0.0.0.0", "255.255.255.255"])
  func confirmsDottedQuads(_ value: String) {
    #expect(Verdict.of(value, IPv4Address.verdict) == .confirmed)
  }

  @Test(arguments: [
    "192.0.2.01",  // leading zero
    "010.0.0.1",
    "256.0.0.1",  // octet above 255
    "192.0.2",  // three octets: a version number
    "10.0.19041.1",  // Windows build number
    "1.2.3.4.5",
    "1..2.3",
    "1.2.3.",
    ".1.2.3",
    "1.2.3.4 ",
    "1234.1.1.1",
    "a.b.c.d",
    "",
  ])
  func rejectsMalformedQuads(_ value: String) {
    #expect(Verdict.of(value, IPv4Address.verdict) == .rejected)
  }
}
