import CallSim
import CallSimEngine
import Foundation
import Testing

/// The maximum-likelihood fits of `callsim fit durations`.
///
/// Recovery: 100 000 draws from the project's own samplers (fixed seed, so each test is
/// deterministic). At that size every ML standard error of these parameters is at most
/// 0.5 % of the parameter (e.g. a gamma shape 0.7: sd(α̂) ≈ √(α / (n(αψ′(α) − 1))) = 0.38 %;
/// a Weibull shape: 0.78·κ/√n = 0.25 %; a lognormal σ: σ/√(2n) = 0.22 %), so a 2 % tolerance is
/// more than 4 standard errors: a failure means a wrong estimator, not bad luck.
@Suite struct DurationFitTests {
  static let n = 100_000

  static func draws(_ d: Distribution, _ name: String, n: Int = n, seed: UInt64 = 17) -> [Double] {
    RandomStreamSet(seed: seed, replication: 0).withStream(name) { s in (0..<n).map { _ in d.sample(s) } }
  }

  static func relative(_ a: Double, _ b: Double) -> Double { abs(a / b - 1) }

  /// ln L summed from each density written out here (Foundation's `lgamma`, not GSL), to
  /// check the fits' closed-form log-likelihoods independently.
  static func logLikelihood(_ d: Distribution, _ xs: [Double]) -> Double {
    xs.reduce(0) { sum, x in
      switch d {
      case .exponential(let m): return sum - log(m) - x / m
      case .lognormal(let mu, let s):
        return sum - log(x * s * (2 * Double.pi).squareRoot()) - (log(x) - mu) * (log(x) - mu) / (2 * s * s)
      case .gamma(let k, let t): return sum + (k - 1) * log(x) - x / t - k * log(t) - lgamma(k)
      case .weibull(let k, let l): return sum + log(k / l) + (k - 1) * log(x / l) - pow(x / l, k)
      default: fatalError("not a fitted family")
      }
    }
  }

  func fit(_ family: Distribution.Family, _ xs: [Double]) throws -> DurationFit {
    try #require(try DurationFit.fitAll(xs).fits.first { $0.family == family })
  }

  @Test func exponentialRecoversItsMean() throws {
    let f = try fit(.exponential, Self.draws(.exponential(mean: 300), "exp"))
    guard case .exponential(let m) = f.distribution else { Issue.record("\(f.distribution)"); return }
    #expect(Self.relative(m, 300) < 0.02, "mean \(m)")
  }

  @Test func lognormalRecoversMuAndSigma() throws {
    let truth = try Distribution.lognormal(mean: 190, sd: 150)
    guard case .lognormal(let mu0, let s0) = truth else { return }
    let f = try fit(.lognormal, Self.draws(truth, "ln"))
    guard case .lognormal(let mu, let s) = f.distribution else { Issue.record("\(f.distribution)"); return }
    // μ is compared on its own scale: its standard error is σ/√n ≈ 0.0022.
    #expect(abs(mu - mu0) < 0.02, "mu \(mu) vs \(mu0)")
    #expect(Self.relative(s, s0) < 0.02, "sigma \(s) vs \(s0)")
  }

  @Test(arguments: [(0.7, 100.0), (2.0, 150.0), (9.0, 20.0)])
  func gammaRecoversShapeAndScale(_ shape: Double, _ scale: Double) throws {
    let xs = Self.draws(.gamma(shape: shape, scale: scale), "gamma \(shape)")
    let f = try fit(.gamma, xs)
    guard case .gamma(let k, let t) = f.distribution else { Issue.record("\(f.distribution)"); return }
    #expect(Self.relative(k, shape) < 0.02, "shape \(k)")
    #expect(Self.relative(t, scale) < 0.02, "scale \(t)")
    // The Choi–Wette equation holds at the estimate (the solver converged).
    let n = Double(xs.count)
    let s = log(xs.reduce(0, +) / n) - xs.reduce(0) { $0 + log($1) } / n
    #expect(abs(log(k) - (try SpecialFunctions.digamma(k)) - s) < 1e-10)
    #expect(Self.relative(k * t, xs.reduce(0, +) / n) < 1e-12, "the ML mean of a gamma is the sample mean")
  }

