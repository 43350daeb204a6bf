import Foundation

/// A decoded, validated scenario: the model to simulate, the merged tree that produced it
/// (written out as `scenario.resolved.yaml`), and any warnings.
public struct Scenario: Sendable {
  public var model: CallCenterModel
  public var resolved: ScenarioValue
  public var warnings: [ScenarioIssue]
  /// The file it was loaded from.
  public var file: String

  /// Loads, merges, applies `overrides` (`--set`), decodes and validates `path`; throws
  /// ``ScenarioError`` listing every problem found.
  public static func load(_ path: String, allowOutside: Bool = false, overrides: [ScenarioOverride] = []) throws -> Scenario {
    var tree = try ScenarioSource(allowOutside: allowOutside).load(path)
    for o in overrides {
      do {
        tree = try tree.setting(o.path, to: o.value)
      } catch {
        throw ScenarioError(file: "--set \(o)", keyPath: o.path.description, message: error.description)
      }
    }
    return try decode(tree, file: path, allowOutside: allowOutside)
  }

  /// Decodes scenario text on its own (`extends:` is not followed); `file` names it in
  /// messages and anchors relative data-file paths.
  public static func parse(text: String, file: String, allowOutside: Bool = false) throws -> Scenario {
    try decode(ScenarioSource(allowOutside: allowOutside).parse(text: text, file: file), file: file, allowOutside: allowOutside)
  }

  /// Decodes an already merged tree.
  public static func decode(_ tree: ScenarioValue, file: String, allowOutside: Bool = false) throws -> Scenario {
    let diagnostics = ScenarioDiagnostics()
    let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
    let decoder = ScenarioDecoder(diagnostics: diagnostics, folder: folder, allowOutside: allowOutside)
    let model = decoder.decode(ScenarioField(value: tree, path: "", diagnostics: diagnostics))
    guard let model, !diagnostics.hasErrors else {
      throw ScenarioError(diagnostics.issues.filter { $0.severity == .error })
    }
    return Scenario(model: model, resolved: tree, warnings: diagnostics.issues, file: file)
  }

  /// Overrides the replication count (as `--replications` does), in the model and the tree;
  /// refused when the horizon and replications would not fit in memory.
  public mutating func setReplications(_ n: Int) throws {
    var settings = model.settings
    settings.replications = n
    if let problem = RunMemoryEstimate(settings: settings, callTypes: model.callTypes.count, groups: model.agentGroups.count, chats: model.hasChats)
      .problem
    {
      throw ScenarioError(file: file, keyPath: "simulation.replications", message: problem + " (--replications \(n))")
    }
    model.settings.replications = n
    // A timeline's models share the calendar and seeding of the base (the model checks it).
    for i in model.timeline.indices { model.timeline[i].model.settings.replications = n }
    resolved = resolved.setting(["simulation", "replications"], to: .scalar(String(n), quoted: false, origin: resolved.origin))
  }

  /// Measures the service level at `seconds` (`targets.service_level.within`), in the model
  /// and its timeline's: what `compare` does so that every scenario counts answers within the
  /// baseline's threshold. Only the measurement changes — the threshold steers no call — so
  /// the run is the same, event for event. The tree keeps what the file said.
  public mutating func measureServiceLevel(within seconds: Double) {
    model.targets.serviceLevelWithin = seconds
    for i in model.timeline.indices { model.timeline[i].model.targets.serviceLevelWithin = seconds }
  }

  /// Overrides the seed (as `--seed` does), in the model and the tree.
  public mutating func setSeed(_ seed: UInt64) {
    model.settings.seed = seed
    for i in model.timeline.indices { model.timeline[i].model.settings.seed = seed }
    resolved = resolved.setting(["simulation", "seed"], to: .scalar(String(seed), quoted: false, origin: resolved.origin))
  }
}
