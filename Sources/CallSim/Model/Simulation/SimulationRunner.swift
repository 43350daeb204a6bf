import Dispatch
import CallSimEngine
import Foundation

/// Runs the replications of a model, in parallel, and gathers their results in order.
///
/// Replication `r` always uses the streams of index `r`, and results are combined in index
/// order, so the output is identical for any thread count.
public enum SimulationRunner {
  /// Runs `model.settings.replications` replications on up to `threads` threads.
  /// `progress` is called (from any thread) after each replication with the number done.
  /// Returns `nil` only when `stop` was requested.
  /// - Throws: ``CountLimitError`` when a replication's hourly counts reach their limit.
  public static func run(
    _ model: CallCenterModel, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: (@Sendable (Int) -> Void)? = nil, stop: StopRequest? = nil
  ) throws -> RunResult? {
    let outcome = try runAllowingStop(model, threads: threads, progress: progress, stop: stop)
    return outcome.stopped ? nil : outcome.result
  }

  /// Like ``run(_:threads:progress:stop:)``, but when stopped early also returns the
  /// replications that had finished (in index order; `nil` when none had).
  public static func runAllowingStop(
    _ model: CallCenterModel, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: (@Sendable (Int) -> Void)? = nil, stop: StopRequest? = nil
  ) throws -> (result: RunResult?, stopped: Bool) {
    try runAllowingStop(model, threads: threads, progress: progress, stop: stop, observer: { _ in NoObserver() }, finish: { _ in })
  }

  /// Replications `indices` of the model (each with the streams of its index, as in a whole
  /// run), in index order: results of consecutive ranges, joined, are the whole run's, so a
  /// search can judge candidates on a few replications and complete only the promising ones.
  /// Returns `nil` only when `stop` was requested.
  public static func replications(
    _ model: CallCenterModel, _ indices: Range<Int>, threads: Int, stop: StopRequest? = nil
  ) throws -> [ReplicationResult]? {
    precondition(indices.lowerBound >= 0 && indices.upperBound <= model.settings.replications)
    let outcome = try runAllowingStop(
      model, indices: indices, threads: threads, progress: nil, stop: stop, observer: { _ in NoObserver() }, finish: { _ in })
    return outcome.stopped ? nil : outcome.results
  }

  /// Runs every replication with its own observer, made by `observer(r)` and handed to
  /// `finish` when replication `r` ends. The first error either throws stops the run and is
  /// rethrown.
  static func runAllowingStop<Observer: CallObserver & SendableMetatype>(
    _ model: CallCenterModel, threads: Int, progress: (@Sendable (Int) -> Void)?, stop: StopRequest?,
    observer: @Sendable (Int) throws -> Observer, finish: @Sendable (Observer) throws -> Void
  ) throws -> (result: RunResult?, stopped: Bool) {
    let outcome = try runAllowingStop(
      model, indices: 0..<model.settings.replications, threads: threads, progress: progress, stop: stop, observer: observer,
      finish: finish)
    return (outcome.results.isEmpty ? nil : RunResult(model: model, replications: outcome.results), outcome.stopped)
  }

  /// Replications `indices` with their observers; the finished ones in index order, and
  /// whether any did not finish.
  private static func runAllowingStop<Observer: CallObserver & SendableMetatype>(
    _ model: CallCenterModel, indices: Range<Int>, threads: Int, progress: (@Sendable (Int) -> Void)?, stop: StopRequest?,
    observer: @Sendable (Int) throws -> Observer, finish: @Sendable (Observer) throws -> Void
  ) throws -> (results: [ReplicationResult], stopped: Bool) {
    let n = indices.count
    let workers = max(1, min(threads, n))
    let box = ResultBox(count: n)
    let failed = StopRequest()
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var i = worker
      while i < n, stop?.isStopped != true, !failed.isStopped {
        let r = indices.lowerBound + i
        do {
          var simulation = CallCenterSimulation(model: model, replication: r, observer: try observer(r))
          let outcome = try simulation.run(stop: stop)
          try finish(simulation.observer)
          guard let result = outcome else { return }
          // Stored before `progress?(…)`: optional chaining would skip evaluating its argument.
          let done = box.store(result, at: i)
          progress?(done)
        } catch {
          box.fail(error)
          failed.stop()
          return
        }
        i += workers
      }
    }
    if let error = box.failure { throw error }
    let finished = box.finished()
    return (finished, finished.count < n)
  }
}

/// Collects per-replication results, and the first error, from worker threads.
private final class ResultBox: Sendable {
  private let state: Locked<(results: [ReplicationResult?], done: Int, failure: Error?)>

  init(count: Int) { state = Locked((Array(repeating: nil, count: count), 0, nil)) }

  /// Stores replication `index`'s result; returns how many are stored.
  func store(_ result: ReplicationResult, at index: Int) -> Int {
    state.withLock {
      $0.results[index] = result
      $0.done += 1
      return $0.done
    }
  }

  /// Keeps the first error a replication threw.
  func fail(_ error: Error) {
    state.withLock { if $0.failure == nil { $0.failure = error } }
  }

  var failure: Error? { state.withLock { $0.failure } }

  /// The finished replications, in index order.
  func finished() -> [ReplicationResult] {
    state.withLock { $0.results.compactMap { $0 } }
  }
}
