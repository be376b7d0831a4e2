/// The search loop of the keyword and context-word passes: the next position whose pair of
/// bytes (`base[i] | base[i + 1] << 8`, one 16-bit load) has its bit set in a 65,536-bit table.
///
/// Each position is one load and one bit test with no dependency on the position before; the
/// passes check candidates out of line. On the bench log the keyword pass stops at 0.3% of
/// positions, the context-word pass (about a hundred leading pairs) at 8%.
enum PairScan {
  /// The first position in `from..<to` whose pair has its bit set in `bits`, or `to`. Out of
  /// line, so that its loop keeps everything in registers. `to` must leave a byte after it.
  @inline(never)
  static func next(
    in base: UnsafePointer<UInt8>, from: Int, to: Int, bits: UnsafePointer<UInt64>
  ) -> Int {
    var i = from
    while i < to {
      let key = Self.key(base, i)
      if (bits[key &>> 6] &>> UInt64(key & 63)) & 1 != 0 { return i }
      i &+= 1
    }
    return to
  }

  /// The pair key at `i`: `base[i] | base[i + 1] << 8`.
  @inline(__always)
  static func key(_ base: UnsafePointer<UInt8>, _ i: Int) -> Int {
    Int(UInt16(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt16.self)))
  }
}
