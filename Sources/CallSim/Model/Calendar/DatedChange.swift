/// The model as it is from day `fromDay` on: one entry of a scenario's `timeline`.
///
/// Only what can change mid-run differs from the base model — agent groups' skills,
/// staffing and remote work, the roster, absence, strike, routing and the call cap; the call
/// types, calendar, arrivals, IVR, lines and abusive callers stay (``CallCenterModel``'s
/// initialiser checks).
public struct DatedChange: Sendable, Equatable {
  /// First day (0-based from `simulation.start`) the changed model applies, ≥ 1.
  public var fromDay: Int
  /// The whole model from that day on; its own `timeline` is empty.
  public var model: CallCenterModel

  public init(fromDay: Int, model: CallCenterModel) {
    self.fromDay = fromDay
    self.model = model
  }
}
