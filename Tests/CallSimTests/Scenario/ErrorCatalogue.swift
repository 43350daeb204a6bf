import CallSim
import Foundation
import Testing

/// The harness of the bad-input catalogues (scenario, staffing, routing, policies): each case
/// is a small change to a catalogue's valid scenario, and the decoder must report exactly the
/// problems listed, each on one line naming the file — so a vaguer message or an extra
/// complaint fails the test.
enum ErrorCatalogue {
  struct Case: CustomStringConvertible, Sendable {
    var name: String
    /// The text to find in the valid scenario and what replaces it.
    var replace: (String, String)
    /// One fragment per problem, in the order reported.
    var expected: [String]
    var description: String { name }
  }

  /// Checks `c` against `valid`.
  static func check(_ c: Case, on valid: String) throws {
    let text = valid.replacingOccurrences(of: c.replace.0, with: c.replace.1)
    #expect(text != valid, "the case does not change the scenario")
    let problems = try ScenarioFixture().problems(text)
    #expect(problems.count == c.expected.count, "\(problems)")
    for (problem, expected) in zip(problems, c.expected) {
      #expect(problem.hasPrefix("error: ") && problem.contains(expected), "got: \(problem)\nexpected to contain: \(expected)")
      #expect(problem.split(separator: "\n").count == 1, "not one line: \(problem)")
      #expect(problem.contains("bad.yaml"), "\(problem)")
    }
  }
}
