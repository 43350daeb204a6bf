import Foundation

/// `sweep.json` in a sweep's output folder: which sweep (and shard) the folder's points
/// belong to. A rerun into the folder must match it; `merge` reads it from each shard to
/// check they are shards of one sweep and to name the points missing.
struct SweepIdentity: Codable, Equatable {
  var sweep: String
  /// ``Sweep/fingerprint``.
  var fingerprint: String
  /// The shard this folder holds (`1/1` for a whole sweep or a merge).
  var shard: Shard
  var parameters: [String]
  var metrics: [SweepMetric]
  /// Replications per point and the seed every point runs on (for figures' captions).
  var replications: Int
  var seed: UInt64
  /// Every point's parameter values, in grid order (point `i + 1` is `grid[i]`).
  var grid: [[String]]

  static let file = "sweep.json"

  init(sweep: Sweep, shard: Shard) {
    self.sweep = sweep.name
    fingerprint = sweep.fingerprint
    self.shard = shard
    parameters = sweep.parameters
    metrics = sweep.metrics
    replications = sweep.points.first?.model.settings.replications ?? 0
    seed = sweep.points.first?.model.settings.seed ?? 0
    grid = sweep.points.map(\.labels)
  }

  func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
  }

  /// The identity in `folder`, `nil` when it has none; throws when the file is unreadable.
  static func read(in folder: URL) throws(ResultsLocation.Problem) -> SweepIdentity? {
    let url = folder.appendingPathComponent(file)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    guard let data = FileManager.default.contents(atPath: url.path), let identity = try? JSONDecoder().decode(SweepIdentity.self, from: data)
    else {
      throw ResultsLocation.Problem("\(url.path): not a callsim sweep.json; expected the folder of a sweep (or of one of its shards)")
    }
    return identity
  }

  /// "point 3 (agents=5, routing.mode=split)".
  func name(ofPoint number: Int) -> String {
    "point \(number) (" + zip(parameters, grid[number - 1]).map { "\($0)=\($1)" }.joined(separator: ", ") + ")"
  }
}
