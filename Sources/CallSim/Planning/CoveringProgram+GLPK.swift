import CGLPK
import Foundation

extension CoveringProgram {
  /// The cheapest integer solution (or, when the time limit or the gap stops the search, the
  /// best one found, with its gap).
  ///
  /// - Parameters:
  ///   - neighbourhoods: sets of column indices (for the planner: the starts of two
  ///     consecutive days). When given, branch and bound gets 20 % of the time limit and,
  ///     if it stops short of the gap, the incumbent is improved for the rest of the time by
  ///     re-solving one neighbourhood at a time with every other column fixed, until a pass
  ///     over all of them improves nothing or the gap is reached.
  /// - Throws: ``SchedulingError/uncoverable(interval:requirement:coverable:)`` for the first
  ///   row no solution covers; ``SchedulingError/noScheduleWithinTimeLimit(seconds:)`` when
  ///   even the LP relaxation is not solved in time; ``SchedulingError/solverFailed(routine:code:)``
  ///   for any other GLPK failure.
  public func solve(options: Options = Options(), neighbourhoods: [[Int]] = []) throws(SchedulingError) -> CoveringSolution {
    precondition(options.timeLimit >= 0 && options.timeLimit.isFinite, "the time limit must be finite and not negative")
    precondition(options.relativeGap >= 0 && options.relativeGap < 1, "the relative gap must be in [0, 1)")
    precondition(neighbourhoods.joined().allSatisfy(columns.indices.contains), "neighbourhoods hold column indices")
    let most = coverable
    for (i, b) in demands.enumerated() where most[i] < b - Self.tolerance {
      throw .uncoverable(interval: rowLabels[i], requirement: b, coverable: most[i])
    }
    Self.solverLock.lock()
    defer { Self.solverLock.unlock() }
    // GLPK keeps an environment per thread until `glp_free_env`; a solve may run on a pooled
    // thread that later exits, so every solve frees it (no problem object outlives a solve).
    defer { glp_free_env() }
    // The time limit counts from here: time spent waiting for another solve is not the solver's.
    let started = ContinuousClock.now
    let deadline = started + .seconds(options.timeLimit)
    let searchShare = neighbourhoods.isEmpty ? 1 : 0.2
    let search = try branchAndBound(
      until: started + .seconds(options.timeLimit * searchShare), gap: options.relativeGap, incumbent: nil,
      timeLimit: options.timeLimit)
    var x = search.x
    var lower = min(search.bound, cost(of: x))
    if Self.costsAreWhole(columns) { lower = min(cost(of: x), (lower - 1e-6).rounded(.up)) }
    func gap(_ x: [Int]) -> Double { let c = cost(of: x); return c <= 0 ? 0 : max(0, (c - lower) / c) }
    if !search.optimal && gap(x) > options.relativeGap {
      x = improve(x, neighbourhoods: neighbourhoods, deadline: deadline, isGoodEnough: { gap($0) <= options.relativeGap })
    }
    let c = cost(of: x)
    let proven = search.optimal || c - lower <= 1e-9 * max(1, c)
    return CoveringSolution(
      values: x, cost: c, lowerBound: proven ? c : lower, gap: proven ? 0 : gap(x), isProvenOptimal: proven,
      solveSeconds: Self.seconds(started.duration(to: .now)), coverage: coverage(of: x))
  }

