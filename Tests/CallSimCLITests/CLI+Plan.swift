import CallSimTestSupport
import Foundation
import Testing

extension CLI {
  /// Runs `callsim plan ARGUMENTS`; when it succeeds, every scenario it wrote in its `--out`
  /// folder (`roster.yaml`, and `placement.yaml` with `--place`) must pass `callsim
  /// validate` (a plan once wrote rosters the decoder refused), so every plan test checks it.
  static func plan(_ arguments: [String]) throws -> Output {
    let r = try run(["plan"] + arguments)
    if r.status == 0, let i = arguments.firstIndex(of: "--out"), i + 1 < arguments.count {
      let folder = URL(fileURLWithPath: arguments[i + 1])
      let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
      #expect(written.contains("roster.yaml"), "\(written)")
      for name in written {
        let v = try run(["validate", folder.appendingPathComponent(name).path])
        #expect(v.status == 0, "\(name) does not validate: \(v.stderr)")
      }
    }
    return r
  }
}
