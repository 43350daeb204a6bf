import ArgumentParser
import CallSim

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check scenario and sweep files without running them; prints every problem found."
  )

  @Argument(help: "Scenario files, or sweep files (a top-level sweep: key): every point of a sweep is checked.")
  var files: [String]

  @Flag(help: "Allow extends: and data files outside the scenario's folder.")
  var allowOutside = false

  func run() throws {
    var failed = false
    for file in files {
      do {
        if Sweep.isSweepFile(file) {
          let sweep = try Sweep.load(file, allowOutside: allowOutside)
          for w in sweep.warnings { Diagnostics.printError(w.description) }
          print("\(file): ok (sweep \(sweep.name), \(sweep.points.count) points)")
          continue
        }
        let scenario = try Scenario.load(file, allowOutside: allowOutside)
        Diagnostics.printWarnings(scenario)
        print("\(file): ok (\(scenario.model.name))")
      } catch let error as ScenarioError {
        for issue in error.issues { Diagnostics.printError(issue.description) }
        failed = true
      }
    }
    if failed { throw ExitCode(1) }
  }
}