  /// Fix-and-optimize: re-solves each neighbourhood's columns with all other columns fixed at
  /// `x` (GLPK, exact gap, at most 2 s each, starting from `x`), keeping any cheaper solution,
  /// pass after pass while a pass improves something and until `isGoodEnough` or `deadline`.
  func improve(_ start: [Int], neighbourhoods: [[Int]], deadline: ContinuousClock.Instant, isGoodEnough: ([Int]) -> Bool) -> [Int] {
    var x = start
    var improved = true
    while improved && ContinuousClock.now < deadline && !isGoodEnough(x) {
      improved = false
      for (h, hood) in neighbourhoods.enumerated() {
        let now = ContinuousClock.now
        if now >= deadline || isGoodEnough(x) { break }
        let left = Self.seconds(now.duration(to: deadline))
        // An equal share of what is left, between 0.5 and 2 s, so that a pass ends in time
        // for another when the neighbourhoods are many.
        let share = min(2, max(0.5, left / Double(neighbourhoods.count - h)))
        let (sub, current) = subprogram(freeing: hood, at: x)
        guard let found = try? sub.branchAndBound(until: now + .seconds(min(left, share)), gap: 0, incumbent: current, timeLimit: left)
        else { continue }
        if sub.cost(of: found.x) < sub.cost(of: current) - 1e-9 {
          for (k, j) in hood.enumerated() { x[j] = found.x[k] }
          improved = true
        }
      }
    }
    return x
  }

  /// The program over the columns `free` with every other column fixed at `x`: the rows they
  /// touch, each demand less what the fixed columns cover. Also returns `x` on `free`.
  func subprogram(freeing free: [Int], at x: [Int]) -> (CoveringProgram, [Int]) {
    var residual = zip(demands, coverage(of: x)).map { $0 - $1 }
    for j in free { for e in columns[j].entries { residual[e.row] += e.coefficient * Double(x[j]) } }
    var newRow: [Int: Int] = [:]
    var subDemands: [Double] = []
    for j in free {
      for e in columns[j].entries where newRow[e.row] == nil {
        newRow[e.row] = subDemands.count
        subDemands.append(residual[e.row])
      }
    }
    var sub = CoveringProgram(demands: subDemands)
    for j in free {
      let c = columns[j]
      sub.addColumn(cost: c.cost, upper: c.upper, entries: c.entries.map { Entry(row: newRow[$0.row]!, coefficient: $0.coefficient) })
    }
    return (sub, free.map { x[$0] })
  }

