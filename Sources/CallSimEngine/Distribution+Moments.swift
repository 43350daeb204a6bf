import CGSL
import Foundation

/// Analytic mean, variance and CDF: used by tests (sample moments, Kolmogorov–Smirnov) and by
/// the planner, which needs the mean handle time.
extension Distribution {
  /// The expected value.
  public var mean: Double {
    switch self {
    case .exponential(let mean): return mean
    case .lognormal(let mu, let sigma): return exp(mu + sigma * sigma / 2)
    case .gamma(let k, let theta): return k * theta
    case .weibull(let k, let lambda): return lambda * exp(gsl_sf_lngamma(1 + 1 / k))
    case .erlang(_, let mean): return mean
    case .deterministic(let value): return value
    case .uniform(let a, let b): return (a + b) / 2
    case .triangular(let a, let c, let b): return (a + b + c) / 3
    case .empirical(let s): return s.values.reduce(0, +) / Double(s.values.count)
    case .mixture(let w, let parts): return zip(w, parts).reduce(0) { $0 + $1.0 * $1.1.mean }
    }
  }

  /// Whether a draw is exactly 0 with positive probability (F(0) > 0): a deterministic 0,
  /// a uniform on [0, 0], an observed 0 in an empirical sample, or a mixture with such a
  /// component. The continuous families with a positive mean have no mass at 0.
  public var hasPointMassAtZero: Bool {
    switch self {
    case .deterministic(let value): return value == 0
    case .uniform(let a, let b): return a == 0 && b == 0
    case .empirical(let s): return s.values.first == 0
    case .mixture(_, let parts): return parts.contains { $0.hasPointMassAtZero }
    case .exponential, .lognormal, .gamma, .weibull, .erlang, .triangular: return false
    }
  }

  /// The variance.
  public var variance: Double {
    switch self {
    case .exponential(let mean): return mean * mean
    case .lognormal(let mu, let sigma): return (exp(sigma * sigma) - 1) * exp(2 * mu + sigma * sigma)
    case .gamma(let k, let theta): return k * theta * theta
    case .weibull(let k, let lambda):
      let g1 = exp(gsl_sf_lngamma(1 + 1 / k)), g2 = exp(gsl_sf_lngamma(1 + 2 / k))
      return lambda * lambda * (g2 - g1 * g1)
    case .erlang(let n, let mean): return mean * mean / Double(n)
    case .deterministic: return 0
    case .uniform(let a, let b): return (b - a) * (b - a) / 12
    case .triangular(let a, let c, let b): return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
    case .empirical(let s):
      let m = mean
      return s.values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(s.values.count)
    case .mixture(let w, let parts):
      let m = mean
      return zip(w, parts).reduce(0) { $0 + $1.0 * ($1.1.variance + ($1.1.mean - m) * ($1.1.mean - m)) }
    }
  }

  /// P(X ≤ x), from GSL's CDFs where GSL has one.
  public func cdf(_ x: Double) -> Double {
    switch self {
    case .exponential(let mean): return gsl_cdf_exponential_P(x, mean)
    case .lognormal(let mu, let sigma): return x <= 0 ? 0 : gsl_cdf_lognormal_P(x, mu, sigma)
    case .gamma(let k, let theta): return gsl_cdf_gamma_P(x, k, theta)
    case .weibull(let k, let lambda): return gsl_cdf_weibull_P(x, lambda, k)
    case .erlang(let n, let mean): return gsl_cdf_gamma_P(x, Double(n), mean / Double(n))
    case .deterministic(let value): return x >= value ? 1 : 0
    case .uniform(let a, let b): return a == b ? (x >= a ? 1 : 0) : gsl_cdf_flat_P(x, a, b)
    case .triangular(let a, let c, let b):
      if x <= a { return 0 }
      if x >= b { return 1 }
      if x <= c { return (x - a) * (x - a) / ((b - a) * (c - a)) }
      return 1 - (b - x) * (b - x) / ((b - a) * (b - c))
    case .empirical(let s):
      var lo = 0, hi = s.values.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if s.values[mid] <= x { lo = mid + 1 } else { hi = mid }
      }
      return Double(lo) / Double(s.values.count)
    case .mixture(let w, let parts): return zip(w, parts).reduce(0) { $0 + $1.0 * $1.1.cdf(x) }
    }
  }
}