  @Test(arguments: [(0.8, 200.0), (1.5, 300.0), (4.0, 60.0)])
  func weibullRecoversShapeAndScale(_ shape: Double, _ scale: Double) throws {
    let xs = Self.draws(.weibull(shape: shape, scale: scale), "weibull \(shape)")
    let f = try fit(.weibull, xs)
    guard case .weibull(let k, let l) = f.distribution else { Issue.record("\(f.distribution)"); return }
    #expect(Self.relative(k, shape) < 0.02, "shape \(k)")
    #expect(Self.relative(l, scale) < 0.02, "scale \(l)")
  }

  /// On a small sample, the fitted log-likelihood equals the sum of log densities, and
  /// moving any parameter by 1 % lowers it (the estimate is a maximum).
  @Test func estimatesMaximiseTheLikelihood() throws {
    let xs = Self.draws(.gamma(shape: 1.7, scale: 100), "small", n: 200)
    for f in try DurationFit.fitAll(xs).fits {
      let direct = Self.logLikelihood(f.distribution, xs)
      #expect(abs(f.logLikelihood - direct) < 1e-8 * abs(direct), "\(f.family): \(f.logLikelihood) vs \(direct)")
      #expect(abs(f.aic - (2 * Double(f.parameterCount) - 2 * direct)) < 1e-6)
      let nearby: [Distribution]
      switch f.distribution {
      case .exponential(let m): nearby = [.exponential(mean: m * 1.01), .exponential(mean: m * 0.99)]
      case .lognormal(let mu, let s):
        nearby = [.lognormal(mu: mu + 0.01, sigma: s), .lognormal(mu: mu - 0.01, sigma: s), .lognormal(mu: mu, sigma: s * 1.01), .lognormal(mu: mu, sigma: s * 0.99)]
      case .gamma(let k, let t):
        nearby = [.gamma(shape: k * 1.01, scale: t), .gamma(shape: k * 0.99, scale: t), .gamma(shape: k, scale: t * 1.01), .gamma(shape: k, scale: t * 0.99)]
      case .weibull(let k, let l):
        nearby = [.weibull(shape: k * 1.01, scale: l), .weibull(shape: k * 0.99, scale: l), .weibull(shape: k, scale: l * 1.01), .weibull(shape: k, scale: l * 0.99)]
      default: nearby = []
      }
      #expect(nearby.count == f.parameterCount * 2)
      for d in nearby { #expect(Self.logLikelihood(d, xs) < direct, "\(f.family): \(d) beats the estimate") }
    }
  }

  /// The two-parameter families are not nested in one another, so on 20 000 draws AIC must
  /// rank the true one first. The exponential is nested in gamma and Weibull (shape 1): the
  /// larger models gain ½χ²₁ in ln L, so AIC keeps the exponential only ~84 % of the time;
  /// what must hold is that its AIC is within 2 of the best and the others' shapes are ≈ 1.
  @Test(arguments: [("lognormal", Distribution.lognormal(mu: 5, sigma: 0.7)), ("gamma", .gamma(shape: 2, scale: 90)), ("weibull", .weibull(shape: 1.5, scale: 200))])
  func aicPicksTheTrueFamily(_ name: String, _ truth: Distribution) throws {
    let report = try DurationFit.fitAll(Self.draws(truth, "aic \(name)", n: 20_000))
    #expect(report.best.family.rawValue == name, "\(report.fits.map { ($0.family, $0.aic) })")
    #expect(report.fits.map(\.aic) == report.fits.map(\.aic).sorted())
  }

  @Test func aicKeepsTheExponentialClose() throws {
    let report = try DurationFit.fitAll(Self.draws(.exponential(mean: 240), "aic exponential", n: 20_000))
    let exp = try #require(report.fits.first { $0.family == .exponential })
    #expect(exp.aic - report.best.aic < 2)
    for f in report.fits where f.family == .gamma || f.family == .weibull {
      #expect(abs(f.parameters[0].value - 1) < 0.03, "\(f.family) shape \(f.parameters[0].value)")
    }
  }

  /// Hand-computed: the fitted exponential of {1, 2, 4} has mean 7/3, and the largest gap is
  /// just below the first point, D = F(1) − 0 = 1 − e^(−3/7). With a tie, {1, 3, 3}: the ECDF
  /// jumps from 1/3 to 1 at 3, D = F(3) − 1/3 = 1 − e^(−9/7) − 1/3.
  @Test func ksMatchesAHandComputedValue() throws {
    let a = try fit(.exponential, [4, 1, 2])
    #expect(abs(a.ks - (1 - exp(-3.0 / 7))) < 1e-12, "\(a.ks)")
    let b = try fit(.exponential, [3, 1, 3])
    #expect(abs(b.ks - (1 - exp(-9.0 / 7) - 1.0 / 3)) < 1e-12, "\(b.ks)")
    // Lognormal of {1, e, e²}: μ = 1, σ² = 2/3 (the ML variance divides by n).
    let l = try fit(.lognormal, [1, M_E, M_E * M_E])
    #expect(l.distribution == .lognormal(mu: 1, sigma: (2.0 / 3).squareRoot()) || abs(l.parameters[1].value - (2.0 / 3).squareRoot()) < 1e-12)
    #expect(abs(l.parameters[0].value - 1) < 1e-12)
    // D: F(1) = Φ(−1/σ) at the lowest point, the largest gap for this symmetric sample.
    let sigma = (2.0 / 3).squareRoot()
    let phi = { (z: Double) in 0.5 * erfc(-z / 2.0.squareRoot()) }
    let expected = [phi(-1 / sigma), 1.0 / 3 - phi(-1 / sigma), phi(0) - 1.0 / 3, 2.0 / 3 - phi(0), phi(1 / sigma) - 2.0 / 3, 1 - phi(1 / sigma)].max()!
    #expect(abs(l.ks - expected) < 1e-9, "\(l.ks) vs \(expected)")
  }

  @Test func sameSampleSameFits() throws {
    let xs = Self.draws(.lognormal(mu: 5, sigma: 0.6), "repeat", n: 5000)
    #expect(try DurationFit.fitAll(xs).fits == DurationFit.fitAll(xs).fits)
  }

  @Test func awkwardSamplesFollowTheDocumentedRules() throws {
    let equal = try DurationFit.fitAll([5, 5, 5])
    #expect(equal.fits.map(\.family) == [.exponential])
    #expect(equal.skipped.map(\.family) == [.lognormal, .gamma, .weibull])
    #expect(equal.skipped[0].reason == "all durations equal 5 s (sd 0); a lognormal fit needs spread")
    #expect(equal.note == "every duration is 5 s: a fixed duration is {dist: deterministic, mean: 5s}")
    let zeros = try DurationFit.fitAll([0, 0, 5, 7])
    #expect(zeros.fits.map(\.family) == [.exponential])
    #expect(zeros.fits[0].mean == 3)
    #expect(zeros.skipped.map(\.reason) == [
      "2 of 4 durations are 0; a lognormal needs every duration > 0", "2 of 4 durations are 0; a gamma needs every duration > 0",
      "2 of 4 durations are 0; a Weibull needs every duration > 0",
    ])
    #expect(throws: CalibrationError("all 2 durations are 0: no distribution can be fitted (use {dist: deterministic, mean: 0s})")) {
      try DurationFit.fitAll([0, 0])
    }
    #expect(throws: CalibrationError("need at least 2 durations to fit, got 1")) { try DurationFit.fitAll([3]) }
    // Durations that hardly vary: the ML gamma and Weibull shapes are beyond what a scenario
    // accepts, so those two are skipped; the lognormal (σ ≈ 8e-8) still fits.
    let tight = try DurationFit.fitAll([1000, 1000.0001, 1000.0002])
    #expect(tight.fits.map(\.family) == [.lognormal, .exponential])
    #expect(tight.skipped.map(\.family) == [.gamma, .weibull])
    #expect(tight.skipped[0].reason.hasPrefix("the gamma ML shape ") && tight.skipped[0].reason.hasSuffix(" is above callsim's limit of 1e10 (the durations hardly vary)"))
    #expect(tight.skipped[1].reason.hasPrefix("the Weibull ML shape lies outside [0.01, 1000]"))
    #expect(throws: CalibrationError("the mean duration is 0.0005 s, below 1 ms: are the values in seconds?")) {
      try DurationFit.fitAll([0.0004, 0.0006])
    }
  }

  /// A fitted duration's text reads back as the number it shows.
  @Test func shortDurationTextParsesBack() throws {
    #expect(try DurationSample.parse("x\n\(TimeText.duration(0.05321, rounding: .tenths))\n1\n", file: "d").values[0] == 0.0532)
  }

  /// Each family's snippet, pasted into a scenario, decodes to the fitted distribution within
  /// the snippet's rounding (durations to 0.1 s of ~200 s and shapes to 5 digits: 0.1 %).
  @Test func snippetsDecodeBackToTheFit() throws {
    let xs = Self.draws(.gamma(shape: 2.5, scale: 80), "snippet", n: 2000)
    let fixture = try ScenarioFixture()
    for f in try DurationFit.fitAll(xs).fits {
      let scenario = try fixture.load("\(f.family).yaml", """
        scenario: fitted
        simulation: {days: 1, replications: 1, seed: 1}
        arrivals: {per_hour: 60}
        call_types:
          call:
            handle: \(f.snippet)
        agents: 6
        """)
      let decoded = scenario.model.callTypes[0].handle
      switch (decoded, f.distribution) {
      case (.exponential(let a), .exponential(let b)): #expect(Self.relative(a, b) < 1e-3)
      case (.lognormal(let m1, let s1), .lognormal(let m2, let s2)):
        #expect(abs(m1 - m2) < 1e-3 && Self.relative(s1, s2) < 1e-3, "\(decoded) vs \(f.distribution)")
      case (.gamma(let k1, let t1), .gamma(let k2, let t2)), (.weibull(let k1, let t1), .weibull(let k2, let t2)):
        #expect(Self.relative(k1, k2) < 1e-3 && Self.relative(t1, t2) < 1e-3, "\(decoded) vs \(f.distribution)")
      default: Issue.record("\(f.snippet) decoded to \(decoded), fitted \(f.distribution)")
      }
    }
  }
}

