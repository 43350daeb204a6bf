import ArgumentParser
import CallSim
import Foundation

/// `callsim fit`: calibration from observed data.
struct FitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fit",
    abstract: "Fit scenario inputs to observed data.",
    subcommands: [FitDurationsCommand.self, FitArrivalsCommand.self]
  )
}

/// `callsim fit durations CSV`: maximum-likelihood fits of four families, ranked by AIC.
struct FitDurationsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "durations",
    abstract: "Maximum-likelihood fits of exponential, lognormal, gamma and Weibull to observed durations.",
    discussion: """
      CSV: one duration per line in seconds (190, 190.5) or like scenario durations (3m10s); a header line is allowed; blank lines and lines starting with # are skipped. Prints each family's parameters, implied mean and sd, log-likelihood, AIC (2k − 2 ln L; lower is better) and Kolmogorov–Smirnov distance D, sorted by AIC, and the best fit as a scenario snippet. Zero durations: lognormal, gamma and Weibull need every value > 0 and are skipped; all values equal: only the exponential can be fitted.
      """
  )

  @Argument(help: "CSV or text file of observed durations.")
  var file: String

  @Option(help: "The column to read, by its header name (for a CSV with several columns).")
  var column: String?

  @Flag(help: "Print one JSON object.")
  var json = false

  func run() throws {
    let report: DurationFitReport
    do throws(CalibrationError) {
      let sample = try DurationSample.read(file, column: column)
      do {
        report = try DurationFit.fitAll(sample.values)
      } catch {
        throw CalibrationError("\(file): \(error.description)")
      }
    } catch {
      Diagnostics.printError("error: \(error.description)")
      throw ExitCode(1)
    }
    if json {
      let object: [String: Any] = [
        "file": file, "count": report.count, "best": report.best.family.rawValue, "snippet": report.best.snippet,
        "fits": report.fits.map { f -> [String: Any] in
          [
            "family": f.family.rawValue,
            "parameters": Dictionary(uniqueKeysWithValues: f.parameters.map { ($0.name, $0.value) }),
            "mean_seconds": f.mean, "sd_seconds": f.sd, "log_likelihood": f.logLikelihood, "aic": f.aic, "ks": f.ks,
            "snippet": f.snippet,
          ]
        },
        "skipped": report.skipped.map { ["family": $0.family.rawValue, "reason": $0.reason] },
        "note": report.note ?? NSNull(),
      ]
      print(try JSONText.text(object, pretty: false))
      return
    }
    print("\(report.count) durations from \(file)")
    print("")
    print("family       parameters                          mean (s)    sd (s)      log L         AIC   KS D")
    for f in report.fits {
      let params = f.parameters.map { "\($0.name) \(String(format: "%.4g", $0.value))" }.joined(separator: ", ")
      print(
        f.family.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0) + " "
          + params.padding(toLength: 34, withPad: " ", startingAt: 0)
          + String(format: " %9.1f %9.1f %10.2f %11.2f %6.4f", f.mean, f.sd, f.logLikelihood, f.aic, f.ks))
    }
    for s in report.skipped { print("\(s.family.rawValue): not fitted: \(s.reason)") }
    if let note = report.note { print("note: \(note)") }
    print("")
    let fixed = report.best.snippet.hasPrefix("{dist: deterministic")
    print(
      "best by AIC: \(report.best.family.rawValue)"
        + (fixed ? String(format: " with cv %.3g (below 1e-5: written as deterministic)", report.best.sd / report.best.mean) : "")
        + "; as a scenario duration (e.g. a call type's handle):")
    print("handle: \(report.best.snippet)")
  }
}

/// `callsim fit arrivals CSV`: hourly counts → the scenario's `arrivals` block.
struct FitArrivalsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "arrivals",
    abstract: "Fit the arrivals block (per_day, weekday factors, hourly shape, day_noise cv) to hourly call counts.",
    discussion: """
      CSV rows date,hour,calls (YYYY-MM-DD, 0–23, whole numbers ≥ 0; a header line allowed), every date with all 24 hours. per_day is the mean daily total over the weekdays present and each weekday factor its mean over per_day; the hourly shape is each hour's share of all calls (percent); day_noise cv is the day-level variation beyond Poisson (method of moments on the day totals after the weekday effect). Prints the block as YAML and the fit's root-mean-square relative error on hourly counts, next to what Poisson noise alone gives. With --holidays, those dates are their own day type: the weekday map gains a holiday factor; without it, leave holidays out of the file.
      """
  )

  @Argument(help: "CSV of hourly counts: date,hour,calls.")
  var file: String

  @Option(help: "Holidays, comma-separated dates YYYY-MM-DD (repeatable): fitted as their own day type, the weekday map's holiday factor.")
  var holidays: [String] = []

  /// The dates of `--holidays`, or an error naming the one that does not parse.
  func holidayDates() throws(CalibrationError) -> Set<CalendarDate> {
    var dates: Set<CalendarDate> = []
    for item in holidays.flatMap({ $0.split(separator: ",") }) {
      let text = item.trimmingCharacters(in: .whitespaces)
      guard let d = CalendarDate(iso: text) else { throw CalibrationError("--holidays: expected dates YYYY-MM-DD, found '\(text)'") }
      dates.insert(d)
    }
    return dates
  }

  @Flag(help: "Print one JSON object.")
  var json = false

  func run() throws {
    let fit: ArrivalFit
    do throws(CalibrationError) {
      fit = try ArrivalFit.read(file, holidays: holidayDates())
    } catch {
      Diagnostics.printError("error: \(error.description)")
      throw ExitCode(1)
    }
    if json {
      let object: [String: Any] = [
        "file": file, "days": fit.days, "calls": fit.calls, "per_day": fit.perDay,
        "weekday": Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0.rawValue, fit.weekday[$0]!) }),
        "missing_weekdays": fit.missingWeekdays.map(\.rawValue), "hourly": fit.hourly,
        "holiday": fit.holiday ?? NSNull(), "holiday_days": fit.holidayDays,
        "day_noise_cv": fit.dayNoiseCV ?? NSNull(), "rms_relative_error": fit.rmsRelativeError,
        "poisson_relative_error": fit.poissonRelativeError, "yaml": fit.yaml,
      ]
      print(try JSONText.text(object, pretty: false))
      return
    }
    print("\(fit.days) days, \(fit.calls) calls from \(file)")
    if !fit.missingWeekdays.isEmpty {
      print("no dates on \(fit.missingWeekdays.map(\.rawValue).joined(separator: ", ")): factor 1 assumed")
    }
    if !holidays.isEmpty {
      print(fit.holidayDays == 0 ? "none of the holidays given is in the data: no holiday factor" : "\(fit.holidayDays) of the dates are holidays")
    }
    if fit.dayNoiseCV == nil { print("no weekday seen on 2 dates: day_noise cannot be estimated") }
    print(String(format: "hourly counts: RMS relative error %.3f (Poisson noise alone: %.3f)", fit.rmsRelativeError, fit.poissonRelativeError))
    print("")
    print(fit.yaml)
  }
}
