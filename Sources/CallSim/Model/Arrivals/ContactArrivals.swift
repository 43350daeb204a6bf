import CallSimEngine

/// The arrivals of the chat and message types (``Channel``): each type its own Poisson
/// process (``CallType/arrivals``) drawn from its own stream, and each contact's attributes
/// from its own substreams (the type's family, keyed by the contact's number within the
/// type). Phone callers keep their stream and numbering, so adding or changing chats or
/// messages changes none of them: designs compare on common random numbers.
struct ContactArrivals {
  /// One chat or message type's arrival process.
  struct Source {
    let type: Int
    var generator: ArrivalGenerator
    let stream: RandomStream
    let contacts: CallerStreams
    /// Number of the next contact of the type, from 0: keys its substreams.
    var next: UInt32 = 0
  }

  private var sources: [Source]

  init(model: CallCenterModel, streams: RandomStreamSet) {
    let settings = model.settings
    sources = model.callTypes.indices.compactMap { t in
      let type = model.callTypes[t]
      guard type.channel != .phone, let profile = type.arrivals else { return nil }
      let name = "\(type.channel)/\(type.name)"
      return Source(
        type: t,
        generator: ArrivalGenerator(
          profile: profile, days: settings.days, horizon: settings.horizon,
          dayNoise: streams.stream("day-noise/\(name)")),
        stream: streams.stream("arrivals/\(name)"),
        contacts: CallerStreams(streams: streams, family: "contacts/\(name)"))
    }
  }

  /// Schedules each type's first contact.
  mutating func start(in calendar: inout EventCalendar) {
    for i in sources.indices { scheduleNext(i, after: 0, in: &calendar) }
  }

  /// The contact of source `index` (the event's id) arriving now: its type, its number and
  /// its attributes drawn with `callers`' sampler of the type; the source's next contact is
  /// scheduled.
  mutating func arrive(
    _ index: Int, now: Double, callers: CallerSampler, in calendar: inout EventCalendar
  ) -> (type: Int, number: UInt32, draws: CallerDraws) {
    let source = sources[index]
    let number = source.next
    sources[index].next &+= 1
    scheduleNext(index, after: now, in: &calendar)
    let draws = callers.types[source.type].drawCaller(
      source.contacts, caller: source.contacts.key(caller: number), attempt: 0)
    return (source.type, number, draws)
  }

  private mutating func scheduleNext(_ index: Int, after time: Double, in calendar: inout EventCalendar) {
    if let at = sources[index].generator.next(after: time, sources[index].stream) {
      calendar.schedule(at: at, kind: EventKind.contactArrival.rawValue, id: UInt32(index))
    }
  }
}
