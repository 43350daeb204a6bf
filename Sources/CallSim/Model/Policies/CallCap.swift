import CallSimEngine

/// A limit on talk time (wrap-up is not capped): the Seoul foundation's forced termination of
/// over-long calls, or Paju's recommended 20 minutes that only some calls respect. A caller
/// cut off at the limit may call again (a *call-back*): a later attempt of the same caller,
/// with its talk time drawn fresh from the caller's substream for that attempt.
public struct CallCap: Sendable, Equatable {
  public enum Mode: String, Sendable, Equatable, CaseIterable {
    /// No limit (the council's "unlimited" rule).
    case none
    /// A share `compliance` of the calls that would talk longer than the limit end at it.
    case recommended
    /// Every call that would talk longer than the limit ends at it.
    case forced
  }

  public var mode: Mode
  /// Seconds of talk after which a call is cut (forced) or asked to end (recommended).
  public var limit: Double
  /// Under `recommended`: share in [0, 1] of the calls over the limit that end at it.
  public var compliance: Double
  /// Share in [0, 1] of callers cut at the limit who call again.
  public var callBack: Double
  /// Seconds from the end of the cut call to the call-back; needed when `callBack > 0`.
  public var callBackDelay: Distribution?

  public init(
    mode: Mode, limit: Double = .infinity, compliance: Double = 1, callBack: Double = 0,
    callBackDelay: Distribution? = nil
  ) throws(ModelError) {
    try ModelError.require(limit > 0, "a call cap's limit must be above 0 seconds")
    try ModelError.require((0...1).contains(compliance), "a call cap's compliance must be in [0, 1]")
    try ModelError.require((0...1).contains(callBack), "a call cap's call-back share must be in [0, 1]")
    try ModelError.require(callBack == 0 || callBackDelay != nil, "a call cap with call-backs needs a call-back delay")
    self.mode = mode
    self.limit = limit
    self.compliance = compliance
    self.callBack = callBack
    self.callBackDelay = callBackDelay
  }

  /// Seconds of talk above which a call may be cut: infinite when nothing is ever cut, so the
  /// event loop pays one comparison for a scenario without a cap.
  var effectiveLimit: Double {
    switch mode {
    case .none: .infinity
    case .recommended: compliance > 0 ? limit : .infinity
    case .forced: limit
    }
  }
}
