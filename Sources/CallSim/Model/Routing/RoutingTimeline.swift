/// The routing in force over a run: the base model's, each timeline change's from its first
/// day, and a live switch of mode until the next change.
///
/// The epoch (0 for the base model, `k` from the `k`-th timeline change) is also what the
/// roster and the call caps follow.
struct RoutingTimeline {
  let model: CallCenterModel
  /// The routing of the base model and of each timeline change.
  private let policies: [RoutingPolicy]
  /// The first day of each epoch.
  private let starts: [Int]
  private(set) var epoch = 0
  /// The mode a live control switched to in the current epoch.
  private var liveMode: RoutingMode?

  init(model: CallCenterModel) {
    self.model = model
    policies = [RoutingPolicy(model: model)] + model.timeline.map { RoutingPolicy(model: $0.model) }
    starts = [0] + model.timeline.map(\.fromDay)
  }

  var first: RoutingPolicy { policies[0] }
  /// The most queues any epoch's routing uses.
  var queueCount: Int { policies.map(\.queueCount).max()! }

  /// The next epoch's routing when it starts on `day`; `nil` when the epoch goes on.
  mutating func enter(day: Int) -> RoutingPolicy? {
    guard epoch + 1 < starts.count && starts[epoch + 1] == day else { return nil }
    epoch += 1
    liveMode = nil
    return policies[epoch]
  }

  /// The model of the current epoch (its routing as the scenario gives it).
  var modelInForce: CallCenterModel { epoch == 0 ? model : model.timeline[epoch - 1].model }

  /// The routing mode in force.
  var mode: RoutingMode { liveMode ?? modelInForce.routing.mode }

  /// The current epoch's routing with its mode switched to `mode` (`overflowAfter` seconds
  /// for a mode that uses an overflow wait), in force until the next epoch.
  mutating func switched(to mode: RoutingMode, overflowAfter: Double) -> RoutingPolicy {
    var changed = modelInForce
    changed.routing.mode = mode
    if mode.usesOverflowWait { changed.routing.overflowAfter = overflowAfter }
    liveMode = mode
    return RoutingPolicy(model: changed)
  }
}
