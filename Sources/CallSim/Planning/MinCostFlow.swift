/// A small min-cost flow on a directed graph with integer capacities, by successive
/// shortest paths (Bellman–Ford queue, so costs may be any sign as long as no negative cycle
/// starts out). The tour roster uses it to give each day's shifts to people.
struct MinCostFlow {
  private struct Arc {
    var to: Int
    var capacity: Int
    var cost: Double
  }

  private var arcs: [Arc] = []
  private var outgoing: [[Int]]

  init(nodes: Int) { outgoing = Array(repeating: [], count: nodes) }

  /// Adds an arc (and its residual twin); returns its index for ``flow(on:)``.
  @discardableResult
  mutating func addArc(from: Int, to: Int, capacity: Int, cost: Double) -> Int {
    outgoing[from].append(arcs.count)
    arcs.append(Arc(to: to, capacity: capacity, cost: cost))
    outgoing[to].append(arcs.count)
    arcs.append(Arc(to: from, capacity: 0, cost: -cost))
    return arcs.count - 2
  }

  /// Flow on arc `index` after ``run(from:to:)``.
  func flow(on index: Int) -> Int { arcs[index + 1].capacity }

  /// Sends as much flow as possible from `source` to `sink` at the least cost; returns the flow.
  /// - Complexity: O(flow · nodes · arcs) at worst.
  mutating func run(from source: Int, to sink: Int) -> Int {
    var total = 0
    let n = outgoing.count
    while true {
      var distance = [Double](repeating: .infinity, count: n)
      var via = [Int](repeating: -1, count: n)
      var queued = [Bool](repeating: false, count: n)
      var queue = [source]
      var head = 0
      distance[source] = 0
      queued[source] = true
      while head < queue.count {
        let u = queue[head]
        head += 1
        queued[u] = false
        for a in outgoing[u] where arcs[a].capacity > 0 {
          let v = arcs[a].to
          let d = distance[u] + arcs[a].cost
          if d < distance[v] - 1e-12 {
            distance[v] = d
            via[v] = a
            if !queued[v] {
              queued[v] = true
              queue.append(v)
            }
          }
        }
      }
      guard distance[sink].isFinite else { return total }
      var bottleneck = Int.max
      var v = sink
      while v != source {
        bottleneck = min(bottleneck, arcs[via[v]].capacity)
        v = arcs[via[v] ^ 1].to
      }
      v = sink
      while v != source {
        arcs[via[v]].capacity -= bottleneck
        arcs[via[v] ^ 1].capacity += bottleneck
        v = arcs[via[v] ^ 1].to
      }
      total += bottleneck
    }
  }
}
