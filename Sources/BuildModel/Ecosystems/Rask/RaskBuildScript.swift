/// How a package's build script runs (seed 002, "Build Logic"): the compiled `func build` is
/// started in the package's directory with its `BuildContext` in the environment, and stopped
/// after `build_timeout` seconds (300 unless the package block says) or when its resident
/// memory passes `build_max_memory` (1GB unless the block says).
///
/// | Variable | `BuildContext` field |
/// |---|---|
/// | `RASK_PACKAGE_NAME`, `RASK_PACKAGE_VERSION`, `RASK_PACKAGE_DIR` | `package_name`, `package_version`, `package_dir` |
/// | `RASK_PROFILE`, `RASK_OPT_LEVEL`, `RASK_DEBUG_INFO` (`true`/`false`) | `profile` |
/// | `RASK_TARGET_ARCH`, `RASK_TARGET_OS`, `RASK_TARGET_ENV` | `target` |
/// | `RASK_FEATURES` (comma-separated) | `features` |
/// | `RASK_GEN_DIR` (`<package>/.rk-gen`), `RASK_OUT_DIR` | `gen_dir`, `out_dir` |
/// | `RASK_DEPFILE` | where the script says what it read and wrote |
///
/// The script writes `$RASK_DEPFILE` as a Makefile rule: the files it generated as targets, the
/// files it declared (`ctx.declare_dependency`, globs expanded, with the directories a glob
/// searched, which change when a file is added or removed) as prerequisites. ampu runs it
/// again when the build file, the script or a declared file changes (the seed's trigger
/// table), and the package's compile again when the generated files change.
struct RaskBuildScript {
    static let generatedDirectory = ".rk-gen"
    static let defaultTimeout = 300.0
    static let defaultMemory = 1 << 30

    let manifest: PackageManifest
    /// Its package block, where `build_timeout` is.
    let block: RaskPackageDocument.Package?
    let profile: ProfileSettings
    let features: Set<String>
    let outputDirectory: String
    let depfile: String

    var environment: [String: String] {
        [
            "RASK_PACKAGE_NAME": manifest.displayName,
            "RASK_PACKAGE_VERSION": manifest.package?.version.map { "\($0.value)" } ?? "0.0.0",
            "RASK_PACKAGE_DIR": manifest.directory,
            "RASK_PROFILE": profile.name,
            "RASK_OPT_LEVEL": "\(profile.optimization)",
            "RASK_DEBUG_INFO": profile.debugInfo ? "true" : "false",
            "RASK_TARGET_ARCH": Self.architecture,
            "RASK_TARGET_OS": HostPlatform.name,
            "RASK_TARGET_ENV": "gnu",
            "RASK_FEATURES": features.sorted().joined(separator: ","),
            "RASK_GEN_DIR": Paths.join(manifest.directory, Self.generatedDirectory),
            "RASK_OUT_DIR": outputDirectory,
            "RASK_DEPFILE": depfile,
        ]
    }

    /// `build_timeout: 300` (seconds; `"300s"` and `"5m"` too), and the seed's message when it
    /// is reached.
    var limit: BuildAction.TimeLimit {
        let file = Paths.lastComponent(manifest.path)
        let seconds = block?.entry("build_timeout").flatMap { Self.seconds($0.value) } ?? Self.defaultTimeout
        let shown = seconds == seconds.rounded() ? "\(Int(seconds))" : "\(seconds)"
        return BuildAction.TimeLimit(seconds: seconds, message: "Build script exceeded timeout (\(shown)s)",
                                     help: ["Increase in \(file): build_timeout: \(Int(seconds * 2))"])
    }

    /// `build_max_memory: "1GB"`, and the message when the script holds more.
    var memoryLimit: BuildAction.MemoryLimit {
        let file = Paths.lastComponent(manifest.path)
        var bytes = Self.defaultMemory
        if case .string(let text)? = block?.entry("build_max_memory")?.value.kind, let written = Self.bytes(text) { bytes = written }
        return BuildAction.MemoryLimit(bytes: bytes, message: "Build script exceeded memory limit (\(Self.size(bytes)))",
                                       help: ["Increase in \(file): build_max_memory: \"\(Self.size(bytes * 2))\""])
    }

    /// Bytes in the largest unit that divides them: `1GB`, `512MB`, `100B`.
    static func size(_ bytes: Int) -> String {
        for (unit, scale) in [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)] where bytes % scale == 0 { return "\(bytes / scale)\(unit)" }
        return "\(bytes)B"
    }

    static func seconds(_ value: RaskPackageDocument.Value) -> Double? {
        switch value.kind {
        case .number(let text): return Double(text).flatMap { $0 > 0 ? $0 : nil }
        case .string(let text):
            var number = Substring(text)
            var scale = 1.0
            if number.hasSuffix("ms") { number = number.dropLast(2); scale = 0.001 }
            else if number.hasSuffix("s") { number = number.dropLast() }
            else if number.hasSuffix("m") { number = number.dropLast(); scale = 60 }
            return Double(number).flatMap { $0 > 0 ? $0 * scale : nil }
        default: return nil
        }
    }

    /// `build_max_memory: "1GB"`: bytes, from `B`, `KB`, `MB`, `GB` (powers of 1024; `K`, `M`,
    /// `G` too).
    static func bytes(_ text: String) -> Int? {
        let upper = text.uppercased()
        let digits = upper.prefix { $0.isNumber }
        guard let number = Int(digits), number > 0 else { return nil }
        let scale: Int? = switch upper.dropFirst(digits.count).trimmingPrefix(" ") {
        case "", "B": 1
        case "K", "KB": 1 << 10
        case "M", "MB": 1 << 20
        case "G", "GB": 1 << 30
        default: nil
        }
        return scale.map { number * $0 }
    }

    static var architecture: String {
        #if arch(x86_64)
        "x86_64"
        #elseif arch(arm64)
        "aarch64"
        #else
        "unknown"
        #endif
    }
}
