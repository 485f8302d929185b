/// A build profile with everything decided: the built-in `debug` and `release`, or a
/// `[profile.NAME]` of the manifest on top of the profile it inherits.
public struct ProfileSettings: Hashable, Sendable {
    public var name: String
    /// 0 (off) to 3 (most).
    public var optimization: Int
    public var debugInfo: Bool
    /// Link-time optimisation (`thin`, `full`), when asked for.
    public var lto: String?

    public init(name: String, optimization: Int, debugInfo: Bool, lto: String? = nil) {
        self.name = name
        self.optimization = optimization
        self.debugInfo = debugInfo
        self.lto = lto
    }

    /// Where its output goes under `target/`: the profile's name, as Cargo does.
    public var directoryName: String { name }

    public static let debug = ProfileSettings(name: "debug", optimization: 0, debugInfo: true)
    public static let release = ProfileSettings(name: "release", optimization: 3, debugInfo: false)

    /// How the progress and the summary describe it, as Cargo does: `unoptimized + debuginfo`.
    public var summary: String {
        (optimization == 0 ? "unoptimized" : "optimized") + (debugInfo ? " + debuginfo" : "")
    }

    /// The profile a build uses: the one the command line names, else the manifest's
    /// (`[build] profile`), else `debug`.
    public static func name(_ named: String?, in build: BuildSettings) -> String {
        named ?? build.defaultProfile?.value ?? "debug"
    }

    /// The profile `name` as `build` defines it (the built-ins, then `[profile.*]` with
    /// `inherits` followed), or a diagnostic saying why it cannot be: an unknown name, or
    /// profiles that inherit from each other in a circle. `plain`: the command line named no
    /// profile, so `[build] optimization` (or `optimization_level`) and `debug_info`, the
    /// settings of a build that names none, have the last word.
    public static func resolve(_ name: String, in build: BuildSettings, manifest: String, syntax: any ManifestSyntax = TOMLManifestSyntax(), plain: Bool = false)
        -> Result<ProfileSettings, Diagnostic> {
        // A manifest may chain thousands: each step is a lookup.
        let byName = firstOfEachName(build.profiles)
        var chain: [String] = []
        var inChain = Set<String>()
        var current = name
        var layers: [BuildProfile] = []
        while true {
            if inChain.contains(current) { return .failure(circleDiagnostic(chain + [current], closing: byName[chain[chain.count - 1]]?.profile, manifest: manifest)) }
            chain.append(current)
            inChain.insert(current)
            // Cargo's name for the debug profile, and Oats's: `dev`.
            if let defined = (current == "debug" ? [byName["debug"], byName["dev"]].compactMap { $0 }.min { $0.index < $1.index } : byName[current])?.profile {
                layers.append(defined)
                if let parent = defined.inherits?.value {
                    current = parent
                    continue
                }
                if current == "debug" || current == "release" || current == "dev" { break }
                // A profile of its own with no parent starts from debug, as Cargo's must name one.
                current = "debug"
                continue
            }
            if current == "dev" { current = "debug"; continue }
            guard current == "debug" || current == "release" else {
                let known = ["debug", "release"] + build.profiles.map(\.name.value).filter { $0 != "debug" && $0 != "release" }
                var help = ["define it as \(syntax.profileDefinition(current, inheriting: "release")), or use one of: \(known.joined(separator: ", "))"]
                if let guess = Spelling.closest(to: current, in: known) { help.insert("did you mean '\(guess)'?", at: 0) }
                return .failure(Diagnostic(severity: .error, code: DiagnosticCode.unknownProfile.rawValue, message: "no profile named '\(current)'",
                                           file: manifest, range: .at(0), help: help).unplaced)
            }
            break
        }
        var settings = chain.last == "release" ? ProfileSettings.release : ProfileSettings.debug
        settings.name = name
        for layer in layers.reversed() {
            if let level = layer.optimization?.value, let value = optimizationLevel(level) { settings.optimization = value }
            if let debug = layer.debug?.value { settings.debugInfo = debug }
            if let lto = layer.lto?.value { settings.lto = lto == "none" ? nil : lto }
        }
        if plain {
            if let level = build.optimization?.value, let value = optimizationLevel(level) { settings.optimization = value }
            if let debug = build.debugInfo?.value { settings.debugInfo = debug }
        }
        return .success(settings)
    }

