import Synchronization

/// A request to stop a run early (Ctrl-C, SIGTERM, a closed wallboard), shared by every
/// thread of a run. Replications poll it between batches of events, and the writers of the
/// results folder between blocks of 64 KiB, so a run stops within a fraction of a second.
public final class StopRequest: Sendable {
  private let flag = Atomic<Bool>(false)

  public init() {}

  public func stop() { flag.store(true, ordering: .relaxed) }

  public var isStopped: Bool { flag.load(ordering: .relaxed) }

  /// Throws ``Stopped`` once a stop was requested: how long writers give up.
  public func check() throws(Stopped) {
    if isStopped { throw Stopped() }
  }

  /// Thrown by work that gave up because a stop was requested.
  public struct Stopped: Error, Sendable {}
}
