import CallSimEngine

/// Call-backs offered in the queue (*virtual hold*): a caller whose wait reaches `after` is
/// offered a call-back, and a share `accept` of those offered hang up and keep their place in
/// the queue. When that place comes up, the agent calls the caller back: the caller answers
/// with probability `reach` and the call goes on as an answered call; an unreached attempt
/// costs the agent `attempt` and sends the call-back to the back of the queue, at most
/// `retries` times, after which it is lost. Durations in seconds.
///
/// A caller who accepted no longer abandons and no longer holds a line. Its wait (time to
/// answer) runs from joining the queue to the call-back's start; its *call-back delay* from
/// hanging up to that start.
public struct CallBackOffer: Sendable, Equatable {
  /// Seconds of waiting after which the offer is made; 0: as the caller joins the queue, if
  /// no agent takes it at once.
  public var after: Double
  /// Share in [0, 1] of the callers offered who accept.
  public var accept: Double
  /// Share in [0, 1] of call-back attempts that reach the caller.
  public var reach: Double
  /// The agent's time on an attempt that does not reach the caller; `nil`: none.
  public var attempt: Distribution?
  /// Unreached attempts retried before the call-back is lost.
  public var retries: Int

  public init(after: Double, accept: Double, reach: Double = 1, attempt: Distribution? = nil, retries: Int = 0)
    throws(ModelError)
  {
    try ModelError.require(after >= 0 && after.isFinite, "a call-back offer's after must be a duration of 0 s or more")
    try ModelError.require((0...1).contains(accept), "a call-back offer's accept must be a share in [0, 1]")
    try ModelError.require((0...1).contains(reach), "a call-back offer's reach must be a share in [0, 1]")
    try ModelError.require((0...100).contains(retries), "a call-back offer's retries must be a whole number from 0 to 100")
    self.after = after
    self.accept = accept
    self.reach = reach
    self.attempt = attempt
    self.retries = retries
  }
}
