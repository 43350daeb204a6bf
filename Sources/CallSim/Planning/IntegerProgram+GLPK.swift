import CGLPK
import Foundation

extension IntegerProgram {
  /// The cheapest solution (or, when the time limit or the gap stops the search, the best one
  /// found, with its gap).
  ///
  /// The LP relaxation is solved by `glp_simplex` with its presolver, then `glp_intopt` runs
  /// branch and bound from its optimal basis (without presolve, so that the callback sees the
  /// program's own columns) with GLPK's mixed-integer rounding cuts and its feasibility pump.
  /// GLPK's terminal output is off. Like ``CoveringProgram/solve(options:neighbourhoods:)``
  /// this holds ``CoveringProgram/solverLock`` for the whole solve and frees GLPK's
  /// environment of the calling thread at the end.
  ///
  /// - Parameters:
  ///   - incumbent: a solution to start from, offered to GLPK at the first heuristic point
  ///     (ignored unless feasible with `fixed`); returned when the search finds nothing better.
  ///   - fixed: columns held at a value (their bounds become that value), for re-solving part
  ///     of a program with the rest fixed.
  /// - Throws: ``SchedulingError/infeasibleProgram`` when no solution exists;
  ///   ``SchedulingError/noScheduleWithinTimeLimit(seconds:)`` when the time limit passes with
  ///   no integer solution; ``SchedulingError/solverFailed(routine:code:)`` otherwise.
  public func solve(
    options: CoveringProgram.Options = .init(), incumbent: [Double]? = nil, fixed: [Int: Double] = [:]
  ) throws(SchedulingError) -> Solution {
    precondition(options.timeLimit >= 0 && options.timeLimit.isFinite, "the time limit must be finite and not negative")
    precondition(options.relativeGap >= 0 && options.relativeGap < 1, "the relative gap must be in [0, 1)")
    precondition(fixed.keys.allSatisfy(columns.indices.contains), "fixed columns must be in the program")
    CoveringProgram.solverLock.lock()
    defer { CoveringProgram.solverLock.unlock() }
    // Freed every solve: the calling thread may be a pooled one that exits later (see
    // CoveringProgram+GLPK.swift); no problem object outlives the solve.
    defer { glp_free_env() }
    let started = ContinuousClock.now
    let deadline = started + .seconds(options.timeLimit)
    var start = incumbent
    if let x = start, !(isFeasible(x) && fixed.allSatisfy({ abs(x[$0.key] - $0.value) <= 1e-6 })) { start = nil }

    glp_term_out(GLP_OFF)
    guard let lp = glp_create_prob() else { throw .solverFailed(routine: "glp_create_prob", code: "no problem object") }
    defer { glp_delete_prob(lp) }
    load(into: lp, fixed: fixed)

    var smcp = glp_smcp()
    glp_init_smcp(&smcp)
    smcp.msg_lev = GLP_MSG_OFF
    smcp.presolve = GLP_ON
    smcp.tm_lim = CoveringProgram.milliseconds(until: deadline)
    let lpCode = glp_simplex(lp, &smcp)
    switch lpCode {
    case 0: break
    case GLP_ENOPFS: throw .infeasibleProgram
    case GLP_ETMLIM:
      if let start { return finish(start, bound: -.infinity, optimal: false, started: started) }
      throw .noScheduleWithinTimeLimit(seconds: options.timeLimit)
    default: throw .solverFailed(routine: "glp_simplex", code: CoveringProgram.returnCodeName(lpCode))
    }
    switch glp_get_status(lp) {
    case GLP_OPT: break
    case GLP_NOFEAS: throw .infeasibleProgram
    case let status: throw .solverFailed(routine: "glp_simplex", code: "status " + CoveringProgram.statusName(status))
    }
    let lpBound = glp_get_obj_val(lp)

    let search = Search(incumbent: start)
    var iocp = glp_iocp()
    glp_init_iocp(&iocp)
    iocp.msg_lev = GLP_MSG_OFF
    iocp.presolve = GLP_OFF
    iocp.mir_cuts = GLP_ON
    iocp.fp_heur = GLP_ON
    iocp.mip_gap = options.relativeGap
    iocp.tm_lim = CoveringProgram.milliseconds(until: deadline)
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
        let x = columns.indices.map { j in
          let v = glp_mip_col_val(lp, Int32(j + 1))
          return columns[j].isInteger ? v.rounded() : v
        }
        if isFeasible(x) && (start.map { objective(of: x) <= objective(of: $0) } ?? true) {
          return finish(x, bound: bound, optimal: mipCode == 0 && status == GLP_OPT, started: started)
        }
      } else if status == GLP_NOFEAS && mipCode == 0 {
        throw .infeasibleProgram
      }
      if let start { return finish(start, bound: bound, optimal: false, started: started) }
      if mipCode == GLP_ETMLIM { throw .noScheduleWithinTimeLimit(seconds: options.timeLimit) }
      throw .solverFailed(routine: "glp_intopt", code: "status " + CoveringProgram.statusName(status))
    case GLP_ENOPFS:
      throw .infeasibleProgram
    default:
      throw .solverFailed(routine: "glp_intopt", code: CoveringProgram.returnCodeName(mipCode))
    }
  }

  /// The solution with its objective, bound and gap.
  private func finish(_ x: [Double], bound: Double, optimal: Bool, started: ContinuousClock.Instant) -> Solution {
    let value = objective(of: x)
    let proven = optimal || value - bound <= 1e-9 * max(1, abs(value))
    let lower = proven ? value : min(bound, value)
    let gap = proven || value == 0 ? 0 : (lower.isFinite ? max(0, (value - lower) / abs(value)) : 1)
    return Solution(
      values: x, objective: value, bound: lower, gap: gap, isProvenOptimal: proven,
      solveSeconds: CoveringProgram.seconds(started.duration(to: .now)))
  }

  /// Rows, columns and the matrix into GLPK's problem object (1-based; element 0 unused).
  private func load(into lp: OpaquePointer, fixed: [Int: Double]) {
    glp_set_obj_dir(lp, GLP_MIN)
    if !columns.isEmpty { glp_add_cols(lp, Int32(columns.count)) }
    for (j, column) in columns.enumerated() {
      let c = Int32(j + 1)
      glp_set_col_kind(lp, c, column.isInteger ? GLP_IV : GLP_CV)
      if let value = fixed[j] {
        glp_set_col_bnds(lp, c, GLP_FX, value, value)
      } else if let upper = column.upper {
        glp_set_col_bnds(lp, c, upper == column.lower ? GLP_FX : GLP_DB, column.lower, upper)
      } else {
        glp_set_col_bnds(lp, c, GLP_LO, column.lower, 0)
      }
      glp_set_obj_coef(lp, c, column.cost)
    }
    var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
    if !rows.isEmpty { glp_add_rows(lp, Int32(rows.count)) }
    for (i, row) in rows.enumerated() {
      let r = Int32(i + 1)
      switch (row.lower, row.upper) {
      case let (l?, u?): glp_set_row_bnds(lp, r, l == u ? GLP_FX : GLP_DB, l, u)
      case let (l?, nil): glp_set_row_bnds(lp, r, GLP_LO, l, 0)
      case let (nil, u?): glp_set_row_bnds(lp, r, GLP_UP, 0, u)
      case (nil, nil): glp_set_row_bnds(lp, r, GLP_FR, 0, 0)
      }
      for t in row.terms {
        ia.append(r)
        ja.append(Int32(t.column + 1))
        ar.append(t.coefficient)
      }
    }
    glp_load_matrix(lp, Int32(ia.count - 1), ia, ja, ar)
  }

  /// What the branch-and-bound callback reads and records.
  private final class Search {
    /// A solution to offer GLPK at the first heuristic point.
    var incumbent: [Double]?
    /// The best proven lower bound seen during the search.
    var bestBound = -Double.infinity

    init(incumbent: [Double]?) { self.incumbent = incumbent }

    func visit(_ tree: OpaquePointer) {
      if glp_ios_reason(tree) == GLP_IHEUR, let x = incumbent {
        _ = glp_ios_heur_sol(tree, [0] + x)
        incumbent = nil
      }
      let best = glp_ios_best_node(tree)
      if best != 0 { bestBound = max(bestBound, glp_ios_node_bound(tree, best)) }
    }
  }
}
