/// The model's event kinds. The raw value is the priority among events at the same time:
/// staffing changes first (a shift boundary is a fixed point of the day: hourly plans, a new
/// day's roster, agents leaving and then joining), then agents become free (so a
/// simultaneous arrival finds them free) and recoveries after abusive calls end, then
/// transfers end (a freed agent can take the transferred call), then calls overflow and
/// then abandon (a caller whose patience ends exactly when an agent frees, or when the call
/// may overflow, is answered), then IVR completions, then new arrivals and redials. A phone
/// line comes free without an event: only an arrival asks for one, and it first counts the
/// lines released by then (``CallCenterSimulation``'s `lineReleases`), as if their events had
/// run before it.
enum EventKind: UInt8 {
  case staffingChange = 0
  /// Midnight: the day's roster duties are drawn and scheduled, and any timeline change applies.
  case dayStart = 1
  /// A rostered agent's pause, log-in gap or shift end is due.
  case agentOff = 2
  /// A rostered agent's shift starts (id: index among the day's duties).
  case dutyStart = 3
  /// A rostered agent is back from a pause or gap.
  case agentOn = 4
  case agentFree = 5
  case recoveryEnd = 6
  case transferEnd = 7
  case overflow = 8
  case abandon = 9
  case ivrEnd = 10
  case arrival = 11
  case redial = 12
  /// A waiting caller is offered a call-back (``CallBackOffer``); on the patience timer.
  case callBackOffer = 13
  /// A chat or message arrives (id: its type's source in ``ContactArrivals``): after every phone event.
  case contactArrival = 14
  /// A chat in progress ends (a timer: its agent's pace changes with the chats it holds;
  /// ``ChatTimer``). Last, so that adding the kind left every earlier order as it was.
  case chatEnd = 15
}
