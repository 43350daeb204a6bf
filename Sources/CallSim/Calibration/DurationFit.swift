import CallSimEngine
import Foundation

/// The maximum-likelihood fit of one distribution family to observed durations (seconds).
///
/// ``fitAll(_:)`` fits the four families `callsim fit durations` compares:
/// - **exponential** (k = 1 parameter): mean = x̄ (closed form).
/// - **lognormal** (k = 2): μ = mean of ln xᵢ, σ² = mean of (ln xᵢ − μ)² (closed form; the ML
///   variance divides by n, not n − 1).
/// - **gamma** (k = 2): the shape α solves ln α − ψ(α) = ln x̄ − mean(ln xᵢ) (Choi & Wette 1969,
///   "Maximum likelihood estimation of the parameters of the gamma distribution and their bias",
///   Technometrics 11(4)); scale θ = x̄/α. Solved by Newton's method on ln α, kept inside a
///   bracket where the left side changes sign (bisection when a Newton step leaves it), started
///   from the approximation α₀ = (3 − s + √((s − 3)² + 24s)) / (12s) of Minka (2002, "Estimating
///   a Gamma distribution"), with s the right side, until the bracket or the step is below a
///   relative 1e-12 of α.
/// - **Weibull** (k = 2): the shape κ solves Σ xᵢ^κ ln xᵢ / Σ xᵢ^κ − 1/κ − mean(ln xᵢ) = 0
///   (the standard Weibull ML equation; e.g. Cohen 1965, Technometrics 7(4)); its left side
///   increases with κ, so it is solved by bisection on ln κ over [0.01, 1000] to a relative
///   1e-12; scale λ = (mean of xᵢ^κ)^(1/κ). Powers are taken of xᵢ / max x so none overflows.
///
/// Each fit reports the log-likelihood ln L at the estimate, AIC = 2k − 2 ln L (lower is
/// better; Akaike 1974) and the Kolmogorov–Smirnov statistic D = sup |Fₙ(x) − F(x)|, computed
/// exactly over the sorted sample as max over i of max(F(x₍ᵢ₎) − (i−1)/n, i/n − F(x₍ᵢ₎)) (ties
/// included). D is a distance, not a test: the parameters were estimated from the same sample,
/// so the usual KS critical values do not apply.
///
/// Rules for awkward samples (fewer than 2 values is refused earlier, by ``DurationSample``):
/// - all values 0, or a mean below 1 ms (not call-center seconds; the snippet could not
///   show it): nothing is fitted (``CalibrationError``);
/// - some values 0: lognormal, gamma and Weibull need every value > 0 (ln 0 = −∞), so they are
///   skipped with that reason and only the exponential is fitted, to every value;
/// - all values equal (sd 0): only the exponential has an ML estimate; lognormal, gamma and
///   Weibull would need σ = 0 or an infinite shape, so they are skipped with that reason;
/// - a gamma shape above ``Distribution/maxShape`` or a Weibull shape outside [0.05, 1000]
///   (what a scenario accepts, or the bracket): that family is skipped with the reason.
public struct DurationFit: Sendable, Equatable {
  /// The fitted family.
  public let family: Distribution.Family
  /// The fitted distribution, with GSL's parameters (seconds).
  public let distribution: Distribution
  /// The natural parameters by name: `mean` (s) for the exponential; `mu`, `sigma` (of ln x,
  /// x in seconds) for the lognormal; `shape` and `scale` (s) for gamma and Weibull.
  public let parameters: [(name: String, value: Double)]
  /// ln L at the estimate, with densities in 1/second.
  public let logLikelihood: Double
  /// Number of fitted parameters.
  public let parameterCount: Int
  /// The Kolmogorov–Smirnov statistic D (0…1).
  public let ks: Double

  /// AIC = 2k − 2 ln L.
  public var aic: Double { 2 * Double(parameterCount) - 2 * logLikelihood }
  /// The mean implied by the fit, seconds.
  public var mean: Double { distribution.mean }
  /// The standard deviation implied by the fit, seconds.
  public var sd: Double { distribution.variance.squareRoot() }

  public static func == (a: DurationFit, b: DurationFit) -> Bool {
    a.family == b.family && a.distribution == b.distribution && a.logLikelihood == b.logLikelihood && a.ks == b.ks
      && a.parameters.map(\.name) == b.parameters.map(\.name) && a.parameters.map(\.value) == b.parameters.map(\.value)
  }

