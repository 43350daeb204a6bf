/// A general mixed-integer linear program, minimised, solved by GNU GLPK
/// (`IntegerProgram+GLPK.swift`):
///
///     minimise Σ_j cost_j·x_j  subject to  lower_i ≤ Σ_j a_ij·x_j ≤ upper_i for every row i,
///     lower_j ≤ x_j ≤ upper_j,  x_j integer for the integer columns,
///
/// with coefficients and costs of any sign, stored by sparse rows. Unlike ``CoveringProgram``
/// nothing about the structure is assumed, so there is no rounding heuristic of its own: a
/// caller that knows one passes a starting solution (an incumbent) to ``solve(options:incumbent:fixed:)``.
/// The tour-scheduling program (``TourScheduling``) is one.
public struct IntegerProgram: Sendable {
  /// a_ij: `coefficient` of column `column` in a row.
  public struct Term: Sendable, Equatable {
    public var column: Int
    public var coefficient: Double

    public init(column: Int, coefficient: Double) {
      self.column = column
      self.coefficient = coefficient
    }
  }

  /// One variable: its cost per unit, bounds and kind.
  public struct Column: Sendable, Equatable {
    public var cost: Double
    public var lower: Double
    /// nil: no upper bound.
    public var upper: Double?
    public var isInteger: Bool
  }

  /// One constraint: lower ≤ Σ terms ≤ upper (nil: that side is free).
  public struct Row: Sendable, Equatable {
    public var lower: Double?
    public var upper: Double?
    /// Columns in increasing order, each once, coefficients other than 0.
    public var terms: [Term]
  }

  /// A solution and how good it is known to be.
  public struct Solution: Sendable, Equatable {
    /// x_j per column (integer columns hold whole numbers).
    public var values: [Double]
    /// Σ cost_j·x_j.
    public var objective: Double
    /// A proven lower bound on the optimal objective (equal to `objective` when proven optimal).
    public var bound: Double
    /// (objective − bound) / |objective| (0 when proven optimal or when the objective is 0).
    public var gap: Double
    public var isProvenOptimal: Bool
    /// Wall-clock seconds of the solve (LP relaxation and branch and bound).
    public var solveSeconds: Double
  }

  public private(set) var columns: [Column] = []
  public private(set) var rows: [Row] = []

  public init() {}

  /// Adds x_j with `cost` per unit, in [`lower`, `upper`] (nil: no upper bound). Returns j.
  @discardableResult
  public mutating func addColumn(cost: Double, lower: Double = 0, upper: Double? = nil, isInteger: Bool = true) -> Int {
    precondition(cost.isFinite && lower.isFinite, "costs and lower bounds must be finite")
    precondition(upper.map { $0.isFinite && $0 >= lower } ?? true, "an upper bound must be finite and at least the lower bound")
    columns.append(Column(cost: cost, lower: lower, upper: upper, isInteger: isInteger))
    return columns.count - 1
  }

  /// Adds the row `lower` ≤ Σ `terms` ≤ `upper` (terms of one column are added together;
  /// zeros are dropped). Returns its index.
  @discardableResult
  public mutating func addRow(_ terms: [Term], lower: Double? = nil, upper: Double? = nil) -> Int {
    precondition(lower != nil || upper != nil, "a row needs a lower or an upper bound")
    precondition((lower.map(\.isFinite) ?? true) && (upper.map(\.isFinite) ?? true), "row bounds must be finite")
    if let lower, let upper { precondition(lower <= upper, "a row's lower bound cannot exceed its upper bound") }
    var merged: [Int: Double] = [:]
    for t in terms {
      precondition(columns.indices.contains(t.column), "column \(t.column) is not in the program")
      precondition(t.coefficient.isFinite, "coefficients must be finite")
      merged[t.column, default: 0] += t.coefficient
    }
    let sorted = merged.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { Term(column: $0.key, coefficient: $0.value) }
    rows.append(Row(lower: lower, upper: upper, terms: sorted))
    return rows.count - 1
  }

  /// Changes the cost of column `j` (for solving the same rows for another objective).
  public mutating func setCost(_ cost: Double, ofColumn j: Int) {
    precondition(cost.isFinite, "costs must be finite")
    columns[j].cost = cost
  }

  /// Σ cost_j·x_j.
  public func objective(of x: [Double]) -> Double {
    precondition(x.count == columns.count, "one value per column")
    return zip(columns, x).reduce(0) { $0 + $1.0.cost * $1.1 }
  }

  /// Whether `x` keeps every bound, row and integrality, up to `tolerance`.
  public func isFeasible(_ x: [Double], tolerance: Double = 1e-6) -> Bool {
    guard x.count == columns.count else { return false }
    for (j, c) in columns.enumerated() {
      if x[j] < c.lower - tolerance || (c.upper.map { x[j] > $0 + tolerance } ?? false) { return false }
      if c.isInteger && abs(x[j] - x[j].rounded()) > tolerance { return false }
    }
    for row in rows {
      let sum = row.terms.reduce(0) { $0 + $1.coefficient * x[$1.column] }
      if let l = row.lower, sum < l - tolerance { return false }
      if let u = row.upper, sum > u + tolerance { return false }
    }
    return true
  }
}
