/// The version written into every `summary.json`.
public enum CallSimVersion {
  public static let current = "0.1.0"
}
