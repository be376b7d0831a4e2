/// Lists of ids under small integer keys, for a pass that tests a key at every byte: one bit
/// per key says whether it has a list, and a set key's list is found by rank (the set bits
/// before it) rather than by a dictionary. Immutable after `init`.
///
/// Used by the keyword pass (keys are byte pairs) and the context-word pass (keys are three
/// folded bytes).
struct KeyedLists: Sendable {
  /// One bit per key (`bits[key >> 6] >> (key & 63)`), set when the key has a list. The hot
  /// loops test it through a pointer to this array.
  let bits: [UInt64]
  /// Per 64-key word of `bits`: the set bits in the words before it. A set key's slot is its
  /// word's rank plus the set bits below it in its word (slots are in key order).
  private let rank: [UInt32]
  /// Slot `s` lists `ids[start[s] ..< start[s + 1]]`.
  private let start: [Int]
  private let ids: [Int]

  /// `lists` maps keys below `keyCount` (a multiple of 64) to their ids, in order.
  init(keyCount: Int, lists: [Int: [Int]]) {
    var bits = [UInt64](repeating: 0, count: keyCount / 64)
    for key in lists.keys { bits[key >> 6] |= 1 << UInt64(key & 63) }
    var rank: [UInt32] = []
    rank.reserveCapacity(bits.count)
    var below: UInt32 = 0
    for word in bits {
      rank.append(below)
      below += UInt32(word.nonzeroBitCount)
    }
    let ordered = lists.keys.sorted().map { lists[$0]! }
    self.bits = bits
    self.rank = rank
    start = ordered.reduce(into: [0]) { $0.append($0.last! + $1.count) }
    ids = ordered.flatMap { $0 }
  }

  /// Calls `body` with each id listed under `key`, whose bit is set.
  @inline(__always)
  func forEachID(ofKey key: Int, _ body: (Int) -> Void) {
    let word = bits[key &>> 6]
    let below = word & ((1 &<< UInt64(key & 63)) &- 1)
    let slot = Int(rank[key &>> 6]) &+ below.nonzeroBitCount
    var k = start[slot]
    let end = start[slot &+ 1]
    while k < end {
      body(ids[k])
      k &+= 1
    }
  }
}
