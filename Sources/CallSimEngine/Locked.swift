import Foundation

/// A value shared between threads, reached only under a lock.
///
/// A pthread mutex (through `NSLock`), not the `Synchronization` module's `Mutex`: on Linux
/// `Mutex` hands a contended lock over through the kernel (priority-inheritance futexes),
/// which ThreadSanitizer cannot see, so every contended use was reported as a data race and
/// the sanitizer run could no longer find real ones. The `Sendable` claim holds because every
/// access to `value` is inside ``withLock(_:)``.
public final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  public init(_ value: Value) { self.value = value }

  /// Runs `body` with the value, holding the lock.
  public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
