import TestSupport
import Testing

@testable import PIIScanKit

@Suite struct LineagePrimitivesTests {
  @Test func runIDsAreVersion4UUIDs() {
    var rng = SeededRandom(seed: 7)
    for _ in 0..<100 {
      let id = RunID.random(using: &rng).text
      let groups = id.split(separator: "-").map(\.count)
      #expect(groups == [8, 4, 4, 4, 12])
      #expect(id.allSatisfy { "0123456789abcdef-".contains($0) })
      let chars = Array(id.unicodeScalars)
      #expect(chars[14] == "4", "version nibble")
      #expect(["8", "9", "a", "b"].contains(chars[19]), "variant bits 10xx")
    }
  }

  @Test func runIDsAreFixedBySeedAndDifferOtherwise() {
    var a = SeededRandom(seed: 42)
    var b = SeededRandom(seed: 42)
    #expect(RunID.random(using: &a) == RunID.random(using: &b))
    #expect(RunID.random() != RunID.random())
  }

  @Test(arguments: [
    (Int64(0), 0, "1970-01-01T00:00:00.000Z"),
    (951_782_400, 5, "2000-02-29T00:00:00.005Z"),
    (1_700_000_000, 123, "2023-11-14T22:13:20.123Z"),
    (4_107_542_399, 999, "2100-02-28T23:59:59.999Z"),
    (-1, 50, "1969-12-31T23:59:59.050Z"),
  ])
  func formatsRFC3339InUTC(_ seconds: Int64, _ ms: Int, _ expected: String) {
    #expect(LineageTime(seconds: seconds, milliseconds: ms).rfc3339 == expected)
  }

  @Test func nowIsAfter2020() {
    #expect(LineageTime.now() > LineageTime(seconds: 1_577_836_800))
  }

  /// RFC 4648 §10 test vectors.
  @Test(arguments: [
    ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
    ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
  ])
  func base64MatchesRFC4648(_ plain: String, _ encoded: String) {
    #expect(Base64.encode(Array(plain.utf8)) == encoded)
    #expect(Base64.decode(Array(encoded.utf8)) == Array(plain.utf8))
  }

  @Test(arguments: ["Zg=", "Zh==", "Z===", "Zm9v!", "=Zm9", "Zg==Zg=="])
  func base64RejectsNonCanonicalText(_ text: String) {
    #expect(Base64.decode(Array(text.utf8)) == nil)
  }

  @Test func base64RoundTripsEveryByte() {
    var rng = SeededRandom(seed: 3)
    for length in 0..<70 {
      let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      #expect(Base64.decode(Array(Base64.encode(bytes).utf8)) == bytes)
    }
  }
}
