import Foundation

/// Builds and validates the scenario of every point of a grid.
///
/// A problem that a value causes usually recurs at every point with that value: each
/// distinct problem is reported once, naming the first point that has it and how many
/// others share it, so a bad value in a 400-point grid gives one line, not 400.
struct SweepPointBuilder {
  let base: ScenarioValue
  /// The base scenario's file: anchors its data files and names it in messages.
  let baseFile: String
  let dimensions: [SweepDimension]
  let count: Int
  let allowOutside: Bool

  struct Built {
    var parameters: [String]
    var points: [SweepPoint]
    /// Each point's resolved scenario as YAML, for the sweep's fingerprint.
    var resolvedTexts: [String]
    var errors: [ScenarioIssue]
    var warnings: [ScenarioIssue]
  }

  func build() -> Built {
    let parameters = dimensions.flatMap(\.columns)
    var built = Built(parameters: parameters, points: [], resolvedTexts: [], errors: [], warnings: [])
    var errors = IssueGroups(), warnings = IssueGroups()
    for index in 0..<count {
      let steps = steps(of: index)
      let labels = zip(dimensions, steps).flatMap { $0.labels($1) }
      let name = "point \(index + 1) of \(count) (" + zip(parameters, labels).map { "\($0)=\($1)" }.joined(separator: ", ") + ")"
      var tree = base
      for (d, step) in zip(dimensions, steps) {
        for (path, value) in zip(d.paths, d.steps[step]) {
          do {
            tree = try tree.setting(path, to: value)
          } catch {
            let at = value?.origin ?? base.origin
            errors.add(ScenarioIssue(file: at.file, line: at.line, keyPath: "parameters.\(path)", message: error.description), point: name)
          }
        }
      }
      do {
        let scenario = try Scenario.decode(tree, file: baseFile, allowOutside: allowOutside)
        for w in scenario.warnings where w.severity == .warning { warnings.add(w, point: name) }
        built.points.append(SweepPoint(number: index + 1, labels: labels, model: scenario.model))
        built.resolvedTexts.append(labels.joined(separator: "\u{1F}") + "\n" + ((try? tree.yaml()) ?? ""))
      } catch let error as ScenarioError {
        for issue in error.issues { errors.add(issue, point: name) }
      } catch {
        preconditionFailure("Scenario.decode throws only ScenarioError, threw \(error)")
      }
    }
    built.errors = errors.issues
    built.warnings = warnings.issues
    return built
  }

  /// The step along each dimension of grid point `index` (the last dimension fastest).
  func steps(of index: Int) -> [Int] {
    var rest = index
    var steps = Array(repeating: 0, count: dimensions.count)
    for d in dimensions.indices.reversed() {
      steps[d] = rest % dimensions[d].count
      rest /= dimensions[d].count
    }
    return steps
  }
}

/// Distinct issues in the order first found, each with the first point that had it and how
/// many points had it.
private struct IssueGroups {
  private var order: [ScenarioIssue] = []
  private var seen: [String: (point: String, count: Int)] = [:]

  mutating func add(_ issue: ScenarioIssue, point: String) {
    let key = issue.description
    if let s = seen[key] {
      seen[key] = (s.point, s.count + 1)
    } else {
      seen[key] = (point, 1)
      order.append(issue)
    }
  }

  var issues: [ScenarioIssue] {
    order.map { issue in
      let s = seen[issue.description]!
      var named = issue
      let others = s.count - 1
      named.message = "\(s.point): \(issue.message)" + (others > 0 ? " (and \(others) other point\(others == 1 ? "" : "s"))" : "")
      return named
    }
  }
}
