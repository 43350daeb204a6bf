import CallSimTestSupport
import Foundation
import Testing

/// `callsim fit durations` end to end: the table, the snippet, JSON and the one-line errors.
@Suite struct FitCommandTests {
  static let durations = "handle\n120\n3m10s\n95\n400\n250.5\n60\n180\n75\n610\n140\n"

  @Test func tablePrintsEveryFamilySortedByAICAndTheSnippet() throws {
    let folder = try CLI.temporaryFolder()
    let path = try CLI.write(Self.durations, to: "d.csv", in: folder)
    let r = try CLI.run(["fit", "durations", path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "10 durations from \(path)")
    let rows = lines.filter { ["exponential", "lognormal", "gamma", "weibull"].contains($0.split(separator: " ").first.map(String.init) ?? "") }
    #expect(rows.count == 4)
    let aics = rows.map { Double($0.split(separator: " ").reversed()[1])! }
    #expect(aics == aics.sorted(), "\(rows)")
    // The sample's lognormal ML: μ = mean ln x = 5.1063, σ = 0.69092 → mean 209.6 s, sd 163.9 s.
    #expect(rows[0].hasPrefix("lognormal    mu 5.106, sigma 0.6909"))
    #expect(lines.last == "handle: {dist: lognormal, mean: 3m29.6s, sd: 2m43.9s}")
  }

  @Test func jsonIsOneObject() throws {
    let folder = try CLI.temporaryFolder()
    let path = try CLI.write("x,seconds\na,100\nb,200\nc,400\n", to: "d.csv", in: folder)
    let r = try CLI.run(["fit", "durations", path, "--column", "seconds", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    #expect(object["count"] as? Int == 3)
    let fits = object["fits"] as! [[String: Any]]
    #expect(fits.count == 4)
    let exp = fits.first { $0["family"] as? String == "exponential" }!
    #expect(abs((exp["mean_seconds"] as! Double) - 700.0 / 3) < 1e-9)
    // ln L = −n ln x̄ − n; AIC = 2 − 2 ln L.
    let lnL = -3 * log(700.0 / 3) - 3
    #expect(abs((exp["log_likelihood"] as! Double) - lnL) < 1e-9)
    #expect(abs((exp["aic"] as! Double) - (2 - 2 * lnL)) < 1e-9)
    #expect(object["snippet"] as? String == fits[0]["snippet"] as? String)
    #expect((object["skipped"] as! [Any]).isEmpty)
  }

  @Test func zerosLeaveOnlyTheExponential() throws {
    let folder = try CLI.temporaryFolder()
    let path = try CLI.write("0\n5\n7\n", to: "d.csv", in: folder)
    let r = try CLI.run(["fit", "durations", path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("weibull: not fitted: 1 of 3 durations is 0; a Weibull needs every duration > 0"))
    #expect(r.stdout.hasSuffix("handle: {dist: exponential, mean: 4s}\n"))
  }

  static let badInputs: [(String?, [String], String)] = [
    (nil, [], "error: NOFILE: no such data file"),
    ("seconds\n\n", [], "error: FILE: no durations found (expected one value per line, in seconds or like 3m10s)"),
    ("190\n", [], "error: FILE: a single value (190 s) cannot be fitted; need at least 2 durations"),
    ("190\n-3\n", [], "error: FILE:2: a duration cannot be negative, found '-3'"),
    ("190\nfast\n", [], "error: FILE:2: expected a duration in seconds (e.g. 190 or 3m10s), found 'fast'"),
    ("0\n0\n0\n", [], "error: FILE: all 3 durations are 0: no distribution can be fitted (use {dist: deterministic, mean: 0s})"),
    ("a,b\n1,2\n", ["--column", "c"], "error: FILE:1: no column 'c' in the header (columns: a, b)"),
    // Read as 19 (strtod stops at the NUL) before it was refused.
    ("190\n19\u{0}0\n200\n", [], "error: FILE:2: a control character (U+0000) at column 3; expected text (tab, line ends and printable characters only)"),
    ("190\n200\u{1B}[0m\n", [], "error: FILE:2: a control character (U+001B) at column 4; expected text (tab, line ends and printable characters only)"),
  ]

  /// A FIFO (named pipe) as the data file: refused at once, not waited on forever.
  @Test func aFIFOIsRefusedNotWaitedOn() throws {
    let folder = try CLI.temporaryFolder()
    let path = folder.appendingPathComponent("d.csv").path
    #expect(mkfifo(path, 0o644) == 0)
    let running = try CLI.launch(["fit", "durations", path])
    let ended = CLI.wait(upTo: 10) { !running.process.isRunning }
    if !ended { running.send(SIGKILL) }
    let r = running.finish()
    #expect(ended, "still waiting on the FIFO after 10 s")
    #expect(r.status == 1)
    #expect(r.stderr == "error: \(path): is a FIFO (named pipe); expected a data file (a regular file)\n")
  }

  @Test(arguments: badInputs.indices)
  func badInputIsOneErrorLine(_ i: Int) throws {
    let (text, extra, expected) = Self.badInputs[i]
    let folder = try CLI.temporaryFolder()
    let path = try text.map { try CLI.write($0, to: "d.csv", in: folder) } ?? folder.appendingPathComponent("missing.csv").path
    let r = try CLI.run(["fit", "durations", path] + extra)
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr == expected.replacingOccurrences(of: "NOFILE", with: path).replacingOccurrences(of: "FILE", with: path) + "\n")
  }

  @Test func arrivalsPrintsTheBlockAndItsError() throws {
    let folder = try CLI.temporaryFolder()
    // Two Mondays: 10 calls an hour at 9–12, then twice that; nothing else.
    var text = "date,hour,calls\n"
    for (date, scale) in [("2024-01-01", 1), ("2024-01-08", 2)] {
      for h in 0..<24 { text += "\(date),\(h),\((9...12).contains(h) ? 10 * scale : 0)\n" }
    }
    let path = try CLI.write(text, to: "a.csv", in: folder)
    let r = try CLI.run(["fit", "arrivals", path])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "2 days, 120 calls from \(path)")
    #expect(lines[1] == "no dates on tue, wed, thu, fri, sat, sun: factor 1 assumed")
    // Predicted 15 an hour against 10 and 20: relative errors ±1/3.
    #expect(lines[2] == "hourly counts: RMS relative error 0.333 (Poisson noise alone: 0.258)")
    #expect(lines.contains("  per_day: 60"))
    #expect(lines.contains("  hourly: [0, 0, 0, 0, 0, 0, 0, 0, 0, 25, 25, 25, 25, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]"))
    // Totals 40 and 80 around 60: cv² = (2·(20² + 20²) − 2·60) / (2·60²) = 0.2056, cv 0.453.
    #expect(lines.contains("  day_noise: {cv: 0.453}"))
    let json = try CLI.run(["fit", "arrivals", path, "--json"])
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
    #expect(abs((object["day_noise_cv"] as! Double) - (1480.0 / 7200).squareRoot()) < 1e-12)
    #expect(object["per_day"] as? Double == 60)
  }

  @Test func holidaysOption() throws {
    let r = try CLI.run(["fit", "arrivals", "Scenarios/data/hourly-calls.csv", "--holidays", "2024-03-04,2024-03-11", "--holidays", "2025-01-01"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("2 of the dates are holidays\n"))
    #expect(r.stdout.contains(", holiday: "))
    let bad = try CLI.run(["fit", "arrivals", "Scenarios/data/hourly-calls.csv", "--holidays", "2024-3-4"])
    #expect(bad.status == 1)
    #expect(bad.stderr == "error: --holidays: expected dates YYYY-MM-DD, found '2024-3-4'\n")
  }

  static let badArrivals: [(String, String)] = [
    ("date,hour,calls\n", "error: FILE: no hourly counts found (expected rows date,hour,calls)"),
    ("2024-01-01,7,-2\n", "error: FILE:1: a count of calls cannot be negative, found '-2'"),
    ("2024-01-01,25,2\n", "error: FILE:1: expected an hour from 0 to 23, found '25'"),
    ("2024-1-1,7,2\n", "error: FILE:1: expected a date YYYY-MM-DD, found '2024-1-1'"),
    ("2024-01-01,7,2\n", "error: FILE: 2024-01-01 lacks hours 0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23; every date needs all 24 hours (0 for an hour without calls)"),
  ]

  @Test(arguments: badArrivals.indices)
  func badArrivalsAreOneErrorLine(_ i: Int) throws {
    let (text, expected) = Self.badArrivals[i]
    let folder = try CLI.temporaryFolder()
    let path = try CLI.write(text, to: "a.csv", in: folder)
    let r = try CLI.run(["fit", "arrivals", path])
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr == expected.replacingOccurrences(of: "FILE", with: path) + "\n")
  }

  /// The manual's examples (`docs/calibration.md`) are the commands' real output.
  @Test(arguments: [["fit", "durations", "Scenarios/data/handle-times.csv"], ["fit", "arrivals", "Scenarios/data/hourly-calls.csv"]])
  func manualShowsTheRealOutput(_ arguments: [String]) throws {
    let r = try CLI.run(arguments)
    #expect(r.status == 0, "\(r.stderr)")
    let page = try String(contentsOf: CLI.packageRoot.appendingPathComponent("docs/calibration.md"), encoding: .utf8)
    #expect(page.contains("$ callsim \(arguments.joined(separator: " "))\n" + r.stdout), "docs/calibration.md out of date for \(arguments)")
  }
}
