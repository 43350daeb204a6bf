/// The model's event kinds. The raw value is the priority among events at the same time:
/// staffing changes first (a shift boundary is a fixed point of the day: hourly plans, a new
/// day's roster, agents leaving and then joining), then agents become free (so a
/// simultaneous arrival finds them free), then lines, then transfers end (a freed agent can
/// take the transferred call), then calls overflow and then abandon (a caller whose patience
/// ends exactly when an agent frees, or when the call may overflow, is answered), then IVR
/// completions, then new arrivals and redials.
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
  case lineRelease = 6
  case transferEnd = 7
  case overflow = 8
  case abandon = 9
  case ivrEnd = 10
  case arrival = 11
  case redial = 12
}
