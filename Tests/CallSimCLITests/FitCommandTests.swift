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
  ]

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
}
