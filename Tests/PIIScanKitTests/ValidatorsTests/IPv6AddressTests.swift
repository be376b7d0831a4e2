import PIIScanKit
import Testing

@Suite struct IPv6AddressTests {
  /// Text forms from RFC 4291 §2.2 and RFC 5952 §4 (documentation prefix 2001:db8::/32).
  @Test(arguments: [
    "2001:db8:0:0:1:0:0:1", "2001:0db8:0000:0000:0001:0000:0000:0001", "2001:db8::1",
    "2001:DB8::1", "2001:db8::", "::1", "fe80::1:2", "::ffff:192.0.2.1",
    "64:ff9b::192.0.2.33", "0:0:0:0:0:ffff:192.0.2.1", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7:8",
  ])
  func confirmsTextForms(_ value: String) {
    #expect(Verdict.of(value, IPv6Address.verdict) == .confirmed)
  }

  @Test(arguments: [
    "::",  // unspecified address, noise
    "12:34:56",  // a timestamp
    "12:34:56:78",
    "2001:db8::1::1",  // `::` twice
    "2001:db8:::1",
    "1:2:3:4:5:6:7:8:9",  // nine groups
    "1:2:3:4:5:6:7:8::",  // eight groups and `::`
    "12345::",  // five hex digits
    ":1::",  // lone leading colon
    "1::2:",  // lone trailing colon
    "2001:db8::1%eth0",  // zone identifier
    "::ffff:192.0.2.256",
    "::ffff:192.0.02.1",
    "::ffff:192.0.2.1:1",  // IPv4 not last
    "1:2:3:4:5:6:7:192.0.2.1",  // IPv4 tail makes nine groups
    "g::1",
    "",
  ])
  func rejectsMalformedText(_ value: String) {
    #expect(Verdict.of(value, IPv6Address.verdict) == .rejected)
  }
}
