/// The paths of one JSON Lines record's values, from which RFC 6901 JSON Pointers are rendered
/// only when asked for.
///
/// Building a `String` pointer for every value cost about a third of the walker's time, while
/// the pipeline needs a pointer only for a value with a finding (a few per hundred values). So
/// the parser records each member key and array index as a node pointing at its parent, copies
/// the unescaped key bytes into one buffer, and segments keep the table and their node.
/// Immutable once built, so sharing it between segments and threads is safe.
final class JSONPointerTable: Sendable {
  /// One step of a path: a member key (`keyBytes[keyStart..<keyEnd]`) or, when `keyStart` is
  /// negative, the array index `keyEnd`; `parent` is the enclosing node or ``root``.
  struct Node: Sendable {
    let parent: Int32
    let keyStart: Int32
    let keyEnd: Int32
  }

  /// The parent of top-level members, and the node of a top-level scalar (pointer `""`).
  static var root: Int32 { -1 }

  let nodes: [Node]
  let keyBytes: [UInt8]

  init(nodes: [Node], keyBytes: [UInt8]) {
    self.nodes = nodes
    self.keyBytes = keyBytes
  }

  /// The JSON Pointer of `node`: `/`-separated reference tokens from the root, keys with `~`
  /// written `~0` and `/` written `~1` (RFC 6901 §3, §4), invalid UTF-8 as U+FFFD.
  func pointer(to node: Int32) -> String {
    var chain: [Int32] = []
    var current = node
    while current != Self.root {
      chain.append(current)
      current = nodes[Int(current)].parent
    }
    var pointer: [UInt8] = []
    for index in chain.reversed() {
      let step = nodes[Int(index)]
      pointer.append(FormatByte.slash)
      if step.keyStart < 0 {
        pointer.append(contentsOf: String(step.keyEnd).utf8)
        continue
      }
      for byte in keyBytes[Int(step.keyStart)..<Int(step.keyEnd)] {
        switch byte {
        case FormatByte.tilde: pointer.append(contentsOf: [FormatByte.tilde, 0x30])  // ~0
        case FormatByte.slash: pointer.append(contentsOf: [FormatByte.tilde, 0x31])  // ~1
        default: pointer.append(byte)
        }
      }
    }
    return String(decoding: pointer, as: UTF8.self)
  }
}
