import Foundation

/// Writes a plan's `requirement.csv`, `roster.yaml` and `plan.json` as one folder, like a
/// run's results: into the hidden sibling `.NAME.new`, then swapped into place whole
/// (``ResultsLocation``), so the folder holds one complete plan or the previous one.
public struct PlanFolder {
  public let location: ResultsLocation

  /// The files written, in order (`plan.json` last); `schedule.csv` also for a plan for people.
  public static let files = ["requirement.csv", "roster.yaml", "plan.json"]

  /// What a plan folder may hold to be replaced: its files and the plots drawn from them.
  public static let replaceableEntries: Set<String> = Set(files + ["schedule.csv", "plots"])

  /// `location` must have been prepared (``ResultsLocation/prepare()``), and its lock held.
  public init(location: ResultsLocation) { self.location = location }

  /// With a placement, also writes `placement.yaml` (the scenario with the placed workers'
  /// reinforcement rules added) and reports the placement in `plan.json`.
  public func write(
    _ plan: CapacityPlan, scenario: ScenarioValue, wallSeconds: Double, version: String,
    placement: ReinforcementPlacement.Outcome? = nil, stop: StopRequest? = nil
  ) throws {
    let staging = location.stagingURL
    let fm = FileManager.default
    try? fm.removeItem(at: staging)
    do {
      try fm.createDirectory(at: staging, withIntermediateDirectories: false)
      try AtomicFile.write(to: staging.appendingPathComponent("requirement.csv"), stop: stop) {
        try RequirementTable(plan: plan).write(to: &$0)
      }
      let schedule = ScheduleTable(plan: plan)
      if schedule.hasPeople {
        try AtomicFile.write(to: staging.appendingPathComponent("schedule.csv"), stop: stop) { try schedule.write(to: &$0) }
      }
      try AtomicFile.write(try PlanRosterFile(plan: plan, scenario: scenario).yaml(), to: staging.appendingPathComponent("roster.yaml"), stop: stop)
      if let placement {
        let text = try PlanRosterFile.placementYAML(placement, model: plan.model, scenario: scenario)
        try AtomicFile.write(text, to: staging.appendingPathComponent("placement.yaml"), stop: stop)
      }
      try AtomicFile.write(
        try PlanReport(plan: plan, wallSeconds: wallSeconds, version: version, placement: placement).json(), to: staging.appendingPathComponent("plan.json"), stop: stop)
      try stop?.check()
      try location.moveIntoPlace()
    } catch {
      try? fm.removeItem(at: staging)
      throw error
    }
  }
}
