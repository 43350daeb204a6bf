import CallSim
import CallSimTestSupport
import Foundation

/// Writes scenario text (and data files) to a temporary folder and loads it.
struct ScenarioFixture {
  let folder: URL

  init() throws {
    folder = try TestScratch.folder("fixture")
  }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let url = folder.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  func load(_ name: String, _ text: String) throws -> Scenario {
    try Scenario.load(write(name, text))
  }

  /// The problems reported for `text`, one string each.
  func problems(_ text: String) throws -> [String] {
    do {
      _ = try load("bad.yaml", text)
      return []
    } catch let error as ScenarioError {
      return error.issues.map(\.description)
    }
  }
}
