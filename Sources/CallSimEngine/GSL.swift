import CGSL

/// Process-wide GSL settings.
enum GSL {
  /// GSL aborts the process on a domain error by default; callsim checks inputs itself and
  /// reports problems as Swift errors, so the handler is turned off once, before first use.
  static func disableAbortOnError() {
    _ = handlerOff
  }

  private static let handlerOff: Void = {
    gsl_set_error_handler_off()
  }()
}
