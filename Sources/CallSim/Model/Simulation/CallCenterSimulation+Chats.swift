import CallSimEngine

/// Chats (``Channel/chat``): placed by ``ChatRouting``, held by agents up to their group's
/// concurrency (``ChatLoad``), each ending on a timer that moves when its agent's pace does
/// (``ChatTimer``). An agent whose last chat ends is free like one whose call ended.
extension CallCenterSimulation {
  /// The chat in `slot` has just arrived: the agent with the fewest chats takes it, or it waits.
  mutating func arriveChat(slot: UInt32, now: Double) {
    let record = calls.records[Int(slot)]
    tally.queued(cell: cell(record))
    notify(.queued, slot: slot, now: now)
    let (staffing, pools) = (staffing, pools)
    if let (g, agent) = routing.chats.agent(
      forChatIn: Int(record.queue), pools: pools, loads: chatLoads, leaving: { staffing.isLeaving($1, group: $0, pools: pools) })
    {
      startChat(slot: slot, group: g, agent: agent ?? pools[g].seize(), now: now)
    } else {
      wait(record, slot: slot, waited: 0, overflowAfter: .infinity)
    }
  }

  /// `agent` of group `g` (busy in its pool) takes the chat in `slot` at `now`.
  mutating func startChat(slot: UInt32, group g: Int, agent: UInt32, now: Double) {
    let record = calls.records[Int(slot)]
    if record.state == .waiting { calendar.cancelTimer(id: CallTimer.abandon(slot)) }
    calls.records[Int(slot)].state = .chatting
    let remote = pools[g].remote[Int(agent)]
    let wait = now - record.queuedAt
    // A chat's handle and wrap-up are its work at one chat; both slow down alike.
    let work = record.talk + record.wrap
    tally.answered(
      type: Int(record.type), hour: Int(record.hour), group: g, remote: remote, wait: wait, talk: work, wrap: 0,
      capped: false, abusive: false, at: now, chat: true)
    notify(.answered(group: g, agent: Int(agent), remote: remote, wait: wait, talk: record.talk, wrap: record.wrap), slot: slot, now: now)
    let (held, since) = chatLoads[g].add(slot, work: work, agent: agent, now: now)
    if held > 0 { tally.chatting(held, group: g, remote: remote, from: since, to: now) }
    scheduleChatEnds(group: g, agent: agent, only: chatLoads[g].slowsDown ? nil : slot)
  }

  /// The chat in `slot` ends; its agent (`tag`, ``ChatTimer``) is free when it was its last,
  /// else takes the next waiting chat unless it is due to leave.
  mutating func endChat(slot: UInt32, tag: UInt32, now: Double) {
    let g = ChatTimer.group(tag)
    let agent = ChatTimer.agent(tag)
    let (held, since) = chatLoads[g].remove(slot, agent: agent, now: now)
    tally.chatting(held, group: g, remote: pools[g].remote[Int(agent)], from: since, to: now)
    calls.release(slot)
    if held == 1 { return agentFree(agent, group: g, now: now) }
    if chatLoads[g].slowsDown { scheduleChatEnds(group: g, agent: agent, only: nil) }
    if !staffing.isLeaving(agent, group: g, pools: pools) { takeWaitingChats(group: g, agent: agent, now: now) }
  }

  /// `agent` of group `g`, holding a chat, takes waiting chats while it has room.
  mutating func takeWaitingChats(group g: Int, agent: UInt32, now: Double) {
    while chatLoads[g].chats(agent) < chatLoads[g].concurrency, let q = routing.chats.queue(for: g, queues: queues, calls: calls) {
      startChat(slot: queues[q].popFront().slot, group: g, agent: agent, now: now)
    }
  }

  /// Agents of group `g` take the waiting chats, each to the agent with the fewest.
  mutating func serveWaitingChats(group g: Int, now: Double) {
    let (staffing, pools) = (staffing, pools)
    while let q = routing.chats.queue(for: g, queues: queues, calls: calls) {
      let agent: UInt32
      if pools[g].hasIdle {
        agent = pools[g].seize()
      } else if let (a, _, _) = chatLoads[g].agentWithRoom(leaving: { staffing.isLeaving($0, group: g, pools: pools) }) {
        agent = a
      } else {
        return
      }
      startChat(slot: queues[q].popFront().slot, group: g, agent: agent, now: now)
    }
  }

  /// Schedules the end of each chat `agent` of group `g` holds (only the one in `only` when given).
  private mutating func scheduleChatEnds(group g: Int, agent: UInt32, only: UInt32?) {
    let tag = ChatTimer.tag(group: g, agent: agent)
    chatLoads[g].forEachChat(of: agent) { slot, end in
      if only == nil || only == slot {
        calendar.scheduleTimer(at: end, kind: EventKind.chatEnd.rawValue, id: CallTimer.abandon(slot), tag: tag)
      }
    }
  }

  /// Counts the chat time of the chats still in progress up to `time` (the end of the run).
  mutating func recordChatsInProgress(until time: Double) {
    for g in chatLoads.indices {
      for a in 0..<UInt32(pools[g].capacity) where chatLoads[g].chats(a) > 0 {
        tally.chatting(chatLoads[g].chats(a), group: g, remote: pools[g].remote[Int(a)], from: chatLoads[g].heldSince(a), to: time)
      }
    }
  }
}
