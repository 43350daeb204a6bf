import CGSL

/// Student's t distribution, for confidence intervals over a few replications.
public enum StudentT {
  /// The `p`-quantile with `degreesOfFreedom` degrees of freedom (GSL's `gsl_cdf_tdist_Pinv`).
  public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
    precondition(p > 0 && p < 1 && nu > 0, "quantile(\(p), \(nu)) is outside the domain")
    return gsl_cdf_tdist_Pinv(p, nu)
  }
}

/// The standard normal distribution.
public enum StandardNormal {
  /// The `p`-quantile (GSL's `gsl_cdf_ugaussian_Pinv`).
  public static func quantile(_ p: Double) -> Double {
    precondition(p > 0 && p < 1, "quantile(\(p)) is outside (0, 1)")
    return gsl_cdf_ugaussian_Pinv(p)
  }

  /// P(Z ≤ z).
  public static func cdf(_ z: Double) -> Double { gsl_cdf_ugaussian_P(z) }
}

/// The chi-square distribution, for goodness-of-fit tests.
public enum ChiSquare {
  /// P(X > x) with `degreesOfFreedom` degrees of freedom.
  public static func upperTail(_ x: Double, degreesOfFreedom nu: Double) -> Double {
    gsl_cdf_chisq_Q(x, nu)
  }
}
