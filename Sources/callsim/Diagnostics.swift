import ArgumentParser
import CallSim
import Foundation

/// Prints scenario problems as `error:` / `warning:` lines on standard error.
enum Diagnostics {
  static func printWarnings(_ scenario: Scenario) {
    for w in scenario.warnings where w.severity == .warning { printError(w.description) }
  }

  static func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// Loads a scenario with the values `set` changes (`--set KEY=VALUE`) and applies the
  /// other command-line overrides (`adjust`), or exits with every problem printed and status 1.
  static func loadOrExit(
    _ path: String, allowOutside: Bool, set: [String] = [], adjust: (inout Scenario) throws -> Void = { _ in }
  ) throws -> Scenario {
    do {
      let overrides = try set.map { text throws(ScenarioError) in try ScenarioOverride(text) }
      var scenario = try Scenario.load(path, allowOutside: allowOutside, overrides: overrides)
      try adjust(&scenario)
      return scenario
    } catch let error as ScenarioError {
      for issue in error.issues { printError(issue.description) }
      throw ExitCode(1)
    }
  }

  /// Claims the folder a command writes its results into (see `ResultsLocation`), or exits
  /// with the problem printed and status 1. Release the lock when the command is done.
  static func claimOrExit(
    _ path: String, what: String, replaceable: Set<String> = ResultsLocation.replaceableEntries
  ) throws -> (location: ResultsLocation, lock: FolderLock) {
    do {
      let location = try ResultsLocation(path: path, what: what, replaceable: replaceable)
      return (location, try location.prepare())
    } catch {
      printError("error: \(error)")
      throw ExitCode(1)
    }
  }

  /// Runs a simulation of the scenario in `file`, or exits with status 1 and a one-line
  /// error when a replication's counts reach their limit (``CountLimitError``).
  static func simulateOrExit<T>(_ file: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as CountLimitError {
      printError("error: \(file): \(error)")
      throw ExitCode(1)
    }
  }
}