  /// The fit in callsim's scenario syntax, e.g. `{dist: lognormal, mean: 3m10.4s, sd: 2m30s}`:
  /// durations to 0.1 s (``TimeText/DurationRounding/tenths``), shapes to 5 significant
  /// digits; decodes back to ``distribution`` within that rounding. Gamma and Weibull are written as mean + shape. A lognormal whose
  /// cv (sd / mean) is below ``minSnippetCV`` — durations that hardly vary — is written as
  /// `deterministic` (its sd could print as `0s`, which the decoder refuses).
  public var snippet: String {
    let m = TimeText.duration(mean, rounding: .tenths)
    switch family {
    case .exponential: return "{dist: exponential, mean: \(m)}"
    case .lognormal:
      guard sd / mean >= DurationFit.minSnippetCV else { return "{dist: deterministic, mean: \(m)}" }
      return "{dist: lognormal, mean: \(m), sd: \(TimeText.duration(sd, rounding: .tenths))}"
    case .gamma, .weibull:
      return "{dist: \(family.rawValue), mean: \(m), shape: \(String(format: "%.5g", parameters[0].value))}"
    default: return "{dist: \(family.rawValue), mean: \(m)}"
    }
  }

  /// The smallest cv (sd / mean) a snippet keeps a spread for: 1e-5, the cv below which
  /// scenarios refuse an Erlang or gamma (shape 1/cv² above ``Distribution/maxShape``) and ask
  /// for `deterministic`. Above it the sd prints as at least 1e-8 s (the mean is at least
  /// 1 ms), which ``TimeText/DurationRounding/tenths`` shows to 3 significant digits, never
  /// as `0s`.
  public static let minSnippetCV = 1e-5

  /// The fits of every family that can be fitted, sorted by AIC (best first), and the reasons
  /// the others were skipped. `values` in seconds, each finite and ≥ 0, at least 2 of them.
  public static func fitAll(_ values: [Double]) throws(CalibrationError) -> DurationFitReport {
    guard values.count >= 2 else { throw CalibrationError("need at least 2 durations to fit, got \(values.count)") }
    guard values.allSatisfy({ $0.isFinite && $0 >= 0 }) else { throw CalibrationError("durations must be finite and ≥ 0") }
    let sorted = values.sorted()
    guard sorted.last! > 0 else { throw CalibrationError("all \(values.count) durations are 0: no distribution can be fitted (use {dist: deterministic, mean: 0s})") }
    let mean = sorted.reduce(0, +) / Double(sorted.count)
    guard mean >= 0.001 else {
      throw CalibrationError("the mean duration is \(ScenarioField.show(mean)) s, below 1 ms: are the values in seconds?")
    }
    var fits = [exponential(sorted)]
    var skipped: [(family: Distribution.Family, reason: String)] = []
    let others: [Distribution.Family] = [.lognormal, .gamma, .weibull]
    let zeros = sorted.prefix { $0 == 0 }.count
    var note: String?
    if zeros > 0 {
      let are = zeros == 1 ? "is" : "are"
      for f in others { skipped.append((f, "\(zeros) of \(values.count) durations \(are) 0; a \(displayName(f)) needs every duration > 0")) }
    } else if sorted.first == sorted.last {
      for f in others {
        skipped.append((f, "all durations equal \(ScenarioField.show(sorted[0])) s (sd 0); a \(displayName(f)) fit needs spread"))
      }
      note = "every duration is \(ScenarioField.show(sorted[0])) s: a fixed duration is {dist: deterministic, mean: \(TimeText.duration(sorted[0], rounding: .tenths))}"
    } else {
      fits.append(lognormal(sorted))
      for (family, fit) in [(Distribution.Family.gamma, gamma), (.weibull, weibull)] {
        do { fits.append(try fit(sorted)) } catch { skipped.append((family, error.description)) }
      }
    }
    fits.sort { $0.aic < $1.aic }
    return DurationFitReport(count: values.count, fits: fits, skipped: skipped, note: note)
  }

  /// The family's name in prose: `Weibull`, `gamma`.
  public static func displayName(_ family: Distribution.Family) -> String {
    family == .weibull ? "Weibull" : family.rawValue
  }

  // MARK: - The four families (each takes the sample sorted ascending)

  static func exponential(_ x: [Double]) -> DurationFit {
    let n = Double(x.count)
    let mean = x.reduce(0, +) / n
    return make(.exponential, .exponential(mean: mean), [("mean", mean)], logLikelihood: -n * log(mean) - n, k: 1, x)
  }

  static func lognormal(_ x: [Double]) -> DurationFit {
    let n = Double(x.count)
    let logs = x.map { log($0) }
    let mu = logs.reduce(0, +) / n
    let sigma2 = logs.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / n
    let sigma = sigma2.squareRoot()
    let lnL = -logs.reduce(0, +) - n / 2 * log(2 * Double.pi * sigma2) - n / 2
    return make(.lognormal, .lognormal(mu: mu, sigma: sigma), [("mu", mu), ("sigma", sigma)], logLikelihood: lnL, k: 2, x)
  }

  /// Relative tolerance on the shape of the gamma and Weibull fits.
  static let shapeTolerance = 1e-12