/// The best fit's snippet decodes whatever the spread: nearly equal durations (whose lognormal
/// sd once printed as `0s`, refused by the decoder), tiny and huge means.
@Suite struct DurationSnippetTests {
  static let samples: [[Double]] = [
    [190, 190.0000001, 190.0000002, 190],
    [190, 190.001, 190.002, 190],
    [190, 190.01, 190.02, 190],
    [0.001, 0.0010000001, 0.001],
    [1e9, 1e9 - 1e-6, 1e9],
    [1e9, 999_999_000, 1e9],
    [0.0012, 0.0013, 0.0011, 0.0012],
    [45, 45.5, 44.5, 45.2, 44.9],
  ]

  @Test(arguments: samples.indices)
  func everySnippetDecodes(_ i: Int) throws {
    let fixture = try ScenarioFixture()
    for f in try DurationFit.fitAll(Self.samples[i]).fits {
      let problems = try fixture.problems("""
        scenario: fitted
        simulation: {days: 1, replications: 1, seed: 1}
        arrivals: {per_hour: 60}
        call_types:
          call:
            handle: \(f.snippet)
        agents: 6
        """)
      #expect(problems.isEmpty, "\(f.snippet): \(problems)")
      #expect(!f.snippet.contains(": 0s"), "\(f.snippet)")
    }
  }

