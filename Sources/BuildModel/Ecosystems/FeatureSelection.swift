/// Which optional features of the root package a command works with, as Cargo's `--features`
/// and `--no-default-features` say: the default ones unless turned off, and those named. Only an
/// ecosystem whose manifests declare features reads it (Rask).
public struct FeatureSelection: Hashable, Sendable {
    public var names: [String]
    public var defaults: Bool
    /// The platform checked for (`linux`, `macos`, `windows`): a Rask dep with `target:` is
    /// only there. This machine's unless `--target` says.
    public var platform: String

    public init(names: [String] = [], defaults: Bool = true, platform: String = HostPlatform.name) {
        self.names = names
        self.defaults = defaults
        self.platform = platform
    }

    /// The defaults and nothing else: what a command without the options works with.
    public static let standard = FeatureSelection()

    /// From the command line: `--features a,b --features c` (commas or spaces between names).
    public init(features: [String], noDefaultFeatures: Bool, platform: String = HostPlatform.name) {
        self.init(names: features.flatMap { $0.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init) }, defaults: !noDefaultFeatures,
                  platform: platform)
    }
}
