import CGSL
import Foundation

/// Why a distribution could not be built from the numbers given; the scenario layer adds
/// the file and key path.
public struct DistributionParameterError: Error, Sendable, Equatable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// The one place where a mean plus `sd`, `cv` or shape becomes GSL's parameters.
extension Distribution {
  /// The distribution families a scenario may name.
  public enum Family: String, Sendable, CaseIterable {
    case exponential, lognormal, gamma, weibull, erlang, deterministic, uniform, triangular, empirical, mixture
  }

  /// Largest gamma shape and Erlang phase count accepted (shape = 1/cv², so cv ≥ 1e-5).
  /// A smaller cv is a fixed duration for any purpose (use `deterministic`); a much smaller
  /// one overflowed: `cv: 1e-10` made 10²⁰ phases (a trap converting to `Int`), `cv: 1e-200`
  /// an infinite shape and a zero scale (NaN samples).
  public static let maxShape = 1e10

  /// Exponential with `mean` > 0.
  public static func exponential(withMean mean: Double) throws -> Distribution {
    try requirePositive(mean, "mean")
    return .exponential(mean: mean)
  }

  /// Lognormal with the given mean and standard deviation of the value itself:
  /// σ² = ln(1 + cv²), μ = ln(mean) − σ²/2.
  public static func lognormal(mean: Double, sd: Double) throws -> Distribution {
    try requirePositive(mean, "mean")
    try requirePositive(sd, "sd")
    let sigma2 = log1p((sd / mean) * (sd / mean))
    let mu = log(mean) - sigma2 / 2
    guard sigma2.isFinite, mu.isFinite else {
      throw DistributionParameterError("sd/mean = \(sd / mean) is too large for a lognormal (σ² = ln(1 + cv²) must be finite)")
    }
    return .lognormal(mu: mu, sigma: sigma2.squareRoot())
  }

  /// Gamma with the given mean and standard deviation: shape = 1/cv², scale = mean·cv².
  public static func gamma(mean: Double, sd: Double) throws -> Distribution {
    try requirePositive(mean, "mean")
    try requirePositive(sd, "sd")
    let cv2 = (sd / mean) * (sd / mean)
    guard cv2 >= 1 / maxShape else {
      throw DistributionParameterError(
        "cv = sd/mean = \(sd / mean) gives a gamma shape 1/cv² above the limit of \(Int(maxShape)) (cv must be at least 1e-5; use dist: deterministic for a fixed duration)")
    }
    return try checkedGamma(shape: 1 / cv2, scale: mean * cv2)
  }

  /// Gamma with the given mean and shape k: scale = mean/k.
  public static func gamma(mean: Double, shape: Double) throws -> Distribution {
    try requirePositive(mean, "mean")
    try requirePositive(shape, "shape")
    return try checkedGamma(shape: shape, scale: mean / shape)
  }

  /// Gamma from GSL's own parameters, once both are known to be usable: shape at most
  /// ``maxShape`` and a positive finite scale (seconds).
  private static func checkedGamma(shape: Double, scale: Double) throws -> Distribution {
    guard shape <= maxShape else {
      throw DistributionParameterError("shape \(shape) is above the limit of \(Int(maxShape)) (use dist: deterministic for a fixed duration)")
    }
    guard scale.isFinite, scale > 0 else {
      throw DistributionParameterError("mean and shape give a gamma scale of \(scale) seconds; it must be a positive finite number")
    }
    return .gamma(shape: shape, scale: scale)
  }

  /// Weibull with the given mean and shape k: scale = mean / Γ(1 + 1/k).
  public static func weibull(mean: Double, shape: Double) throws -> Distribution {
    try requirePositive(mean, "mean")
    try requirePositive(shape, "shape")
    guard shape >= 0.05 else { throw DistributionParameterError("shape must be at least 0.05 (got \(shape))") }
    let scale = mean / exp(gsl_sf_lngamma(1 + 1 / shape))
    guard scale.isFinite, scale > 0 else {
      throw DistributionParameterError("mean and shape give a Weibull scale of \(scale) seconds; it must be a positive finite number")
    }
    return .weibull(shape: shape, scale: scale)
  }