  @Test func nearlyEqualDurationsAreDeterministic() throws {
    let best = try DurationFit.fitAll([190, 190.0000001, 190.0000002, 190]).best
    #expect(best.family == .lognormal)
    #expect(best.snippet == "{dist: deterministic, mean: 3m10s}")
    // cv 4.4e-6, below 1e-5: deterministic too; cv 4.4e-5 keeps its spread, to 3 digits.
    #expect(try DurationFit.fitAll([190, 190.001, 190.002, 190]).best.snippet == "{dist: deterministic, mean: 3m10s}")
    let spread = try DurationFit.fitAll([190, 190.01, 190.02, 190]).best
    #expect(spread.snippet.hasPrefix("{dist: lognormal, mean: 3m10s, sd: 0.00829s}"), "\(spread.snippet)")
  }
}

/// Reading a file of durations for `callsim fit durations`.
@Suite struct DurationSampleTests {
  @Test func headerUnitsCommentsAndBlankLines() throws {
    let s = try DurationSample.parse("handle\n# from the ACD\n190\n\n3m10s\n 1m \n45.5\n", file: "d.csv")
    #expect(s.values == [190, 190, 60, 45.5])
    #expect(s.columnName == "handle")
    #expect(try DurationSample.parse("1\n2\n", file: "d.csv").columnName == nil)
    #expect(try DurationSample.parse("\u{FEFF}190\r\n200\r\n", file: "d.csv").values == [190, 200])
  }

