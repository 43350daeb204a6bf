/// "Did you mean …?" for misspelt keys: the known key at the smallest edit distance.
enum KeySuggestion {
  /// Longest word, in characters, for which a suggestion is looked for. Keys and names are
  /// short; without a cap a 30,000-character key cost seconds per comparison (O(m·n)).
  static let maxWordLength = 64
  /// Most candidates compared (a scenario may name thousands of call types); past this no
  /// suggestion is made, so one misspelling costs at most this many bounded comparisons.
  static let maxCandidates = 1_000

  /// The closest of `candidates` to `word`, if within a third of its length (at least 2 edits).
  /// - Complexity: O(`maxCandidates` · `maxWordLength`²) at most.
  static func closest(to word: String, among candidates: [String]) -> String? {
    let limit = max(2, word.count / 3)
    guard word.count <= maxWordLength, candidates.count <= maxCandidates else { return nil }
    let lowered = word.lowercased()
    // The length difference is a lower bound of the distance: skip what cannot be close.
    let best = candidates.filter { abs($0.count - word.count) <= limit }
      .map { ($0, distance(lowered, $0)) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= limit else { return nil }
    return best.0
  }

  /// Levenshtein distance.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...max(1, b.count) where !b.isEmpty {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
