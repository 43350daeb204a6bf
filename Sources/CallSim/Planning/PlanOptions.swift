/// How `callsim plan` searches: the planning interval, the simulation budget and the
/// solver's limits.
public struct PlanOptions: Sendable, Equatable {
  /// Seconds: 900, 1800 or 3600.
  public var intervalSeconds: Double
  /// Simulation runs allowed in all (correction and schedule checks together), at least 2.
  public var iterations: Int
  /// Threads for each simulation run.
  public var threads: Int
  /// Seconds the shift-scheduling solver may spend on one schedule.
  public var solverTimeLimit: Double
  /// Relative gap at which the solver may stop (0 = proven optimum).
  public var solverGap: Double
  /// Share by which an hour's mean may miss a target before its staffing is raised (see
  /// ``HourVerdict``).
  public var tolerance: Double

  public init(intervalSeconds: Double = 1800, iterations: Int = 10, threads: Int = 2, solverTimeLimit: Double = 60, solverGap: Double = 0.02, tolerance: Double = 0.02) {
    self.intervalSeconds = intervalSeconds
    self.iterations = iterations
    self.threads = threads
    self.solverTimeLimit = solverTimeLimit
    self.solverGap = solverGap
    self.tolerance = tolerance
  }

  /// The intervals `--interval` accepts, in seconds.
  public static let allowedIntervals: [Double] = [900, 1800, 3600]
}
