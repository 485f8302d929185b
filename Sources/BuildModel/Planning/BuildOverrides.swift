/// What a build's command line says over the manifest (toasty's `--out-dir`, `--out-name`,
/// `--linker`, `--opt-level`, `--lto`): the planner honours them, and a kept plan is used again
/// only for the same ones.
public struct BuildOverrides: Hashable, Sendable, CustomStringConvertible {
    /// Where the program goes (absolute).
    public var outputDirectory: String?
    /// The program's file name.
    public var outputName: String?
    /// The program that links it.
    public var linker: String?
    /// 0 (none) to 3.
    public var optimization: Int?
    /// `none`, `thin` or `full`.
    public var lto: String?
    /// The compiler's command line, by the name the ecosystem gives it (Oats: `current` for
    /// single-file mode).
    public var compilerForm: String?
    /// The root package's features (Rask's `--features`, `--no-default-features`).
    public var features = FeatureSelection.standard
    /// Where the build's output and records go instead of the manifest's target directory
    /// (`--target-dir`, `AMPU_TARGET_DIR`; absolute). The kept plan is there too: it needs no
    /// place in the plan's key.
    public var targetDirectory: String?

    public init(outputDirectory: String? = nil, outputName: String? = nil, linker: String? = nil, optimization: Int? = nil, lto: String? = nil,
                compilerForm: String? = nil) {
        self.outputDirectory = outputDirectory
        self.outputName = outputName
        self.linker = linker
        self.optimization = optimization
        self.lto = lto
        self.compilerForm = compilerForm
    }

    /// The profile with the optimisation and LTO asked for.
    public func applied(to profile: ProfileSettings) -> ProfileSettings {
        var profile = profile
        if let optimization { profile.optimization = optimization }
        if let lto { profile.lto = lto == "none" ? nil : lto }
        return profile
    }

    /// One line for the kept plan's key: empty when nothing is overridden.
    public var description: String {
        [outputDirectory.map { "out-dir=\($0)" }, outputName.map { "out-name=\($0)" }, linker.map { "linker=\($0)" },
         optimization.map { "opt=\($0)" }, lto.map { "lto=\($0)" }, compilerForm.map { "form=\($0)" },
         features == .standard ? nil : "features=\(features.names.joined(separator: ","))\(features.defaults ? "" : " no-default-features")"]
            .compactMap { $0 }.joined(separator: " ")
    }
}
