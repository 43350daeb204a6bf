import ArgumentParser
import CallSim
import Foundation

struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Run two or more scenarios on common random numbers and report paired differences from the first.",
    discussion: """
      Every scenario runs on the same callers: the same seed and replications (--seed and --replications, or the baseline's), so replication r of each meets the same callers and the difference other − baseline is paired replication by replication. Prints a table (differences with their 95 % interval, * where it excludes 0) and writes compare.json and compare.csv (and weekly.csv with --weekly) to --out (default Results/compare-<baseline name>/), replaced whole. Scenarios whose calendars differ (simulation.start, days, warmup, generator) are refused. The service level of every scenario is measured at the baseline's targets.service_level.within (stated in the table and in compare.json).
      """
  )

  @Argument(help: "The baseline scenario, then the scenarios to compare with it (YAML).")
  var scenarios: [String]

  @Option(help: "Folder for compare.json and compare.csv (default: Results/compare-<baseline name>); replaced whole.")
  var out: String?

  @Option(
    help: ArgumentHelp(
      "Compare only these hours of each day, such as 11-13 for 11:00-13:00 (the lunch hours): calls counted by the hour they arrive, agent time by the hour it was spent.",
      valueName: "HH-HH"))
  var hours: String?

  @Option(
    help: ArgumentHelp(
      "Compare only these dates, both included, such as 2024-09-02..2024-09-08 (the first week of a rollout), or one date: calls counted by the day they arrive, agent time by the day it was spent. Every date must be a measured day of the baseline.",
      valueName: "FROM..TO"))
  var dates: String?

  @Flag(
    help:
      "Also compare week by week (Monday to Sunday, the first and last weeks cut to the dates compared) from the same runs: weekly.csv, compare.csv's rows after each week's from, to and days, such as a rollout's first weeks against its later ones.")
  var weekly = false

  @OptionGroup var options: SimulationOptions

  func validate() throws {
    if scenarios.count < 2 { throw ValidationError("compare needs a baseline and at least one other scenario (got \(scenarios.count) file)") }
    if let hours, HourWindow(hours) == nil {
      throw ValidationError("--hours: expected whole hours of the day as HH-HH, such as 11-13, found '\(hours)'")
    }
    if let dates, DateRange(dates) == nil {
      throw ValidationError("--dates: expected dates as YYYY-MM-DD..YYYY-MM-DD (the first not after the second), such as 2024-09-02..2024-09-08, found '\(dates)'")
    }
  }

  func run() throws {
    let baseline = try Diagnostics.loadOrExit(scenarios[0], allowOutside: options.allowOutside, set: options.set) { loaded in
      if let replications = options.replications { try loaded.setReplications(replications) }
      if let seed = options.seed { loaded.setSeed(seed) }
    }
    let settings = baseline.model.settings
    var loaded = [baseline]
    for path in scenarios.dropFirst() {
      loaded.append(
        try Diagnostics.loadOrExit(path, allowOutside: options.allowOutside, set: options.set) { s in
          // Common random numbers: every scenario on the baseline's seed and replications.
          try s.setReplications(settings.replications)
          s.setSeed(settings.seed)
        })
    }
    let range = dates.flatMap(DateRange.init)
    if let problem = range?.problem(in: settings) {
      Diagnostics.printError("error: --dates: \(problem) (the baseline \(baseline.file))")
      throw ExitCode(1)
    }
    for scenario in loaded.dropFirst() {
      if let d = settings.calendarDifference(from: scenario.model.settings) {
        Diagnostics.printError(
          "error: \(scenario.file): \(d.key): expected the baseline's calendar (\(d.mine) in \(baseline.file)), found \(d.theirs); scenarios compared on common random numbers must share start, days, warm-up and generator")
        throw ExitCode(1)
      }
    }
    // One threshold for the service level: the baseline's, in every scenario (it only
    // measures; no call is routed or served differently), so that identical waits give
    // identical service levels. The files' own thresholds are reported beside it.
    let withinInFiles = loaded.map(\.model.targets.serviceLevelWithin)
    for i in loaded.indices.dropFirst() { loaded[i].measureServiceLevel(within: withinInFiles[0]) }
    for scenario in loaded { Diagnostics.printWarnings(scenario) }
    let folder = out ?? "Results/compare-\(baseline.model.name)"
    let interruption = Interruption()
    let (location, lock) = try Diagnostics.claimOrExit(
      folder, what: out == nil ? "results folder (from the baseline's name)" : "--out",
      replaceable: CompareFolder.replaceableEntries)
    defer { lock.release() }
    var results: [RunResult] = []
    for (i, scenario) in loaded.enumerated() {
      let progress = ProgressLine(total: settings.replications, enabled: !options.quiet)
      let result = try Diagnostics.simulateOrExit(scenarios[i]) {
        defer { progress.finish() }
        return try SimulationRunner.run(
          scenario.model, threads: options.threads, progress: { progress.update(done: $0) }, stop: interruption.stop)
      }
      guard let result else {
        Diagnostics.printError(
          "interrupted by \(interruption.signalName) while simulating \(scenarios[i]): nothing written; \(folder)/ is as it was")
        throw ExitCode(interruption.exitCode)
      }
      results.append(result)
    }
    let window = hours.flatMap(HourWindow.init)
    func comparisons(_ dates: DateRange?) -> [PairedComparison] {
      results.dropFirst().map { PairedComparison(baseline: results[0], other: $0, window: window, dates: dates) }
    }
    let weeks = !weekly ? [] : (range ?? DateRange.measuredDays(of: settings))?.weeks.map { CompareReport.Week(dates: $0, comparisons: comparisons($0)) } ?? []
    let report = CompareReport(comparisons: comparisons(range), serviceLevelWithinInFiles: withinInFiles, weeks: weeks)
    do {
      try CompareFolder(location: location).write(report, stop: interruption.stopForWriting(simulationStopped: false))
    } catch is StopRequest.Stopped {
      Diagnostics.printError("interrupted by \(interruption.signalName) while writing: nothing written; \(folder)/ is as it was")
      throw ExitCode(interruption.exitCode)
    } catch {
      Diagnostics.printError("error: \(folder): cannot write the comparison: \(error.localizedDescription)")
      throw ExitCode(1)
    }
    if !options.quiet {
      print(CompareTable(report: report).render())
      print("Results written to \(folder)/ (\(CompareFolder.files(of: report).joined(separator: ", ")))")
    }
  }
}
