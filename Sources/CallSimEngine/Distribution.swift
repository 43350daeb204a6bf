import CGSL

/// A non-negative random duration (or any positive quantity), sampled through GSL.
///
/// Values are in the caller's unit (callsim uses seconds). Build one with the factory methods
/// in `Distribution+Parameters.swift`, which convert a mean plus `sd`, `cv` or a shape into
/// GSL's own parameters and reject impossible ones.
public enum Distribution: Sendable, Equatable {
  /// Exponential with this mean.
  case exponential(mean: Double)
  /// Lognormal: the logarithm is normal with mean `mu` and standard deviation `sigma`.
  case lognormal(mu: Double, sigma: Double)
  /// Gamma with shape `k` and scale `theta` (mean `k·theta`).
  case gamma(shape: Double, scale: Double)
  /// Weibull with shape `k` and scale `lambda` (mean `lambda·Γ(1+1/k)`).
  case weibull(shape: Double, scale: Double)
  /// Erlang: the sum of `phases` exponentials, total mean `mean`.
  case erlang(phases: Int, mean: Double)
  /// Always this value.
  case deterministic(Double)
  /// Uniform on `[min, max]`.
  case uniform(min: Double, max: Double)
  /// Triangular on `[min, max]` with peak at `mode`.
  case triangular(min: Double, mode: Double, max: Double)
  /// Resamples observed values with equal probability (the empirical distribution).
  case empirical(EmpiricalSample)
  /// With probability `weights[i]` (summing to 1) a draw from `components[i]`.
  indirect case mixture(weights: [Double], components: [Distribution])

  /// One draw.
  @inlinable
  public func sample(_ stream: RandomStream) -> Double {
    switch self {
    case .exponential(let mean):
      return gsl_ran_exponential(stream.generator, mean)
    case .lognormal(let mu, let sigma):
      return gsl_ran_lognormal(stream.generator, mu, sigma)
    case .gamma(let shape, let scale):
      return gsl_ran_gamma(stream.generator, shape, scale)
    case .weibull(let shape, let scale):
      return gsl_ran_weibull(stream.generator, scale, shape)
    case .erlang(let phases, let mean):
      return gsl_ran_gamma(stream.generator, Double(phases), mean / Double(phases))
    case .deterministic(let value):
      return value
    case .uniform(let min, let max):
      return gsl_ran_flat(stream.generator, min, max)
    case .triangular(let min, let mode, let max):
      return Distribution.triangularInverse(stream.uniform(), min: min, mode: mode, max: max)
    case .empirical(let sample):
      return sample.values[stream.index(below: sample.values.count)]
    case .mixture(let weights, let components):
      var u = stream.uniform()
      for i in 0..<(weights.count - 1) {
        if u < weights[i] { return components[i].sample(stream) }
        u -= weights[i]
      }
      return components[weights.count - 1].sample(stream)
    }
  }

  /// Inverse CDF of the triangular distribution at `u` in [0, 1).
  @inlinable
  static func triangularInverse(_ u: Double, min: Double, mode: Double, max: Double) -> Double {
    let width = max - min
    guard width > 0 else { return min }
    let split = (mode - min) / width
    if u < split {
      return min + (u * width * (mode - min)).squareRoot()
    }
    return max - ((1 - u) * width * (max - mode)).squareRoot()
  }
}

/// Observed values for an empirical distribution, kept sorted.
public struct EmpiricalSample: Sendable, Equatable {
  public let values: [Double]

  /// `values` must be non-empty, finite and non-negative; the factory checks this.
  public init(values: [Double]) {
    self.values = values.sorted()
  }
}
