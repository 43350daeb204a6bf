import CGSL
import CallSimEngine
import Testing

/// GSL's abort-on-error handler is off from the moment the program loads. It used to be
/// switched off only when the first random stream set was made, after scenario decoding had
/// already called GSL (`gsl_sf_lngamma` for a Weibull's scale), so a domain error there
/// aborted the process.
@Suite struct GSLSetupTests {
  /// In a fresh process where no random stream exists, GSL given a pole or an overflow returns
  /// NaN or infinity instead of aborting.
  @Test func domainErrorBeforeAnyStreamDoesNotAbort() async {
    await #expect(processExitsWith: .success) {
      precondition(!gsl_sf_lngamma(0).isFinite)
      precondition(gsl_sf_gamma(200) == .infinity)  // overflow, also an error to GSL
    }
  }
}
