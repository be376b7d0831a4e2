import Testing
import TestSupport

@testable import PIIScanKit

/// The eight-bytes-at-a-time membership test of token anchors agrees with the byte table, for
/// every byte value in every lane, and `ByteSet` parses characters and ranges as documented.
@Suite struct ByteRangesTests {
  static let sets = ["A-Z", "0-9", ":", ".-:", "A-Z0-9_", "\u{0}-\u{1F}", "a-z~", "\u{7F}"]

  @Test(arguments: sets)
  func flagsMatchTheTable(_ spec: String) throws {
    let set = try #require(ByteSet(parsing: spec))
    let ranges = try #require(ByteRanges(set.members))
    var rng = SeededRandom(seed: 0xB17E5)
    for lane in 0..<8 {
      for b in 0..<256 {
        // The byte under test in one lane, random bytes elsewhere.
        var bytes = (0..<8).map { _ in UInt8(rng.int(in: 0...255)) }
        bytes[lane] = UInt8(b)
        let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }.littleEndian
        let f = ranges.flags(word)
        for i in 0..<8 {
          let flagged = (f >> UInt64(8 * i + 7)) & 1 == 1
          #expect(flagged == set.members[Int(bytes[i])], "\(spec): byte \(bytes[i]) in lane \(i)")
        }
      }
    }
  }

  @Test func moreThanThreeRangesOrHighBytesFallBack() throws {
    #expect(ByteRanges(try #require(ByteSet(parsing: "a-cx-zA-C0-2")).members) == nil)
    var high = [Bool](repeating: false, count: 256)
    high[0xE9] = true
    #expect(ByteRanges(high) == nil)
  }

  @Test func byteSetParsesRangesAndLiteralDashes() throws {
    let set = try #require(ByteSet(parsing: "A-C_:.-"))
    let members = (0..<256).filter { set.members[$0] }.map { Character(Unicode.Scalar(UInt8($0))) }
    #expect(String(members) == "-.:ABC_")
    #expect(ByteSet(parsing: "Z-A") == nil)
  }
}
