import Foundation

/// A small integer covering program solved by GNU GLPK:
///
///     minimise Σ_j cost_j·x_j  subject to  Σ_j a_ij·x_j ≥ b_i for every row i,
///     x_j integer in [0, upper_j]  (upper_j optional),
///
/// with every a_ij ≥ 0 and cost_j ≥ 0, stored by sparse columns. The planner's shift schedule
/// is one (a column per shift start, a row per interval); nothing here knows about shifts.
///
/// **Solving** (`CoveringProgram+GLPK.swift`). The LP relaxation, strengthened by head-count
/// cuts (Σ x_j over the columns covering a row ≥ ⌈b_i / largest a_ij⌉), is solved first by
/// `glp_simplex` with its presolver, then branch and bound by `glp_intopt` starts from its
/// optimal basis. At every heuristic point of the search the node's LP solution is rounded up
/// (which keeps every row covered because a_ij ≥ 0) and then trimmed greedily, most expensive
/// column first, while every row stays covered; the result is offered to GLPK as an
/// incumbent. The same rounding of the root LP is kept as a fallback, so once the LP
/// relaxation is solved a solution is always returned, with its gap, even when the time
/// limit stops the search. For big programs the caller can name neighbourhoods (groups of
/// columns): branch and bound then gets part of the time and the rest improves its incumbent
/// by re-solving one neighbourhood at a time with the other columns fixed (fix-and-optimize).
///
/// **Feasibility.** Because a_ij ≥ 0, the program is feasible exactly when every row is
/// covered with every column at its upper bound; that is checked before GLPK is called, so
/// an infeasible program is reported with the first row that cannot be covered.
///
/// **Threads.** GLPK keeps per-process state and is not guaranteed thread-safe: ``solve(options:neighbourhoods:)``
/// runs GLPK on the calling thread and holds a process-wide lock for the whole solve, so
/// concurrent calls wait for each other rather than running GLPK at the same time.
public struct CoveringProgram: Sendable {
  /// a_ij of one column in row `row`.
  public struct Entry: Sendable, Equatable {
    public var row: Int
    public var coefficient: Double

    public init(row: Int, coefficient: Double) {
      self.row = row
      self.coefficient = coefficient
    }
  }

  /// One integer variable x_j: its cost per unit, optional upper bound and nonzero a_ij.
  public struct Column: Sendable, Equatable {
    public var cost: Double
    public var upper: Int?
    /// Rows in increasing order, each once, coefficients above 0.
    public var entries: [Entry]
  }

  public struct Options: Sendable, Equatable {
    /// Wall-clock seconds for the LP relaxation and branch and bound together.
    public var timeLimit: Double
    /// Relative MIP gap at which the search stops: 0 proves the optimum; 0.01 stops once the
    /// incumbent is known to be within 1 % of it.
    public var relativeGap: Double

    public init(timeLimit: Double = 60, relativeGap: Double = 0) {
      self.timeLimit = timeLimit
      self.relativeGap = relativeGap
    }
  }

  /// b_i per row, in the unit of the coefficients (agents on the phones for the planner).
  public let demands: [Double]
  /// Names of the rows in error messages (the planner's interval labels).
  public let rowLabels: [String]
  public private(set) var columns: [Column] = []

  /// A program with these rows and no columns yet. Rows without a label are called "row i".
  public init(demands: [Double], rowLabels: [String]? = nil) {
    precondition(demands.allSatisfy(\.isFinite), "covering demands must be finite")
    precondition(rowLabels == nil || rowLabels!.count == demands.count, "one label per row")
    self.demands = demands
    self.rowLabels = rowLabels ?? demands.indices.map { "row \($0)" }
  }

  /// Adds x_j with `cost` per unit, at most `upper` (nil: no bound) and coefficients `entries`
  /// (entries of one row are added together; zeros are dropped). Returns j.
  @discardableResult
  public mutating func addColumn(cost: Double, upper: Int? = nil, entries: [Entry]) -> Int {
    precondition(cost.isFinite && cost >= 0, "covering costs must be finite and not negative")
    precondition(upper.map { $0 >= 0 } ?? true, "an upper bound cannot be negative")
    var merged: [Int: Double] = [:]
    for e in entries {
      precondition(demands.indices.contains(e.row), "row \(e.row) is not in the program")
      precondition(e.coefficient.isFinite && e.coefficient >= 0, "covering coefficients must be finite and not negative")
      merged[e.row, default: 0] += e.coefficient
    }
    let sorted = merged.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { Entry(row: $0.key, coefficient: $0.value) }
    columns.append(Column(cost: cost, upper: upper, entries: sorted))
    return columns.count - 1
  }

  /// Σ_j a_ij·x_j per row for the values `x` (one per column).
  public func coverage(of x: [Int]) -> [Double] {
    precondition(x.count == columns.count, "one value per column")
    var covered = [Double](repeating: 0, count: demands.count)
    for (j, column) in columns.enumerated() where x[j] != 0 {
      for e in column.entries { covered[e.row] += e.coefficient * Double(x[j]) }
    }
    return covered
  }

  /// Σ_j cost_j·x_j.
  public func cost(of x: [Int]) -> Double {
    zip(columns, x).reduce(0) { $0 + $1.0.cost * Double($1.1) }
  }

  /// Whether `x` is within its bounds and covers every row, up to `tolerance` (in the unit of
  /// the demands) for rounding in the coefficients.
  public func isFeasible(_ x: [Int], tolerance: Double = 1e-9) -> Bool {
    guard x.count == columns.count else { return false }
    for (j, column) in columns.enumerated() where x[j] < 0 || (column.upper.map { x[j] > $0 } ?? false) { return false }
    return zip(coverage(of: x), demands).allSatisfy { $0 >= $1 - tolerance }
  }

  /// The largest coverage of each row, every column at its upper bound (infinity where an
  /// unbounded column has a coefficient).
  public var coverable: [Double] {
    var most = [Double](repeating: 0, count: demands.count)
    for column in columns {
      let u = column.upper.map(Double.init) ?? .infinity
      for e in column.entries { most[e.row] += e.coefficient * u }
    }
    return most
  }

  /// Feasibility tolerance (in the unit of the demands) shared by the check before solving,
  /// the rounding heuristic and ``isFeasible(_:tolerance:)``; GLPK's own is 1e-7.
  static let tolerance = 1e-9

  /// GLPK is called by one thread at a time (see the type's comment).
  static let solverLock = NSLock()

  /// The program in CPLEX LP format (as `glpsol --lp` reads it), for inspecting it or trying
  /// other solvers and options outside callsim: rows `r<i>`, columns `x<j>`, both 0-based.
  public var cplexLP: String {
    var text = "\\ callsim covering program: \(demands.count) rows, \(columns.count) columns\nMinimize\n obj:"
    for (j, c) in columns.enumerated() { text += " + \(c.cost) x\(j)" }
    var rows = [[String]](repeating: [], count: demands.count)
    for (j, c) in columns.enumerated() { for e in c.entries { rows[e.row].append("\(e.coefficient) x\(j)") } }
    text += "\nSubject To\n"
    for (i, b) in demands.enumerated() where b > 0 { text += " r\(i): " + rows[i].joined(separator: " + ") + " >= \(b)\n" }
    text += "Bounds\n"
    for (j, c) in columns.enumerated() { text += c.upper.map { " 0 <= x\(j) <= \($0)\n" } ?? " x\(j) >= 0\n" }
    text += "General\n"
    for j in columns.indices { text += " x\(j)\n" }
    return text + "End\n"
  }
}
