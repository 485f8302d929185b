import BuildModel

/// `--features` and `--no-default-features`, for the commands that take a selection of the
/// root package's features (Rask).
struct FeatureOptions: ParsableArguments {
    @Option(name: .customLong("features"), help: "Features of the root package to turn on, comma-separated (Rask).")
    var features: [String] = []

    @Flag(name: .customLong("no-default-features"), help: "Leave the root package's default features off (Rask).")
    var noDefaultFeatures = false

    var selection: FeatureSelection { FeatureSelection(features: features, noDefaultFeatures: noDefaultFeatures) }

    /// The selection for `--target PLATFORM` (this machine's when nil), which must be one a
    /// build file can name.
    func selection(target: String?) -> FeatureSelection {
        if let target, !HostPlatform.known.contains(target) {
            ManifestTarget.fail("'\(target)' is not a platform", help: ["--target takes " + HostPlatform.known.joined(separator: ", ")])
        }
        return FeatureSelection(features: features, noDefaultFeatures: noDefaultFeatures, platform: target ?? HostPlatform.name)
    }
}
