import Foundation

/// A validated parameter sweep: a base scenario, the grid of points (each a complete,
/// validated model), the replications and seed every point runs with, and the metrics kept.
///
/// Every point is built and validated when the sweep is loaded, before anything runs, so a
/// value that makes one point invalid is reported at once, with the point named, rather than
/// hours into a sweep.
public struct Sweep: Sendable {
  /// The sweep's name (`sweep:`); also the default output folder `Results/<name>/`.
  public let name: String
  /// The sweep file, as the user named it.
  public let file: String
  /// Column names of the parameters in `points.csv`: the key paths as written.
  public let parameters: [String]
  /// Metrics kept per point (mean and 95 % half-width over replications).
  public let metrics: [SweepMetric]
  /// Every point of the grid, in grid order (the last parameter varying fastest).
  public let points: [SweepPoint]
  /// Warnings the scenario decoder gave for points, grouped like errors.
  public let warnings: [ScenarioIssue]
  /// 16 hex digits identifying the resolved sweep (every point's resolved scenario, the
  /// metrics and the columns): a folder of one sweep refuses another's points, and `merge`
  /// refuses shards of different sweeps.
  public let fingerprint: String

  /// Most points in one sweep. A grid past this is almost certainly a mistaken range step,
  /// and every point's model is held in memory while the sweep runs.
  public static let maxPoints = 100_000

  /// Reads, expands and validates the sweep file at `path`; throws ``ScenarioError`` with
  /// every problem found (each naming the sweep file or the point it concerns).
  /// `allowOutside`: whether `base:` (and the base's own files) may leave the sweep's folder.
  public static func load(_ path: String, allowOutside: Bool = false) throws -> Sweep {
    try SweepDecoder(file: path, allowOutside: allowOutside).decode()
  }

  /// Whether the YAML file at `path` is a sweep file (a top-level `sweep:` and no
  /// `scenario:`) rather than a scenario; `false` when it cannot be read or parsed.
  public static func isSweepFile(_ path: String) -> Bool {
    guard let tree = try? ScenarioSource().parse(file: path) else { return false }
    return tree["sweep"] != nil && tree["scenario"] == nil
  }

  init(name: String, file: String, parameters: [String], metrics: [SweepMetric], points: [SweepPoint], warnings: [ScenarioIssue], fingerprint: String) {
    self.name = name
    self.file = file
    self.parameters = parameters
    self.metrics = metrics
    self.points = points
    self.warnings = warnings
    self.fingerprint = fingerprint
  }
}
