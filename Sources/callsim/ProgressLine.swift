import CallSimEngine
import Foundation

/// A one-line progress counter on standard error, shown only on a terminal. Replications
/// report from several threads; the mutex keeps their lines from interleaving.
final class ProgressLine: Sendable {
  private let total: Int
  private let enabled: Bool
  private let terminal = Locked(())

  init(total: Int, enabled: Bool) {
    self.total = total
    self.enabled = enabled && isatty(STDERR_FILENO) == 1
  }

  func update(done: Int) {
    guard enabled else { return }
    terminal.withLock { _ in FileHandle.standardError.write(Data("\rreplication \(done)/\(total)".utf8)) }
  }

  func finish() {
    guard enabled else { return }
    terminal.withLock { _ in FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
