/// The platform ampu runs on, as build files name platforms (Rask's `target: "linux"`).
public enum HostPlatform {
    #if os(macOS)
    public static let name = "macos"
    #elseif os(Windows)
    public static let name = "windows"
    #else
    public static let name = "linux"
    #endif

    /// The platforms a build file may name (Rask's `target:`).
    public static let known = ["linux", "macos", "windows"]
}
