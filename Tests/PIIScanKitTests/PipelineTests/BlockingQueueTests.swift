import Testing

@testable import PIIScanKit

/// The work queue hands items out in order and lets go of each as it is popped: it carries
/// chunks, and one that kept popped chunks held a whole file's bytes in memory.
@Suite struct BlockingQueueTests {
  final class Item: Sendable {
    let n: Int
    init(_ n: Int) { self.n = n }
  }

  @Test func poppedItemsAreReleasedAndTheRestAreKept() {
    let queue = BlockingQueue<Item>()
    weak var first: Item?
    weak var second: Item?
    weak var third: Item?
    do {
      let items = [Item(1), Item(2), Item(3)]
      (first, second, third) = (items[0], items[1], items[2])
      for item in items { queue.push(item) }
    }
    #expect(queue.pop()?.n == 1)
    #expect(first == nil, "a popped item is no longer held by the queue")
    #expect(second != nil && third != nil, "queued items are")
    #expect(queue.pop()?.n == 2)
    #expect(queue.pop()?.n == 3)
    #expect(second == nil && third == nil)
  }

  @Test func itemsComeOutInOrderUntilCloseDrainsThem() {
    let queue = BlockingQueue<Item>()
    // More than the compaction threshold, popped while more arrive.
    var popped: [Int] = []
    for n in 0..<3000 {
      queue.push(Item(n))
      if n % 3 == 0, let item = queue.pop() { popped.append(item.n) }
    }
    queue.close()
    while let item = queue.pop() { popped.append(item.n) }
    #expect(popped == Array(0..<3000))
    #expect(queue.pop() == nil, "closed and drained stays nil")
  }
}

/// A freed chunk buffer's storage serves the next buffer of its size, so a scan does not map
/// and fault in fresh memory for every chunk.
@Suite struct ChunkBufferTests {
  @Test func storageIsReusedForTheSameSize() {
    // Above glibc's largest mmap threshold (32 MiB), so without reuse the storage would be
    // unmapped and the next one mapped zeroed: a byte written before the free survives only
    // if the storage is kept. A size no other test uses, so parallel tests cannot take it.
    let size = 40 << 20 | 123
    var first: ChunkBuffer? = ChunkBuffer(capacity: size)
    first!.storage[1 << 20] = 0xA5
    first = nil
    let second = ChunkBuffer(capacity: size)
    #expect(second.storage[1 << 20] == 0xA5)
    #expect(second.storage.count == size)
  }
}
