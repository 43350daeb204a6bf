/// The agent-selection rule: a call that finds agents idle goes to the one idle longest
/// among the groups allowed to take it (the fairest rule, and the one ACD systems default
/// to). Each ``AgentPool`` keeps its idle agents in the order they became idle, so a group's
/// candidate is the head of its line; this picks between the groups.
enum LongestIdleAgent {
  /// The group, among `lists`' list `list`, whose longest-idle agent has been idle longest;
  /// `nil` when none of them has an idle agent. Ties go to the group listed first.
  @inline(__always)
  static func group(among lists: IndexLists, list: Int, pools: UnsafeMutableBufferPointer<AgentPool>) -> Int? {
    let range = lists.range(list)
    if range.count == 1 {
      let g = lists.item(range.lowerBound)
      return pools[g].hasIdle ? g : nil
    }
    var best: Int?
    var bestSince = Double.infinity
    for p in range {
      let g = lists.item(p)
      if pools[g].hasIdle && pools[g].longestIdleSince < bestSince {
        best = g
        bestSince = pools[g].longestIdleSince
      }
    }
    return best
  }
}
