import Foundation

/// A one-line progress counter on standard error, shown only on a terminal.
final class ProgressLine: @unchecked Sendable {
  private let total: Int
  private let enabled: Bool
  private let lock = NSLock()

  init(total: Int, enabled: Bool) {
    self.total = total
    self.enabled = enabled && isatty(STDERR_FILENO) == 1
  }

  func update(done: Int) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    FileHandle.standardError.write(Data("\rreplication \(done)/\(total)".utf8))
  }

  func finish() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