    /// Every circle that `inherits` makes among `profiles` (each name with the profile it
    /// inherits; the first of a name counts), each once, as the path from the first of its
    /// profiles (in the order given) back to it: `a → b → a`. A built-in profile's `inherits`
    /// leads nowhere (it is refused on its own), so the caller gives it none.
    public static func circles(among profiles: [(name: String, inherits: String?)]) -> [[String]] {
        var parent: [String: String?] = [:]
        var position: [String: Int] = [:]
        for (i, p) in profiles.enumerated() where parent[p.name] == nil {
            parent[p.name] = p.inherits
            position[p.name] = i
        }
        // Each profile is walked once (a manifest may chain thousands): a walk stops at a
        // profile an earlier walk passed, at one that inherits nothing, or back on itself.
        var passed = Set<String>()
        var found: [[String]] = []
        for p in profiles where !passed.contains(p.name) {
            var path: [String] = []
            var onPath: [String: Int] = [:]
            var current: String? = p.name
            while let name = current, !passed.contains(name) {
                if let start = onPath[name] {
                    // Back on the walk: a circle (the profiles before it only lead into it),
                    // said from the first of its profiles in the order given.
                    let circle = path[start...]
                    let first = circle.indices.min { position[circle[$0]]! < position[circle[$1]]! }!
                    let turned = Array(circle[first...] + circle[..<first])
                    found.append(turned + [turned[0]])
                    break
                }
                onPath[name] = path.count
                path.append(name)
                current = parent[name] ?? nil
            }
            passed.formUnion(path)
        }
        return found.sorted { position[$0[0]]! < position[$1[0]]! }
    }

    /// What is said of a circle of profiles (`circles`), placed at the `inherits` that closes
    /// it: the message, the label and the help.
    public static func circleWording(_ circle: [String]) -> (message: String, label: String, help: String) {
        circle.count == 2
            ? ("profile '\(circle[0])' inherits from itself", "inherited here", "make it inherit from 'debug' or 'release'")
            : ("profiles inherit from each other in a circle: " + circle.joined(separator: " → "), "inherited here", "make one of them inherit from 'debug' or 'release'")
    }

    /// B006 for profiles that inherit from each other in a circle, at the `inherits` that closes it.
    /// `closing`: the profile whose `inherits` closes it (the first of its name).
    static func circleDiagnostic(_ circle: [String], closing: BuildProfile?, manifest: String) -> Diagnostic {
        let wording = circleWording(circle)
        return Diagnostic(severity: .error, code: DiagnosticCode.unknownProfile.rawValue, message: wording.message,
                          file: manifest, range: closing?.inherits?.range ?? .at(0), label: wording.label, help: [wording.help])
    }

    /// Every circle among `build`'s profiles, each once: what a build with one of them would
    /// refuse, said when the manifest is checked.
    public static func circles(in build: BuildSettings, manifest: String) -> [Diagnostic] {
        // The readers leave a built-in profile's `inherits` out (refusing it: M013).
        let byName = firstOfEachName(build.profiles)
        return circles(among: build.profiles.map { ($0.name.value, $0.inherits?.value) })
            .map { circleDiagnostic($0, closing: byName[$0[$0.count - 2]]?.profile, manifest: manifest) }
    }

    /// The first profile of each name, with its place among `profiles`.
    private static func firstOfEachName(_ profiles: [BuildProfile]) -> [String: (index: Int, profile: BuildProfile)] {
        var byName: [String: (index: Int, profile: BuildProfile)] = [:]
        for (i, profile) in profiles.enumerated() where byName[profile.name.value] == nil { byName[profile.name.value] = (i, profile) }
        return byName
    }

    /// What the `inherits` of profile `name` may name: the built-in profiles, then the other
    /// profiles a manifest defines (`defined`, in its order); not `name` itself (a profile
    /// cannot inherit from itself).
    public static func inheritable(by name: String, among defined: [String]) -> [String] {
        ["debug", "release"] + defined.filter { !builtInNames.contains($0) && $0 != name }
    }

    /// The profiles a build has without a `[profile.*]`, which a manifest's may change but
    /// which inherit nothing (`dev` is Cargo's name for `debug`).
    public static let builtInNames: Set<String> = ["debug", "dev", "release"]

    /// An optimisation level as manifests write it: `0`…`3`, or a name.
    static func optimizationLevel(_ text: String) -> Int? {
        switch text {
        case "0", "none", "debug": 0
        case "1", "basic": 1
        case "2", "standard", "default": 2
        case "3", "aggressive", "release": 3
        default: nil
        }
    }
}
