import Foundation
import TestSupport
import Testing

@testable import PIIScanKit

@Suite struct FileLockTests {
  /// flock locks belong to open file descriptions, so a second lock in the same process
  /// conflicts just like one in another process.
  @Test func secondLockFailsAtOnceUntilTheFirstIsReleased() throws {
    let dir = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = FileLock.path(forCatalog: dir.appendingPathComponent("c.db").path)
    #expect(path.hasSuffix("c.db.lock"))
    let first = try FileLock(path: path, wait: false)
    #expect(throws: FileLock.Failure.held) { try FileLock(path: path, wait: false) }
    first.release()
    let second = try FileLock(path: path, wait: false)
    second.release()
  }

  @Test func lockInAMissingDirectoryIsASystemError() {
    #expect(throws: FileLock.Failure.self) {
      try FileLock(path: "/nonexistent-dir-for-piiscan/c.db.lock", wait: false)
    }
  }
}
