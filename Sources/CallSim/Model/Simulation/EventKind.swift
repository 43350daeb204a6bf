/// The model's event kinds. The raw value is the priority among events at the same time:
/// staffing changes first (a shift boundary is a fixed point of the day), then agents become
/// free (so a simultaneous arrival finds them free), then lines, then transfers end (a freed
/// agent can take the transferred call), then calls overflow and then abandon (a caller whose
/// patience ends exactly when an agent frees, or when the call may overflow, is answered),
/// then IVR completions, then new arrivals and redials.
enum EventKind: UInt8 {
  case staffingChange = 0
  case agentFree = 1
  case lineRelease = 2
  case transferEnd = 3
  case overflow = 4
  case abandon = 5
  case ivrEnd = 6
  case arrival = 7
  case redial = 8
}
