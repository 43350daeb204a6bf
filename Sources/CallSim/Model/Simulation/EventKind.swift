/// The model's event kinds. The raw value is the priority among events at the same time:
/// staffing changes first (a shift boundary is a fixed point of the day), then agents become
/// free (so a simultaneous arrival finds them free), then lines, then transfers end (a freed
/// agent can take the transferred call), then calls overflow and then abandon (a caller whose
/// patience ends exactly when an agent frees, or when the call may overflow, is answered),
/// then IVR completions, then new arrivals and redials. An agent's recovery after an abusive
/// call ends like an agent becoming free, just after those (the raw values only order kinds among themselves).
enum EventKind: UInt8 {
  case staffingChange = 0
  case agentFree = 1
  case recoveryEnd = 2
  case lineRelease = 3
  case transferEnd = 4
  case overflow = 5
  case abandon = 6
  case ivrEnd = 7
  case arrival = 8
  case redial = 9
}
