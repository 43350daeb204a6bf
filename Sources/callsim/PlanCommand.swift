import ArgumentParser
import CallSim
import Foundation

struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Propose the agents per interval and the shifts that meet a scenario's targets; write plan.json, requirement.csv and roster.yaml.",
    discussion: """
      1. Requirement: for every planned agent group and interval of the scenario's calendar, the fewest agents on the phones meeting the targets of the call types the group carries (its home types under split and overflow, its share of the pooled load under integrated; targets, or call_types.NAME.targets) by exact Erlang A (with patience) or Erlang C on the interval's mean load. An interval with calls that no allowed shift covers is an error before any simulation.
      2. Correction: the scenario runs with those agents hour by hour. Judged per hour (the default), each hour's requirement moves to where the Erlang curve of its load, shifted through the simulated service level and answer rate, meets the targets — up or down by as much as the gap, dates with the same calls measured together; judged per date or period (targets.judged), spans in which a call type misses its target get 3 % more agents in the groups carrying it, spans with room to spare one fewer. Until a run moves at most one staffed interval in twenty, or half the --iterations are spent.
      3. Schedule: GLPK chooses, per group, how many agents start each shift on each date to cover the requirement, grossed up for breaks, absence and remote availability, at the least paid hours — or, with a planning: block, which people work which shift on which day (days a week, days off, head counts, short-shift share, cost per hour) and writes schedule.csv. The shifts are the scenario's own (roster and reinforcement shifts); without any, 8-hour shifts in a 9-hour span with a 1-hour lunch starting on every hour, and 4-hour short shifts. The roster is simulated, and spans that miss a target raise the requirement there (above the agents the schedule put on the phones) before solving again.
      With --place N, also places N extra short-shift workers on the scenario's own staffing where they raise the answer rate most (greedy by batches, simulated on common random numbers; each round runs every window on the first 40 % of the replications and the three best on the rest) and writes placement.yaml.
      The folder is written whole (plan.json last); if the budget runs out, the plan is still written with "met": false and a warning names the spans that miss.
      """
  )

  @Argument(help: "The scenario file (YAML), with targets.")
  var scenario: String

  @Option(help: "Folder for the plan (default: Results/<scenario name>-plan); replaced whole.")
  var out: String?

  @Option(help: ArgumentHelp("Planning interval: 15m, 30m or 60m.", valueName: "duration"))
  var interval = "30m"

  @Option(help: "Simulation runs allowed in all (correction and schedule checks), at least 2.")
  var iterations = 10

  @Option(help: "Share by which an hour's mean may miss a target before its staffing is raised, such as 0.02 (2 points).")
  var tolerance = 0.02

  @Option(help: ArgumentHelp(
    "Time the solver may spend on one group's schedule, each time it solves, such as 60s or 5m. With planning: and a binding short_shift_share the solves often run to this limit: lower it (e.g. 5s) for exploratory plans. A solve this limit stops depends on the machine's speed; a plan another machine should reproduce exactly must end its solves on --solver-gap (the report's solver line says 'gap' and its time; raise the limit or the gap until the time stays under the limit).",
    valueName: "duration"))
  var solverTimeLimit = "60s"

  @Option(help: "Relative gap at which the solver may stop (0 = proven optimum).")
  var solverGap = 0.02

  @Option(help: "Extra short-shift workers to place where they raise the answer rate most (0: no placement).")
  var place = 0

  @Option(help: ArgumentHelp("Shift length of the placed workers, such as 3h.", valueName: "duration"))
  var placeLength = "3h"

  @Option(help: ArgumentHelp("Allowed window starts of the placed workers, comma-separated, such as 07:00,08:00,11:00.", valueName: "HH:MM,..."))
  var placeStarts = "07:00,08:00,09:00,10:00,11:00,12:00,13:00,14:00,15:00,16:00,17:00,18:00"

  @Option(help: ArgumentHelp("Days the placed workers work: weekdays, weekends, all, or mon…sun, comma-separated.", valueName: "days"))
  var placeDays = "weekdays"

  @Option(help: "Workers placed per round of the greedy search (default: a fifth of --place, at least 1).")
  var placeBatch: Int?

  @OptionGroup var options: SimulationOptions

  func validate() throws {
    guard let seconds = ErlangRequest.duration(interval), PlanOptions.allowedIntervals.contains(seconds) else {
      throw ValidationError("--interval: expected 15m, 30m or 60m, found '\(interval)'")
    }
    if iterations < 2 { throw ValidationError("--iterations: expected at least 2, found \(iterations)") }
    guard let limit = ErlangRequest.duration(solverTimeLimit), limit >= 1, limit <= 86_400 else {
      throw ValidationError("--solver-time-limit: expected a duration from 1s to 24h such as 120s, found '\(solverTimeLimit)'")
    }
    _ = limit
    if !(tolerance >= 0 && tolerance < 1) { throw ValidationError("--tolerance: expected a share in [0, 1), found \(tolerance)") }
    if !(solverGap >= 0 && solverGap < 1) { throw ValidationError("--solver-gap: expected a share in [0, 1), found \(solverGap)") }
    if place < 0 || place > 1_000_000 {
      throw ValidationError("--place: expected a number of workers from 0 to 1,000,000 (the most agents a group's roster may have), found \(place)")
    }
    if place > 0 {
      guard let length = ErlangRequest.duration(placeLength), length > 0, length <= 86_400 else {
        throw ValidationError("--place-length: expected a duration up to 24h such as 3h, found '\(placeLength)'")
      }
      _ = length
      if placeStartSeconds == nil { throw ValidationError("--place-starts: expected times as HH:MM,HH:MM,…, found '\(placeStarts)'") }
      if placeDaySet == nil {
        throw ValidationError("--place-days: expected weekdays, weekends, all, or days mon…sun separated by commas, found '\(placeDays)'")
      }
      if let placeBatch, placeBatch < 1 { throw ValidationError("--place-batch: expected at least 1, found \(placeBatch)") }
    }
  }

  var placeStartSeconds: [Double]? {
    let parts = placeStarts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    let seconds = parts.map { part -> Double? in
      let hm = part.split(separator: ":")
      guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
      return Double(h * 3600 + m * 60)
    }
    guard !seconds.isEmpty, seconds.allSatisfy({ $0 != nil }) else { return nil }
    return seconds.map { $0! }
  }

  var placeDaySet: DaySet? {
    var set = DaySet()
    for word in placeDays.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
      switch word {
      case "weekdays": set = set + .weekdays
      case "weekends": set = set + .weekends
      case "all": set = set + .all
      default:
        guard let day = Weekday(rawValue: word) else { return nil }
        set = set + DaySet(weekdays: [day])
      }
    }
    return set.weekdays.isEmpty && !set.holidays ? nil : set
  }

  func run() throws {
    let loaded = try Diagnostics.loadOrExit(scenario, allowOutside: options.allowOutside, set: options.set) { loaded in
      if let replications = options.replications { try loaded.setReplications(replications) }
      if let seed = options.seed { loaded.setSeed(seed) }
    }
    Diagnostics.printWarnings(loaded)
    let model = loaded.model
    let planOptions = PlanOptions(
      intervalSeconds: ErlangRequest.duration(interval)!, iterations: iterations, threads: options.threads,
      solverTimeLimit: ErlangRequest.duration(solverTimeLimit)!, solverGap: solverGap, tolerance: tolerance)
    let quiet = options.quiet
    let planner: CapacityPlanner
    let placement: ReinforcementPlacement?
    let analytic: [[ErlangPerformance]]
    let interruption = Interruption()
    do {
      planner = try CapacityPlanner(
        model: model, options: planOptions,
        report: { if !quiet { Diagnostics.printError(PlanCommand.line($0)) } })
      analytic = try planner.analyticRequirement(stop: interruption.stop)
      placement = place == 0 ? nil : try ReinforcementPlacement(
        model: model, workers: place, shiftLength: ErlangRequest.duration(placeLength)!, starts: placeStartSeconds!, days: placeDaySet!,
        batch: placeBatch, threads: options.threads)
    } catch is StopRequest.Stopped {
      Diagnostics.printError("interrupted by \(interruption.signalName): nothing written")
      throw ExitCode(interruption.exitCode)
    } catch {
      Diagnostics.printError("error: \(scenario): \(error)")
      throw ExitCode(1)
    }
    let folder = out ?? "Results/\(model.name)-plan"
    let (location, lock) = try Diagnostics.claimOrExit(
      folder, what: out == nil ? "plan folder (from the scenario name)" : "--out",
      replaceable: PlanFolder.replaceableEntries.union(["placement.yaml"]))
    defer { lock.release() }
    let clock = ContinuousClock.now
    let plan: CapacityPlan
    var placed: ReinforcementPlacement.Outcome?
    do {
      plan = try planner.plan(from: analytic, stop: interruption.stop)
      placed = try placement?.place(stop: interruption.stop) { round in
        if !quiet {
          // Rates over more replications than the screening's (the finalists') are marked with *.
          let screened = round.replications.min() ?? 0
          let rates = zip(round.answerRates, round.replications).map { String(format: "%.4f", $0) + ($1 > screened ? "*" : "") }
            .joined(separator: " ")
          Diagnostics.printError("placement: \(round.batch) worker(s) → the \(TimeText.clock(round.chosenStart, rounding: .towardZero)) window (answer rates by window: \(rates))")
        }
      }
    } catch is StopRequest.Stopped {
      Diagnostics.printError("interrupted by \(interruption.signalName): nothing written; \(folder)/ is as it was")
      throw ExitCode(interruption.exitCode)
    } catch {
      Diagnostics.printError("error: \(scenario): \(error)")
      throw ExitCode(1)
    }
    let elapsed = clock.duration(to: .now)
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    do {
      try PlanFolder(location: location).write(
        plan, scenario: loaded.resolved, wallSeconds: wall, version: CallSimVersion.current, placement: placed,
        stop: interruption.stopForWriting(simulationStopped: false))
    } catch is StopRequest.Stopped {
      Diagnostics.printError("interrupted by \(interruption.signalName) while writing: nothing written; \(folder)/ is as it was")
      throw ExitCode(interruption.exitCode)
    } catch {
      Diagnostics.printError("error: \(folder): cannot write the plan: \(error.localizedDescription)")
      throw ExitCode(1)
    }
    // The search also stops early when a miss is nothing it can raise (an hour whose calls
    // all overflowed from other groups' types): more runs would not help then.
    let spent = plan.iterations.count >= iterations
    let when =
      spent
      ? "when all \(plan.iterations.count) simulation runs of --iterations were spent"
      : "after \(plan.iterations.count) simulation runs, with nothing left that raising a group's requirement could change"
    let advice = spent ? "allow more runs with --iterations" : "check the routing and the shifts offered"
    if !plan.missedHours.isEmpty {
      Diagnostics.printError(
        "warning: the plan misses a target by more than \(tolerance) in \(plan.missedHours.count) span(s) (judged per \(plan.level.rawValue)) \(when): \(plan.missedHours.prefix(8).joined(separator: ", "))\(plan.missedHours.count > 8 ? ", …" : ""); \(advice)")
    }
    if !plan.notCleared.isEmpty {
      Diagnostics.printError(
        "warning: over the whole run the 95 % interval does not clear \(plan.notCleared.joined(separator: ", ")) \(when); \(advice)")
    }
    if !quiet { print(PlanCommand.summary(plan, placed: placed, folder: folder)) }
  }

  static func line(_ i: PlanIteration) -> String {
    func pct(_ v: Double?) -> String { v.map { String(format: "%.2f %%", $0 * 100) } ?? "–" }
    var s = "run \(i.number) (\(i.stage.rawValue)): answer rate \(pct(i.answerRate)), service level \(pct(i.serviceLevel)), occupancy \(pct(i.occupancy))"
    if let paid = i.paidHours { s += ", \(Int(paid.rounded())) paid hours" }
    s += "; \(i.missedHours.count) \(i.missedHours.count == 1 ? "span" : "spans") missing a target"
    if !i.notCleared.isEmpty { s += "; not cleared over the run: \(i.notCleared.joined(separator: ", "))" }
    if i.raisedIntervals + i.loweredIntervals > 0 { s += "; intervals raised \(i.raisedIntervals), lowered \(i.loweredIntervals)" }
    return s
  }

  static func summary(_ plan: CapacityPlan, placed: ReinforcementPlacement.Outcome?, folder: String) -> String {
    let check = plan.check.estimates()
    func pct(_ m: Metric) -> String {
      guard let e = check[m], let mean = e.mean else { return "–" }
      return String(format: "%.2f %% ± %.2f", mean * 100, (e.ci95 ?? 0) * 100)
    }
    let spans = ["interval": "hour(s)", "day": "day(s)", "period": "period"][plan.level.rawValue]!
    func solver(_ s: PlannedSchedule) -> String {
      "\(s.lines.count) roster lines, solver \(s.isOptimal ? "optimal" : String(format: "gap %.2f %%", s.gap * 100)) in \(String(format: "%.2f", s.solveSeconds)) s"
    }
    var lines = [
      "Plan for \(plan.model.name), targets judged per \(plan.level.rawValue): \(plan.met ? "targets met" : "targets not met") (\(plan.missedHours.count) \(spans) miss by more than \(plan.tolerance); not cleared over the run: \(plan.notCleared.isEmpty ? "none" : plan.notCleared.joined(separator: ", ")))",
      "  paid hours           \(Int(plan.paidHours.rounded()))" + (plan.basePaidHours.map { " (the scenario's own roster: \(Int($0.rounded())))" } ?? "")
        + String(format: ", %.1f FTE, cost %.0f", plan.fte(plan.paidHours), plan.cost),
    ]
    for g in plan.groups {
      let people = g.people.map { "\($0) people, " } ?? ""
      lines.append(
        "  \(g.name.padding(toLength: max(19, g.name.count), withPad: " ", startingAt: 0)) \(people)\(Int(g.paidHours.rounded())) paid hours, "
          + String(format: "%.1f FTE, cost %.0f; ", plan.fte(g.paidHours), g.cost) + solver(g.schedule))
    }
    lines += [
      "  answer rate          \(pct(.answerRate))",
      "  service level        \(pct(.serviceLevel))",
      "  occupancy            \(pct(.occupancy))",
    ]
    if let placed {
      let windows = placed.windows.filter { $0.agents > 0 }.map { "\($0.agents) at \(TimeText.clock($0.start, rounding: .towardZero))" }
      lines.append(
        String(format: "  placement            %@: answer rate %.2f %% → %.2f %%", windows.joined(separator: ", "), placed.baseAnswerRate * 100, placed.answerRate * 100))
    }
    let people = ScheduleTable(plan: plan).hasPeople ? ["schedule.csv"] : []
    lines.append("Plan written to \(folder)/ (\((people + PlanFolder.files).joined(separator: ", "))\(placed == nil ? "" : ", placement.yaml"))")
    return lines.joined(separator: "\n")
  }
}
