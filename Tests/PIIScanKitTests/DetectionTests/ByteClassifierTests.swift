import TestSupport
import Testing

@testable import PIIScanKit

/// The sixteen-bytes-at-a-time classification of token groups' byte sets agrees with the sets'
/// own membership for every byte of every block, including the bytes of a last partial block,
/// and declines sets it cannot serve.
@Suite struct ByteClassifierTests {
  /// A set of one to four random ranges anywhere in 0...255 (high bytes and 0 included).
  static func randomSet(_ rng: inout SeededRandom) -> [Bool] {
    var members = [Bool](repeating: false, count: 256)
    for _ in 0..<rng.int(in: 1...4) {
      let low = rng.int(in: 0...255)
      let high = min(255, low + rng.int(in: 0...(rng.chance(1, in: 4) ? 120 : 12)))
      for b in low...high { members[b] = true }
    }
    return members
  }

  @Test func masksMatchMembership() throws {
    #if arch(x86_64)
      var rng = SeededRandom(seed: 0xC1A5_5E5)
      var checkedSets = 0
      for _ in 0..<200 {
        let sets = (0..<rng.int(in: 1...6)).map { _ in Self.randomSet(&rng) }
        guard let classifier = ByteClassifier(sets) else { continue }
        checkedSets += sets.count
        // Every byte value occurs; the count ends anywhere in a block, or on a tile's end.
        let count = rng.chance(1, in: 5) ? ByteClassifier.tileBytes : rng.int(in: 1...4096)
        var bytes = (0..<count).map { _ in UInt8(rng.int(in: 0...255)) }
        for b in 0..<min(256, count) { bytes[rng.int(in: 0...(count - 1))] = UInt8(b) }
        var masks = [UInt64](
          repeating: 0xDEAD_BEEF,
          count: sets.count * ByteClassifier.tileBlocks + ByteClassifier.maxIntervals)
        bytes.withUnsafeBufferPointer { input in
          masks.withUnsafeMutableBufferPointer { out in
            classifier.classify(
              input.baseAddress!, count: count, into: out.baseAddress!,
              intervalMasks: out.baseAddress! + sets.count * ByteClassifier.tileBlocks)
          }
        }
        var wrong = 0
        for (s, set) in sets.enumerated() {
          for block in 0..<((count + 63) / 64) {
            let word = masks[s * ByteClassifier.tileBlocks + block]
            for j in 0..<64 {
              let i = block * 64 + j
              let expected = i < count && set[Int(bytes[i])]
              if ((word >> UInt64(j)) & 1 == 1) != expected { wrong += 1 }
            }
          }
        }
        #expect(wrong == 0, "\(wrong) wrong bits for \(sets.count) sets over \(count) bytes")
      }
      #expect(checkedSets > 300)
    #endif
  }

  @Test func declinesWhatItCannotServe() throws {
    // Seventeen separate bytes: seventeen intervals.
    var scattered = [Bool](repeating: false, count: 256)
    for b in stride(from: 0x41, to: 0x41 + 34, by: 2) { scattered[b] = true }
    #expect(ByteClassifier([scattered]) == nil)
    // Every byte value: no interval of fewer than 256 values.
    #expect(ByteClassifier([[Bool](repeating: true, count: 256)]) == nil)
    #if arch(x86_64)
      // The default token groups fit.
      let groups = try #require(
        ByteSet(parsing: "0-9A-Fa-f:.-").map { [$0.members, ByteSet(parsing: ":.-")!.members] })
      let classifier = try #require(ByteClassifier(groups))
      #expect(classifier.setCount == 2)
    #endif
  }
}
