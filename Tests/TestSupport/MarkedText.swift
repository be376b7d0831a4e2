/// Text with expected spans marked by «guillemets», so tests need no offset arithmetic
/// (swift-format's emoji markers): `MarkedText("mail «jane@example.com» today")`.
public struct MarkedText {
  /// The text without markers, as bytes.
  public let bytes: [UInt8]
  /// The marked spans, in order, as byte ranges into `bytes`.
  public let spans: [Range<Int>]

  public init(_ marked: String) {
    var out: [UInt8] = []
    var spans: [Range<Int>] = []
    var open: Int? = nil
    for ch in marked {
      if ch == "«" {
        open = out.count
      } else if ch == "»" {
        spans.append(open!..<out.count)
        open = nil
      } else {
        out += Array(String(ch).utf8)
      }
    }
    bytes = out
    self.spans = spans
  }
}
