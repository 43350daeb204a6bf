/// The model's event kinds. The raw value is the priority among events at the same time:
/// staffing changes first (a shift boundary is a fixed point of the day), then agents become
/// free (so a simultaneous arrival finds them free), then lines, then
/// abandonments (a caller whose patience ends exactly when an agent frees is answered),
/// then IVR completions, then new arrivals and redials.

enum EventKind: UInt8 {
  case staffingChange = 0
  case agentFree = 1
  case lineRelease = 2
  case abandon = 3
  case ivrEnd = 4
  case arrival = 5
  case redial = 6
}
