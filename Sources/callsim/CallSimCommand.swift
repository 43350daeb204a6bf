import ArgumentParser
import CallSim

@main
struct CallSimCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "callsim",
    abstract: "Simulate a contact center's call distribution and plan its staffing.",
    discussion: """
      A scenario file (YAML) describes inflow, call types, agents and targets; `callsim run` simulates it with replications and reports answer rate, waits, abandonment and occupancy with 95 % confidence intervals, overall and hour by hour. See docs/scenario-reference.md for every key.
      """,
    version: CallSimVersion.current,
    subcommands: subcommands
  )

  /// `live` only when the web stack is built (not in the sanitizer and fuzz builds).
  static var subcommands: [ParsableCommand.Type] {
    var all: [ParsableCommand.Type] = [
      RunCommand.self, CompareCommand.self, ValidateCommand.self, ErlangCommand.self, PlanCommand.self, FitCommand.self,
      SweepCommand.self,
      MergeCommand.self,
    ]
    #if canImport(CallSimLive)
      all.append(LiveCommand.self)
    #endif
    all.append(BenchCommand.self)
    return all
  }
}
