import Dispatch
import Foundation

/// Runs the replications of a model, in parallel, and gathers their results in order.
///
/// Replication `r` always uses the streams of index `r`, and results are combined in index
/// order, so the output is identical for any thread count.
public enum SimulationRunner {
  /// Runs `model.settings.replications` replications on up to `threads` threads.
  /// `progress` is called (from any thread) after each replication with the number done.
  /// `shouldStop` is polled between replications; when it returns true the run ends early
  /// and `nil` is returned.
  public static func run(
    _ model: CallCenterModel, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: (@Sendable (Int) -> Void)? = nil,
    shouldStop: (@Sendable () -> Bool)? = nil
  ) -> RunResult? {
    let n = model.settings.replications
    let workers = max(1, min(threads, n))
    let box = ResultBox(count: n)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var r = worker
      while r < n {
        if shouldStop?() == true { return }
        var simulation = CallCenterSimulation(model: model, replication: r)
        let result = simulation.run()
        let done = box.store(result, at: r)
        progress?(done)
        r += workers
      }
    }
    guard let results = box.complete() else { return nil }
    return RunResult(model: model, replications: results)
  }
}

/// Collects per-replication results from worker threads.
private final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [ReplicationResult?]
  private var done = 0

  init(count: Int) { results = Array(repeating: nil, count: count) }

  func store(_ result: ReplicationResult, at index: Int) -> Int {
    lock.lock()
    defer { lock.unlock() }
    results[index] = result
    done += 1
    return done
  }

  func complete() -> [ReplicationResult]? {
    lock.lock()
    defer { lock.unlock() }
    let all = results.compactMap { $0 }
    return all.count == results.count ? all : nil
  }
}
