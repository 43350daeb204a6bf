import CallSimEngine

/// The IVR menu's random behaviour: how long a caller stays and how it leaves, drawn from the
/// caller's own substreams.
///
/// A class reached by the event loop through a reference it does not retain (as
/// ``CallTypeSampler``): binding the model's ``IVRStage`` at each arrival and each menu exit
/// copied its two arrays and its duration law (two retains, two releases and an outlined
/// copy of the law each time: 6 % of the Seoul full model's instructions).
final class IVRSampler {
  let duration: CompiledDistribution
  let hangUp: Double
  /// Per call type, the share of its callers served by self-service.
  let selfService: [Double]

  init(_ stage: IVRStage) {
    duration = CompiledDistribution(stage.duration)
    hangUp = stage.hangUp
    selfService = stage.selfService
  }

  /// How a caller of `type` leaves the menu, from a uniform `u` in [0, 1): hangs up, is
  /// self-served, or `nil` to go on to the agents.
  @inline(__always)
  func leaves(_ u: Double, type: Int) -> CallEvent? {
    if u < hangUp { return .ivrHangUp }
    if u < hangUp + (1 - hangUp) * selfService[type] { return .selfServed }
    return nil
  }
}
