/// The integer solution of a ``CoveringProgram`` and how good it is known to be.
public struct CoveringSolution: Sendable, Equatable {
  /// x_j per column, in the order the columns were added.
  public var values: [Int]
  /// Σ cost_j·x_j, in the program's cost unit.
  public var cost: Double
  /// A proven lower bound on the optimal cost (the LP relaxation or the branch-and-bound
  /// bound, rounded up to a whole unit when every cost is a whole number); equal to `cost`
  /// when the solution is proven optimal.
  public var lowerBound: Double
  /// (cost − lowerBound) / cost: the solution is at most this share above the optimum
  /// (0 when proven optimal or when the cost is 0).
  public var gap: Double
  /// Whether no integer solution costs less (within GLPK's tolerances).
  public var isProvenOptimal: Bool
  /// Wall-clock seconds of the solve (LP relaxation and branch and bound).
  public var solveSeconds: Double
  /// Σ_j a_ij·x_j per row, in the unit of the demands.
  public var coverage: [Double]

  public init(
    values: [Int], cost: Double, lowerBound: Double, gap: Double, isProvenOptimal: Bool, solveSeconds: Double,
    coverage: [Double]
  ) {
    self.values = values
    self.cost = cost
    self.lowerBound = lowerBound
    self.gap = gap
    self.isProvenOptimal = isProvenOptimal
    self.solveSeconds = solveSeconds
    self.coverage = coverage
  }
}