  @Test func columnByHeaderName() throws {
    let s = try DurationSample.parse("date,Handle,patience\n2024-01-02,100,30\n2024-01-02,\"2m\",40\n", file: "d.csv", column: "handle")
    #expect(s.values == [100, 120])
    #expect(s.columnName == "Handle")
  }

  static let badFiles: [(String, String?, String)] = [
    ("", nil, "d.csv: no durations found (expected one value per line, in seconds or like 3m10s)"),
    ("handle\n\n# nothing\n", nil, "d.csv: no durations found (expected one value per line, in seconds or like 3m10s)"),
    ("handle\n190\n", nil, "d.csv: a single value (190 s) cannot be fitted; need at least 2 durations"),
    ("190\n-3\n", nil, "d.csv:2: a duration cannot be negative, found '-3'"),
    ("190\nabc\n", nil, "d.csv:2: expected a duration in seconds (e.g. 190 or 3m10s), found 'abc'"),
    ("190\nnan\n", nil, "d.csv:2: expected a duration in seconds (e.g. 190 or 3m10s), found 'nan'"),
    ("a,b\n1,2\n", nil, "d.csv:1: 2 columns; choose one with --column NAME (header: 'a,b')"),
    ("a,b\n1,2\n", "c", "d.csv:1: no column 'c' in the header (columns: a, b)"),
    ("1,2\n3,4\n", "a", "d.csv:1: --column a needs a header line naming the columns, found '1,2'"),
    ("a,b\n1,2\n3\n", "b", "d.csv:3: expected 2 columns, found 1: '3'"),
    ("a,b\n1,\n", "b", "d.csv:2: empty value in column 'b'"),
    ("1\n2e9\n", nil, "d.csv:2: a duration must be at most 1000000000 seconds (about 31 years), found '2e9'"),
  ]

  @Test(arguments: badFiles.indices)
  func badFilesAreOneLineErrors(_ i: Int) {
    let (text, column, message) = Self.badFiles[i]
    #expect(throws: CalibrationError(message)) { try DurationSample.parse(text, file: "d.csv", column: column) }
  }

  @Test func missingFile() {
    #expect(throws: CalibrationError("/nonexistent/d.csv: no such data file")) { try DurationSample.read("/nonexistent/d.csv") }
  }
}
