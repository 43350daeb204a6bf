import Dispatch
import Foundation
import Synchronization

/// Runs the replications of a model, in parallel, and gathers their results in order.
///
/// Replication `r` always uses the streams of index `r`, and results are combined in index
/// order, so the output is identical for any thread count.
public enum SimulationRunner {
  /// Runs `model.settings.replications` replications on up to `threads` threads.
  /// `progress` is called (from any thread) after each replication with the number done.
  /// Returns `nil` only when `stop` was requested.
  public static func run(
    _ model: CallCenterModel, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: (@Sendable (Int) -> Void)? = nil, stop: StopRequest? = nil
  ) -> RunResult? {
    let outcome = runAllowingStop(model, threads: threads, progress: progress, stop: stop)
    return outcome.stopped ? nil : outcome.result
  }

  /// Like ``run(_:threads:progress:stop:)``, but when stopped early also returns the
  /// replications that had finished (in index order; `nil` when none had).
  public static func runAllowingStop(
    _ model: CallCenterModel, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: (@Sendable (Int) -> Void)? = nil, stop: StopRequest? = nil
  ) -> (result: RunResult?, stopped: Bool) {
    let n = model.settings.replications
    let workers = max(1, min(threads, n))
    let box = ResultBox(count: n)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var r = worker
      while r < n, stop?.isStopped != true {
        var simulation = CallCenterSimulation(model: model, replication: r)
        guard let result = simulation.run(stop: stop) else { return }
        // Stored before `progress?(…)`: optional chaining would skip evaluating its argument.
        let done = box.store(result, at: r)
        progress?(done)
        r += workers
      }
    }
    let finished = box.finished()
    let result = finished.isEmpty ? nil : RunResult(model: model, replications: finished)
    return (result, finished.count < n)
  }
}

/// Collects per-replication results from worker threads.
private final class ResultBox: Sendable {
  private let state: Mutex<(results: [ReplicationResult?], done: Int)>

  init(count: Int) { state = Mutex((Array(repeating: nil, count: count), 0)) }

  /// Stores replication `index`'s result; returns how many are stored.
  func store(_ result: ReplicationResult, at index: Int) -> Int {
    state.withLock {
      $0.results[index] = result
      $0.done += 1
      return $0.done
    }
  }

  /// The finished replications, in index order.
  func finished() -> [ReplicationResult] {
    state.withLock { $0.results.compactMap { $0 } }
  }
}
