import CallSimEngine

/// Every family's fit to one sample: ``fits`` sorted by AIC (the first is the best) and the
/// families that could not be fitted, each with its reason.
public struct DurationFitReport: Sendable {
  /// Number of durations fitted.
  public let count: Int
  public let fits: [DurationFit]
  public let skipped: [(family: Distribution.Family, reason: String)]

  /// A remark on the sample (all values equal: the deterministic alternative), or nil.
  public let note: String?

  /// The fit with the lowest AIC.
  public var best: DurationFit { fits[0] }
}