  static func gamma(_ x: [Double]) throws(CalibrationError) -> DurationFit {
    let n = Double(x.count)
    let mean = x.reduce(0, +) / n
    let sumLog = x.reduce(0) { $0 + log($1) }
    let s = log(mean) - sumLog / n  // > 0 by Jensen's inequality unless all values are equal
    guard s > 0, s.isFinite else { throw CalibrationError("ln(mean) − mean(ln x) = \(s) is not positive: the gamma ML shape does not exist") }
    do {
      // f(α) = ln α − ψ(α) − s decreases from +∞ to 0 as α goes from 0 to ∞: one root.
      func f(_ a: Double) throws -> Double { log(a) - (try SpecialFunctions.digamma(a)) - s }
      var a = (3 - s + ((s - 3) * (s - 3) + 24 * s).squareRoot()) / (12 * s)
      var lo = a, hi = a
      while try f(lo) < 0 { lo /= 2; guard lo > 1e-300 else { throw CalibrationError("gamma shape below 1e-300") } }
      while try f(hi) > 0 { hi *= 2; guard hi < 1e300 else { throw CalibrationError("gamma shape above 1e300") } }
      for _ in 0..<200 {
        let fa = try f(a)
        if fa > 0 { lo = a } else { hi = a }
        // Newton on u = ln α: df/du = α·(1/α − ψ′(α)) = 1 − α·ψ′(α).
        let slope = 1 - a * (try SpecialFunctions.trigamma(a))
        var next = a * exp(-fa / slope)
        if !(next > lo && next < hi) || !next.isFinite { next = (lo * hi).squareRoot() }
        let step = abs(next - a) / a
        a = next
        if step < shapeTolerance || hi / lo - 1 < shapeTolerance { break }
      }
      let theta = mean / a
      let lnL = (a - 1) * sumLog - n * a - n * a * log(theta) - n * (try SpecialFunctions.lnGamma(a))
      guard a <= Distribution.maxShape else {
        throw CalibrationError("the gamma ML shape \(String(format: "%.3g", a)) is above callsim's limit of 1e10 (the durations hardly vary)")
      }
      return make(.gamma, .gamma(shape: a, scale: theta), [("shape", a), ("scale", theta)], logLikelihood: lnL, k: 2, x)
    } catch let error as CalibrationError {
      throw error
    } catch {
      throw CalibrationError("gamma fit failed: \(error)")
    }
  }

  static func weibull(_ x: [Double]) throws(CalibrationError) -> DurationFit {
    let n = Double(x.count)
    let top = x.last!
    let logs = x.map { log($0) }
    let meanLog = logs.reduce(0, +) / n
    let scaledLogs = logs.map { $0 - log(top) }  // ln(xᵢ / max) ≤ 0
    // g(κ) = Σ yᵢ^κ ln xᵢ / Σ yᵢ^κ − 1/κ − mean(ln x), with yᵢ = xᵢ/max (the ratio is unchanged).
    func g(_ k: Double) -> Double {
      var num = 0.0, den = 0.0
      for (l, sl) in zip(logs, scaledLogs) {
        let w = exp(k * sl)
        num += w * l
        den += w
      }
      return num / den - 1 / k - meanLog
    }
    var lo = 0.01, hi = 1000.0
    guard g(lo) < 0, g(hi) > 0 else {
      throw CalibrationError("the Weibull ML shape lies outside [0.01, 1000] (the durations hardly vary, or vary over many orders of magnitude)")
    }
    while hi / lo - 1 > shapeTolerance {
      let mid = (lo * hi).squareRoot()
      if g(mid) < 0 { lo = mid } else { hi = mid }
    }
    let k = (lo * hi).squareRoot()
    // λ = (mean xᵢ^κ)^(1/κ) = max · (mean yᵢ^κ)^(1/κ).
    let meanPower = scaledLogs.reduce(0) { $0 + exp(k * $1) } / n
    let lambda = top * pow(meanPower, 1 / k)
    let sumScaled = logs.reduce(0) { $0 + exp(k * ($1 - log(lambda))) }
    let lnL = n * log(k) - n * k * log(lambda) + (k - 1) * logs.reduce(0, +) - sumScaled
    guard k >= 0.05 else {
      throw CalibrationError("the Weibull ML shape \(k) is below callsim's limit of 0.05")
    }
    return make(.weibull, .weibull(shape: k, scale: lambda), [("shape", k), ("scale", lambda)], logLikelihood: lnL, k: 2, x)
  }

  static func make(
    _ family: Distribution.Family, _ d: Distribution, _ parameters: [(String, Double)], logLikelihood: Double, k: Int,
    _ sorted: [Double]
  ) -> DurationFit {
    DurationFit(
      family: family, distribution: d, parameters: parameters.map { (name: $0.0, value: $0.1) }, logLikelihood: logLikelihood,
      parameterCount: k, ks: ksStatistic(sorted, d))
  }

  /// D = sup |Fₙ − F| over a sample sorted ascending (exact, ties included).
  public static func ksStatistic(_ sorted: [Double], _ d: Distribution) -> Double {
    let n = Double(sorted.count)
    var D = 0.0
    for (i, x) in sorted.enumerated() {
      let f = d.cdf(x)
      D = max(D, f - Double(i) / n, Double(i + 1) / n - f)
    }
    return D
  }
}
