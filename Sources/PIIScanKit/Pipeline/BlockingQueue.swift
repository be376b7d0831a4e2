import Dispatch
import Synchronization

/// A FIFO that blocks `pop` until an item or `close()` arrives; for feeding worker threads.
///
/// A popped item's slot is emptied at once: the queue holds chunks (megabytes each), and a slot
/// that kept its chunk until the array was next compacted held every chunk of a file in
/// memory, so a scan's memory grew with its input.
final class BlockingQueue<Element: Sendable>: Sendable {
  private let state = Mutex<(items: [Element?], head: Int, closed: Bool)>(([], 0, false))
  private let available = DispatchSemaphore(value: 0)

  func push(_ element: Element) {
    state.withLock { $0.items.append(element) }
    available.signal()
  }

  /// No more items will be pushed: every waiting and future `pop` returns nil once drained.
  func close() {
    state.withLock { $0.closed = true }
    available.signal()
  }

  func pop() -> Element? {
    while true {
      available.wait()
      let result: (Element?, Bool) = state.withLock { s in
        if s.head < s.items.count {
          let e = s.items[s.head].take()
          s.head += 1
          if s.head == s.items.count {
            s.items.removeAll(keepingCapacity: true)
            s.head = 0
          } else if s.head > 1024 && s.head * 2 > s.items.count {
            s.items.removeFirst(s.head)
            s.head = 0
          }
          return (e, false)
        }
        return (nil, s.closed)
      }
      if let e = result.0 { return e }
      if result.1 {
        available.signal()  // let the next waiter see the close too
        return nil
      }
    }
  }
}
