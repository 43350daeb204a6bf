import CGSL

/// GSL's special functions needed by the maximum-likelihood fits (`callsim fit durations`).
///
/// Each calls GSL's `_e` variant, which returns a status instead of aborting (the abort
/// handler is off anyway, see `CGSLSetup`), and turns a failed status or a non-finite result
/// into a ``DistributionParameterError`` naming the function and argument.
public enum SpecialFunctions {
  /// ψ(x) = d/dx ln Γ(x), the digamma function (`gsl_sf_psi_e`), for x > 0.
  public static func digamma(_ x: Double) throws -> Double {
    try evaluate("digamma", x) { gsl_sf_psi_e(x, $0) }
  }

  /// ψ′(x) = d²/dx² ln Γ(x), the trigamma function (`gsl_sf_psi_1_e`), for x > 0.
  public static func trigamma(_ x: Double) throws -> Double {
    try evaluate("trigamma", x) { gsl_sf_psi_1_e(x, $0) }
  }

  /// ln Γ(x) for x > 0 (`gsl_sf_lngamma_e`).
  public static func lnGamma(_ x: Double) throws -> Double {
    try evaluate("ln Γ", x) { gsl_sf_lngamma_e(x, $0) }
  }

  private static func evaluate(
    _ name: String, _ x: Double, _ call: (UnsafeMutablePointer<gsl_sf_result>) -> Int32
  ) throws -> Double {
    guard x.isFinite, x > 0 else { throw DistributionParameterError("\(name)(\(x)) needs a positive finite argument") }
    var result = gsl_sf_result(val: 0, err: 0)
    let status = call(&result)
    guard status == 0, result.val.isFinite else {
      let reason = String(cString: gsl_strerror(status))
      throw DistributionParameterError("\(name)(\(x)) failed in GSL: \(reason)")
    }
    return result.val
  }
}