  /// Weibull with the given mean and standard deviation; the shape solves
  /// cv² = Γ(1+2/k)/Γ(1+1/k)² − 1 by bisection (cv falls as k grows).
  public static func weibull(mean: Double, sd: Double) throws -> Distribution {
    try requirePositive(mean, "mean")
    try requirePositive(sd, "sd")
    let target = sd / mean
    guard target <= 20 else { throw DistributionParameterError("cv = sd/mean must be at most 20 for a Weibull (got \(target))") }
    var lo = log(0.05), hi = log(200.0)
    for _ in 0..<200 {
      let mid = (lo + hi) / 2
      if weibullCV(shape: exp(mid)) > target { lo = mid } else { hi = mid }
    }
    return try weibull(mean: mean, shape: exp((lo + hi) / 2))
  }

  static func weibullCV(shape k: Double) -> Double {
    let g1 = gsl_sf_lngamma(1 + 1 / k), g2 = gsl_sf_lngamma(1 + 2 / k)
    return (exp(g2 - 2 * g1) - 1).squareRoot()
  }

  /// Erlang with `phases` ≥ 1 exponential phases and total mean `mean`.
  public static func erlang(mean: Double, phases: Int) throws -> Distribution {
    try requirePositive(mean, "mean")
    guard phases >= 1 else { throw DistributionParameterError("shape (phases) must be a whole number of at least 1 (got \(phases))") }
    guard Double(phases) <= maxShape else {
      throw DistributionParameterError("\(phases) phases is above the limit of \(Int(maxShape)) (use dist: deterministic for a fixed duration)")
    }
    return .erlang(phases: phases, mean: mean)
  }

  /// Always `value` ≥ 0.
  public static func deterministic(value: Double) throws -> Distribution {
    try requireNonNegative(value, "mean")
    return .deterministic(value)
  }

  /// Uniform on [min, max] with 0 ≤ min ≤ max.
  public static func uniform(from min: Double, to max: Double) throws -> Distribution {
    try requireNonNegative(min, "min")
    try requireNonNegative(max, "max")
    guard min <= max else { throw DistributionParameterError("min must not exceed max (got min \(min), max \(max))") }
    return .uniform(min: min, max: max)
  }

  /// Uniform with the given mean and sd: [mean − √3·sd, mean + √3·sd], which must not go below 0.
  public static func uniform(mean: Double, sd: Double) throws -> Distribution {
    try requirePositive(mean, "mean")
    try requireNonNegative(sd, "sd")
    let half = 3.0.squareRoot() * sd
    guard mean - half >= 0 else {
      throw DistributionParameterError("a uniform with mean \(mean) and sd \(sd) would go below 0; sd must be at most mean/√3")
    }
    return try uniform(from: mean - half, to: mean + half)
  }

  /// Triangular on [min, max] with peak `mode`, 0 ≤ min ≤ mode ≤ max, min < max.
  public static func triangular(from min: Double, peak mode: Double, to max: Double) throws -> Distribution {
    try requireNonNegative(min, "min")
    guard min <= mode, mode <= max, min < max else {
      throw DistributionParameterError("need min ≤ mode ≤ max and min < max (got min \(min), mode \(mode), max \(max))")
    }
    return .triangular(min: min, mode: mode, max: max)
  }

  /// Resampling of observed values (non-empty, finite, ≥ 0).
  public static func empirical(values: [Double]) throws -> Distribution {
    guard !values.isEmpty else { throw DistributionParameterError("no observed values") }
    if let bad = values.first(where: { !$0.isFinite || $0 < 0 }) {
      throw DistributionParameterError("observed values must be finite and ≥ 0 (found \(bad))")
    }
    return .empirical(EmpiricalSample(values: values))
  }

  /// A mixture; `weights` must be positive and are normalised to sum to 1.
  public static func mixture(weighted weights: [Double], of components: [Distribution]) throws -> Distribution {
    guard !components.isEmpty, weights.count == components.count else {
      throw DistributionParameterError("a mixture needs at least one component, each with a weight")
    }
    guard weights.allSatisfy({ $0.isFinite && $0 > 0 }) else {
      throw DistributionParameterError("mixture weights must be positive numbers")
    }
    let total = weights.reduce(0, +)
    return .mixture(weights: weights.map { $0 / total }, components: components)
  }

  private static func requirePositive(_ value: Double, _ name: String) throws {
    guard value.isFinite, value > 0 else {
      throw DistributionParameterError("\(name) must be a positive finite number (got \(value))")
    }
  }

  private static func requireNonNegative(_ value: Double, _ name: String) throws {
    guard value.isFinite, value >= 0 else {
      throw DistributionParameterError("\(name) must be a finite number ≥ 0 (got \(value))")
    }
  }
}
