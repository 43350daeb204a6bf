import Foundation

/// The results of one finished point: a line of `points.jsonl` and a row of `points.csv`.
///
/// Numbers are written in Swift's shortest round-trip form, so a record read back from
/// `points.jsonl` (after a resume, or by `merge`) prints exactly as the run that made it:
/// this is what makes two complete sweeps' `points.csv` byte-identical however they ran.
public struct PointRecord: Sendable, Equatable {
  /// 1-based point number in grid order.
  public let number: Int
  /// Parameter values as shown in `points.csv`, in column order.
  public let labels: [String]
  /// Per metric, in the sweep's order: the mean over replications and the half-width of its
  /// 95 % confidence interval (`nil` where undefined: a ratio with nothing to divide by, or
  /// a half-width from one replication).
  public let values: [Value]

  public struct Value: Sendable, Equatable {
    public var mean: Double?
    public var ci95: Double?

    public init(mean: Double?, ci95: Double?) {
      self.mean = mean
      self.ci95 = ci95
    }
  }

  public init(number: Int, labels: [String], values: [Value]) {
    self.number = number
    self.labels = labels
    self.values = values
  }

  /// The record of `point` from its run, keeping `metrics`.
  init(point: SweepPoint, result: RunResult, metrics: [SweepMetric]) {
    let estimates = SweepMetric.estimates(metrics, in: result)
    self.init(number: point.number, labels: point.labels, values: estimates.map { Value(mean: $0?.mean, ci95: $0?.ci95) })
  }

  /// One line of `points.jsonl` (without the line end):
  /// `{"point":N,"parameters":{"path":"value",…},"metrics":{"name":{"mean":x,"ci95":y},…}}`.
  public func jsonLine(parameters: [String], metrics: [SweepMetric]) -> String {
    let params = zip(parameters, labels).map { "\(Self.quote($0)):\(Self.jsonValue($1))" }.joined(separator: ",")
    let values = zip(metrics, self.values).map {
      "\(Self.quote($0.name)):{\"mean\":\(Self.number($1.mean)),\"ci95\":\(Self.number($1.ci95))}"
    }.joined(separator: ",")
    return "{\"point\":\(number),\"parameters\":{\(params)},\"metrics\":{\(values)}}"
  }

  /// Reads a line written by ``jsonLine(parameters:metrics:)``; `nil` when it is not one
  /// with these parameters and metrics (a torn or foreign line).
  public static func parse(jsonLine line: Substring, parameters: [String], metrics: [SweepMetric]) -> PointRecord? {
    struct Line: Decodable {
      var point: Int
      var parameters: [String: Label]
      var metrics: [String: Pair]
    }
    /// A parameter value: a number (back to its label: ``ScenarioField/show(_:)`` wrote it),
    /// a string, or null (a removed key).
    struct Label: Decodable {
      var text: String
      init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { text = "" } else if let n = try? c.decode(Double.self) { text = ScenarioField.show(n) } else { text = try c.decode(String.self) }
      }
    }
    struct Pair: Decodable {
      var mean: Double?
      var ci95: Double?
    }
    guard let decoded = try? JSONDecoder().decode(Line.self, from: Data(line.utf8)) else { return nil }
    var labels: [String] = []
    for p in parameters {
      guard let label = decoded.parameters[p] else { return nil }
      labels.append(label.text)
    }
    var values: [Value] = []
    for m in metrics {
      guard let pair = decoded.metrics[m.name] else { return nil }
      values.append(Value(mean: pair.mean, ci95: pair.ci95))
    }
    guard decoded.parameters.count == parameters.count, decoded.metrics.count == metrics.count else { return nil }
    return PointRecord(number: decoded.point, labels: labels, values: values)
  }

  /// The `points.csv` row: the parameter values, then each metric's mean and ci95.
  public var csvRow: String {
    (labels.map(Self.csvField) + values.flatMap { [Self.csvNumber($0.mean), Self.csvNumber($0.ci95)] }).joined(separator: ",")
  }

  /// Shortest round-trip text, `null` when undefined.
  static func number(_ v: Double?) -> String {
    guard let v, v.isFinite else { return "null" }
    return "\(v)"
  }

  static func csvNumber(_ v: Double?) -> String {
    guard let v, v.isFinite else { return "" }
    return "\(v)"
  }

  /// A CSV field, quoted when it holds a comma, a quote or a line end (RFC 4180).
  static func csvField(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// A parameter's label in JSON: a number as a number, a removed key as null, else a string.
  static func jsonValue(_ label: String) -> String {
    if label.isEmpty { return "null" }
    if let n = ScenarioField.parseNumber(label), ScenarioField.show(n) == label, n.isFinite { return label }
    return quote(label)
  }

  /// A JSON string literal.
  static func quote(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
      default: out.unicodeScalars.append(u)
      }
    }
    return out + "\""
  }
}
