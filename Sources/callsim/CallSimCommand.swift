import ArgumentParser
import CallSim

@main
struct CallSimCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "callsim",
    abstract: "Simulate a contact center's call distribution and plan its staffing.",
    discussion: """
      A scenario file (YAML) describes inflow, call types, agents and targets; `callsim run` simulates it with replications and reports answer rate, waits, abandonment and occupancy with 95 % confidence intervals, overall and hour by hour. See README.md for every key.
      """,
    version: CallSimVersion.current,
    subcommands: [
      RunCommand.self, CompareCommand.self, ValidateCommand.self, ErlangCommand.self, PlanCommand.self, FitCommand.self, SweepCommand.self,
      MergeCommand.self,
      BenchCommand.self,
    ]
  )
}