  /// GLPK's LP relaxation and branch and bound until `deadline`, with head-count cuts, the
  /// rounding heuristic and `incumbent` (when given and feasible) as a starting solution.
  /// Returns the best solution found (never worse than `incumbent`), a proven lower bound and
  /// whether the search proved optimality.
  ///
  /// Head-count cuts: for each row, Σ a_ij·x_j ≥ b_i with a_ij ≤ a_max gives
  /// Σ_{j: a_ij > 0} x_j ≥ ⌈b_i / a_max⌉ (a Chvátal–Gomory rounding: every covering agent
  /// counts at most a_max, and agents are whole), added where the rounding gains something.
  func branchAndBound(
    until deadline: ContinuousClock.Instant, gap: Double, incumbent: [Int]?, timeLimit: Double
  ) throws(SchedulingError) -> (x: [Int], bound: Double, optimal: Bool) {
    let active = demands.indices.filter { demands[$0] > 0 }
    if active.isEmpty { return (Array(repeating: 0, count: columns.count), 0, true) }

    glp_term_out(GLP_OFF)
    guard let lp = glp_create_prob() else { throw .solverFailed(routine: "glp_create_prob", code: "no problem object") }
    defer { glp_delete_prob(lp) }
    glp_set_obj_dir(lp, GLP_MIN)

    var glpkRow = [Int32](repeating: 0, count: demands.count)
    glp_add_rows(lp, Int32(active.count))
    for (k, i) in active.enumerated() {
      glpkRow[i] = Int32(k + 1)
      glp_set_row_bnds(lp, Int32(k + 1), GLP_LO, demands[i], 0)
    }
    // Columns, and the matrix in GLPK's 1-based triplets (element 0 unused).
    var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
    var rowColumns = [[Int32]](repeating: [], count: demands.count)
    var rowMax = [Double](repeating: 0, count: demands.count)
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
        rowColumns[e.row].append(c)
        rowMax[e.row] = max(rowMax[e.row], e.coefficient)
      }
    }
    for i in active {
      let heads = demands[i] / rowMax[i]
      let needed = (heads - 1e-9).rounded(.up)
      guard needed > heads + 1e-9 else { continue }
      let r = glp_add_rows(lp, 1)
      glp_set_row_bnds(lp, r, GLP_LO, needed, 0)
      for c in rowColumns[i] {
        ia.append(r)
        ja.append(c)
        ar.append(1)
      }
    }
    glp_load_matrix(lp, Int32(ia.count - 1), ia, ja, ar)

    // LP relaxation.
    var smcp = glp_smcp()
    glp_init_smcp(&smcp)
    smcp.msg_lev = GLP_MSG_OFF
    smcp.presolve = GLP_ON
    smcp.tm_lim = Self.milliseconds(until: deadline)
    let lpCode = glp_simplex(lp, &smcp)
    if lpCode == GLP_ETMLIM { throw .noScheduleWithinTimeLimit(seconds: timeLimit) }
    guard lpCode == 0 else { throw .solverFailed(routine: "glp_simplex", code: Self.returnCodeName(lpCode)) }
    guard glp_get_status(lp) == GLP_OPT else {
      throw .solverFailed(routine: "glp_simplex", code: "status " + Self.statusName(glp_get_status(lp)))
    }
    let lpBound = glp_get_obj_val(lp)
    var best = roundedUp((0..<columns.count).map { glp_get_col_prim(lp, Int32($0 + 1)) })
    if let incumbent, isFeasible(incumbent), cost(of: incumbent) <= cost(of: best) { best = incumbent }

    // Branch and bound.
    let search = Search(program: self, incumbent: best)
    var iocp = glp_iocp()
    glp_init_iocp(&iocp)
    iocp.msg_lev = GLP_MSG_OFF
    iocp.presolve = GLP_OFF  // the callback's columns must be the program's columns
    iocp.mip_gap = gap
    iocp.tm_lim = Self.milliseconds(until: deadline)
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
        if isFeasible(x) && cost(of: x) <= cost(of: best) {
          return (x, bound, mipCode == 0 && status == GLP_OPT)
        }
      } else if mipCode != GLP_ETMLIM {
        throw .solverFailed(routine: "glp_intopt", code: "status " + Self.statusName(status))
      }
      return (best, bound, false)
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
      while x[j] > 0
        && columns[j].entries.allSatisfy({ slack[$0.row] - $0.coefficient >= -Self.tolerance || demands[$0.row] <= 0 })
      {
        x[j] -= 1
        for e in columns[j].entries { slack[e.row] -= e.coefficient }
      }
    }
    return x
  }

  /// What the branch-and-bound callback reads and records.
  private final class Search {
    let program: CoveringProgram
    /// A solution to offer GLPK at the first heuristic point.
    var incumbent: [Int]?
    /// The best proven lower bound seen during the search.
    var bestBound = -Double.infinity

    init(program: CoveringProgram, incumbent: [Int]?) {
      self.program = program
      self.incumbent = incumbent
    }

    func visit(_ tree: OpaquePointer) {
      if glp_ios_reason(tree) == GLP_IHEUR {
        if let x = incumbent {
          _ = glp_ios_heur_sol(tree, [0] + x.map(Double.init))
          incumbent = nil
        }
        if let node = glp_ios_get_prob(tree) {
          let x = program.roundedUp((0..<program.columns.count).map { glp_get_col_prim(node, Int32($0 + 1)) })
          if program.isFeasible(x) { _ = glp_ios_heur_sol(tree, [0] + x.map(Double.init)) }
        }
      }
      let best = glp_ios_best_node(tree)
      if best != 0 { bestBound = max(bestBound, glp_ios_node_bound(tree, best)) }
    }
  }

  static func costsAreWhole(_ columns: [Column]) -> Bool { columns.allSatisfy { $0.cost == $0.cost.rounded() } }

  static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

  /// Milliseconds until `deadline`, as GLPK's `tm_lim` wants them.
  static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
    let left = seconds(ContinuousClock.now.duration(to: deadline))
    return Int32(min(Double(Int32.max - 1), max(0, left * 1000)).rounded(.down))
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
