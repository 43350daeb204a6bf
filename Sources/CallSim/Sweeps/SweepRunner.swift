import Dispatch
import CallSimEngine
import Synchronization
import Foundation

/// Runs a sweep's points in parallel and hands each finished point to the caller.
///
/// Points are taken in grid order by up to `threads` workers; a point runs its replications
/// on its worker's thread (or, when fewer points than threads remain, on several: results
/// do not depend on it). Every point's model carries the sweep's seed and replication r
/// always draws from streams r, so a point's numbers do not depend on the order, the
/// threads, the shard or an interruption.
public enum SweepRunner {
  /// How the run ended.
  public enum Outcome: Sendable, Equatable {
    case completed
    /// `stop` was requested; the points in flight were dropped.
    case stopped
  }

  /// A point's simulation failed: it broke call conservation (a bug in callsim, reported
  /// rather than written as results), or its counts reached their limit (``CountLimitError``).
  public struct PointFailure: Error, CustomStringConvertible {
    public let description: String
  }

  /// Runs `points` on up to `threads` threads; `finished` is called (from any thread, one
  /// call at a time) with each point's record as it finishes. The first error `finished`
  /// throws stops the run and is rethrown.
  public static func run(
    _ points: [SweepPoint], metrics: [SweepMetric], threads: Int, stop: StopRequest?,
    finished: @Sendable (PointRecord, _ replications: Int) throws -> Void
  ) throws -> Outcome {
    let workers = max(1, min(threads, points.count))
    let next = Atomic<Int>(0)
    let failure = Locked<Error?>(nil)
    let serial = Locked(())
    let failed = StopRequest()
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while stop?.isStopped != true, !failed.isStopped {
        let i = next.add(1, ordering: .relaxed).oldValue
        guard i < points.count else { return }
        let point = points[i]
        let remaining = points.count - i
        let inner = remaining < workers ? max(1, threads / remaining) : 1
        do {
          let run: RunResult?
          do {
            run = try SimulationRunner.run(point.model, threads: inner, stop: stop)
          } catch let error as CountLimitError {
            throw PointFailure(description: "point \(point.number): \(error)")
          }
          guard let result = run else { return }
          let broken = result.conservationErrors
          guard broken.isEmpty else {
            throw PointFailure(description: "point \(point.number): calls not conserved (a bug in callsim): \(broken.prefix(3).joined(separator: "; "))")
          }
          let record = PointRecord(point: point, result: result, metrics: metrics)
          try serial.withLock { _ in try finished(record, result.replications.count) }
        } catch {
          failure.withLock { if $0 == nil { $0 = error } }
          failed.stop()
          stop?.stop()
          return
        }
      }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    return stop?.isStopped == true ? .stopped : .completed
  }
}
