import PIIScanKit
import Testing

@Suite struct MACAddressTests {
  /// IEEE 802 canonical (hyphen), colon and Cisco dotted forms; `00:00:5e:00:53:xx` is the
  /// documentation block of RFC 7042 §2.1.
  @Test(arguments: [
    "00:00:5e:00:53:01", "00-00-5E-00-53-01", "0000.5e00.5301", "AA:bb:CC:dd:EE:ff",
  ])
  func confirmsCommonForms(_ value: String) {
    #expect(Verdict.of(value, MACAddress.verdict) == .confirmed)
  }

  @Test(arguments: [
    "00:00:5e-00:53:01",  // mixed separators
    "00.00.5e.00.53.01",  // dots between pairs
    "00005e005301",  // no separators
    "00:00:5e:00:53",  // five groups
    "00:00:5e:00:53:01:02",
    "00:00:5g:00:53:01",
    "0000.5e00.530",
    "0000:5e00:5301",
    "12:34:56",
    "",
  ])
  func rejectsOtherShapes(_ value: String) {
    #expect(Verdict.of(value, MACAddress.verdict) == .rejected)
  }
}
