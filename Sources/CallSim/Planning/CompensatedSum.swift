/// Neumaier-compensated running sum of doubles: the chain's absorbed probability adds
/// terms of very different sizes, which a plain sum would round away.
struct CompensatedSum {
  private var sum = 0.0
  private var compensation = 0.0

  mutating func add(_ x: Double) {
    let s = sum + x
    if abs(sum) >= abs(x) {
      compensation += (sum - s) + x
    } else {
      compensation += (x - s) + sum
    }
    sum = s
  }

  var value: Double { sum + compensation }
}
