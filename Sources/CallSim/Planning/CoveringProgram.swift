import CGLPK
import Foundation

/// A small integer covering program solved by GNU GLPK:
///
///     minimise Σ_j cost_j·x_j  subject to  Σ_j a_ij·x_j ≥ b_i for every row i,
///     x_j integer in [0, upper_j]  (upper_j optional),
///
/// with every a_ij ≥ 0 and cost_j ≥ 0, stored by sparse columns. The planner's shift schedule
/// is one (a column per shift start, a row per interval); nothing here knows about shifts.
///
/// **Solving.** The LP relaxation is solved first by `glp_simplex` with its presolver, then
/// branch and bound by `glp_intopt` starts from its optimal basis. At every heuristic point
/// of the search the node's LP solution is rounded up (which keeps every row covered because
/// a_ij ≥ 0) and then trimmed greedily, most expensive column first, while every row stays
/// covered; the result is offered to GLPK as an incumbent. The same rounding of the root LP
/// is kept as a fallback, so once the LP relaxation is solved a schedule is always returned,
/// with its gap, even when the time limit stops the search.
///
/// **Feasibility.** Because a_ij ≥ 0, the program is feasible exactly when every row is
/// covered with every column at its upper bound; that is checked before GLPK is called, so
/// an infeasible program is reported with the first row that cannot be covered.
///
/// **Threads.** GLPK keeps per-process state and is not guaranteed thread-safe: ``solve(options:)``
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
  private static let solverLock = NSLock()

  /// The cheapest integer solution (or, when the time limit or the gap stops the search, the
  /// best one found, with its gap).
  /// - Throws: ``SchedulingError/uncoverable(interval:requirement:coverable:)`` for the first
  ///   row no solution covers; ``SchedulingError/noScheduleWithinTimeLimit(seconds:)`` when
  ///   even the LP relaxation is not solved in time; ``SchedulingError/solverFailed(routine:code:)``
  ///   for any other GLPK failure.
  public func solve(options: Options = Options()) throws(SchedulingError) -> CoveringSolution {
    precondition(options.timeLimit >= 0 && options.timeLimit.isFinite, "the time limit must be finite and not negative")
    precondition(options.relativeGap >= 0 && options.relativeGap < 1, "the relative gap must be in [0, 1)")
    let started = ContinuousClock.now
    let most = coverable
    for (i, b) in demands.enumerated() where most[i] < b - Self.tolerance {
      throw .uncoverable(interval: rowLabels[i], requirement: b, coverable: most[i])
    }
    Self.solverLock.lock()
    defer { Self.solverLock.unlock() }
    return try solveWithGLPK(options: options, started: started)
  }

  private func solveWithGLPK(options: Options, started: ContinuousClock.Instant) throws(SchedulingError) -> CoveringSolution {
    let active = demands.indices.filter { demands[$0] > 0 }
    func finish(_ x: [Int], bound: Double, optimal: Bool) -> CoveringSolution {
      let cost = cost(of: x)
      var lower = min(bound, cost)
      if columns.allSatisfy({ $0.cost == $0.cost.rounded() }) { lower = min(cost, (lower - 1e-6).rounded(.up)) }
      let proven = optimal || cost - lower <= 1e-9 * max(1, cost)
      let gap = proven || cost <= 0 ? 0 : max(0, (cost - lower) / cost)
      let elapsed = started.duration(to: .now)
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      return CoveringSolution(
        values: x, cost: cost, lowerBound: proven ? cost : lower, gap: gap, isProvenOptimal: proven,
        solveSeconds: seconds, coverage: coverage(of: x))
    }
    if active.isEmpty { return finish(Array(repeating: 0, count: columns.count), bound: 0, optimal: true) }

    glp_term_out(GLP_OFF)
    guard let lp = glp_create_prob() else { throw .solverFailed(routine: "glp_create_prob", code: "no problem object") }
    defer { glp_delete_prob(lp) }
    glp_set_obj_dir(lp, GLP_MIN)

    // Rows: only those with a demand above 0 (the others hold whatever the solution).
    var glpkRow = [Int32](repeating: 0, count: demands.count)
    glp_add_rows(lp, Int32(active.count))
    for (k, i) in active.enumerated() {
      glpkRow[i] = Int32(k + 1)
      glp_set_row_bnds(lp, Int32(k + 1), GLP_LO, demands[i], 0)
    }
    // Columns, and the matrix in GLPK's 1-based triplets (element 0 unused).
    var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
    glp_add_cols(lp, Int32(columns.count))
    for (j, column) in columns.enumerated() {
      let c = Int32(j + 1)
      glp_set_col_kind(lp, c, GLP_IV)
      switch column.upper {
      case nil: glp_set_col_bnds(lp, c, GLP_LO, 0, 0)
      case 0?: glp_set_col_bnds(lp, c, GLP_FX, 0, 0)
      case let u?: glp_set_col_bnds(lp, c, GLP_DB, 0, Double(u))
      }
      glp_set_obj_coef(lp, c, column.cost)
      for e in column.entries where glpkRow[e.row] != 0 {
        ia.append(glpkRow[e.row])
        ja.append(c)
        ar.append(e.coefficient)
      }
    }
    glp_load_matrix(lp, Int32(ia.count - 1), ia, ja, ar)

    // LP relaxation.
    var smcp = glp_smcp()
    glp_init_smcp(&smcp)
    smcp.msg_lev = GLP_MSG_OFF
    smcp.presolve = GLP_ON
    smcp.tm_lim = Self.milliseconds(remainingOf: options.timeLimit, since: started)
    let lpCode = glp_simplex(lp, &smcp)
    if lpCode == GLP_ETMLIM { throw .noScheduleWithinTimeLimit(seconds: options.timeLimit) }
    guard lpCode == 0 else { throw .solverFailed(routine: "glp_simplex", code: Self.returnCodeName(lpCode)) }
    guard glp_get_status(lp) == GLP_OPT else {
      throw .solverFailed(routine: "glp_simplex", code: "status " + Self.statusName(glp_get_status(lp)))
    }
    let lpBound = glp_get_obj_val(lp)
    let fallback = roundedUp((0..<columns.count).map { glp_get_col_prim(lp, Int32($0 + 1)) })

    // Branch and bound.
    let search = Search(program: self)
    var iocp = glp_iocp()
    glp_init_iocp(&iocp)
    iocp.msg_lev = GLP_MSG_OFF
    iocp.presolve = GLP_OFF  // the callback's columns must be the program's columns
    iocp.mip_gap = options.relativeGap
    iocp.tm_lim = Self.milliseconds(remainingOf: options.timeLimit, since: started)
    iocp.cb_info = Unmanaged.passUnretained(search).toOpaque()
    iocp.cb_func = { tree, info in
      guard let tree, let info else { return }
      Unmanaged<Search>.fromOpaque(info).takeUnretainedValue().visit(tree)
    }
    let mipCode = withExtendedLifetime(search) { glp_intopt(lp, &iocp) }
    let bound = max(lpBound, search.bestBound)
    switch mipCode {
    case 0, GLP_EMIPGAP, GLP_ETMLIM:
      let status = glp_mip_status(lp)
      if status == GLP_OPT || status == GLP_FEAS {
        let x = (0..<columns.count).map { Int(glp_mip_col_val(lp, Int32($0 + 1)).rounded()) }
        if cost(of: x) <= cost(of: fallback) || !isFeasible(fallback) {
          return finish(x, bound: bound, optimal: mipCode == 0 && status == GLP_OPT)
        }
      } else if mipCode != GLP_ETMLIM {
        throw .solverFailed(routine: "glp_intopt", code: "status " + Self.statusName(status))
      }
      return finish(fallback, bound: bound, optimal: false)
    default:
      throw .solverFailed(routine: "glp_intopt", code: Self.returnCodeName(mipCode))
    }
  }

  /// The LP values `v` rounded up (clipped to the upper bounds), then trimmed: columns from
  /// the most expensive down are lowered one unit at a time while every row stays covered.
  /// Rounding up keeps every row covered because the coefficients are not negative.
  /// - Complexity: O(nnz · max x_j) for nnz nonzero coefficients.
  func roundedUp(_ v: [Double]) -> [Int] {
    var x = v.enumerated().map { j, value in
      let up = Int(max(0, (value - 1e-6).rounded(.up)))
      return columns[j].upper.map { min($0, up) } ?? up
    }
    var slack = zip(coverage(of: x), demands).map { $0 - $1 }
    let order = columns.indices.filter { x[$0] > 0 }.sorted { columns[$0].cost > columns[$1].cost }
    for j in order {
      while x[j] > 0 && columns[j].entries.allSatisfy({ slack[$0.row] - $0.coefficient >= -Self.tolerance || demands[$0.row] <= 0 }) {
        x[j] -= 1
        for e in columns[j].entries { slack[e.row] -= e.coefficient }
      }
    }
    return x
  }

  /// What the branch-and-bound callback reads and records.
  private final class Search {
    let program: CoveringProgram
    /// The best proven lower bound seen during the search.
    var bestBound = -Double.infinity

    init(program: CoveringProgram) { self.program = program }

    func visit(_ tree: OpaquePointer) {
      if glp_ios_reason(tree) == GLP_IHEUR, let node = glp_ios_get_prob(tree) {
        let n = program.columns.count
        let x = program.roundedUp((0..<n).map { glp_get_col_prim(node, Int32($0 + 1)) })
        if program.isFeasible(x) {
          let values = [0] + x.map(Double.init)
          _ = glp_ios_heur_sol(tree, values)
        }
      }
      let best = glp_ios_best_node(tree)
      if best != 0 { bestBound = max(bestBound, glp_ios_node_bound(tree, best)) }
    }
  }

  /// Milliseconds left of `limit` seconds, as GLPK's `tm_lim` wants them.
  private static func milliseconds(remainingOf limit: Double, since start: ContinuousClock.Instant) -> Int32 {
    let elapsed = start.duration(to: .now)
    let used = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return Int32(min(Double(Int32.max - 1), max(0, (limit - used) * 1000)).rounded(.down))
  }

  /// GLPK's name for a return code of `glp_simplex` or `glp_intopt`.
  static func returnCodeName(_ code: Int32) -> String {
    let names: [Int32: String] = [
      GLP_EBADB: "GLP_EBADB (invalid basis)", GLP_ESING: "GLP_ESING (singular matrix)",
      GLP_ECOND: "GLP_ECOND (ill-conditioned matrix)", GLP_EBOUND: "GLP_EBOUND (invalid bounds)",
      GLP_EFAIL: "GLP_EFAIL (solver failed)", GLP_EOBJLL: "GLP_EOBJLL (objective lower limit reached)",
      GLP_EOBJUL: "GLP_EOBJUL (objective upper limit reached)", GLP_EITLIM: "GLP_EITLIM (iteration limit exceeded)",
      GLP_ETMLIM: "GLP_ETMLIM (time limit exceeded)", GLP_ENOPFS: "GLP_ENOPFS (no primal feasible solution)",
      GLP_ENODFS: "GLP_ENODFS (no dual feasible solution)", GLP_EROOT: "GLP_EROOT (root LP optimum not provided)",
      GLP_ESTOP: "GLP_ESTOP (search terminated by application)", GLP_EMIPGAP: "GLP_EMIPGAP (relative mip gap tolerance reached)",
      GLP_ENOFEAS: "GLP_ENOFEAS (no primal/dual feasible solution)", GLP_ENOCVG: "GLP_ENOCVG (no convergence)",
      GLP_EINSTAB: "GLP_EINSTAB (numerical instability)", GLP_EDATA: "GLP_EDATA (invalid data)",
      GLP_ERANGE: "GLP_ERANGE (result out of range)",
    ]
    return names[code] ?? "return code \(code)"
  }

  /// GLPK's name for a solution status.
  static func statusName(_ status: Int32) -> String {
    let names: [Int32: String] = [
      GLP_UNDEF: "GLP_UNDEF (undefined)", GLP_FEAS: "GLP_FEAS (feasible)", GLP_INFEAS: "GLP_INFEAS (infeasible)",
      GLP_NOFEAS: "GLP_NOFEAS (no feasible solution)", GLP_OPT: "GLP_OPT (optimal)", GLP_UNBND: "GLP_UNBND (unbounded)",
    ]
    return names[status] ?? "\(status)"
  }
}
