/// The name and version every front end reports.
public enum ToolInfo {
    public static let name = "ampu"
    public static let version = "0.1.0"
}
