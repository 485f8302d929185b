/// The features of a package block and the deps they gate (seed 002, "Features"): a selection
/// turns on the default features (unless `--no-default-features`), the features it names, and
/// every feature their `enables` reach. A dep in a feature block is in while that feature or
/// the one its `{ feature: … }` tag names is on; any other dep is always in.
struct RaskFeatures: Sendable {
    struct Feature: Sendable {
        var name: String
        var isDefault: Bool
        var enables: [String]
    }

    /// In the order the block writes them.
    private(set) var features: [Feature] = []
    /// Where the first feature of each name is in `features` (a block may declare thousands).
    private var index: [String: Int] = [:]
    /// The features that bring each gated dep in (any one of them does).
    private(set) var gates: [String: [String]] = [:]

    init(_ package: RaskPackageDocument.Package?) {
        guard let package else { return }
        for dep in package.dependencies {
            if let tag = dep.property("feature")?.value.string { gates[dep.name.value, default: []].append(tag) }
        }
        for group in package.groups where group.keyword.value == "feature" {
            let enables = (group.entry("enables")?.value.list ?? []).compactMap(\.string)
            var isDefault = false
            if case .bool(let b)? = group.entry("default")?.value.kind { isDefault = b }
            if index[group.name.value] == nil { index[group.name.value] = features.count }
            features.append(Feature(name: group.name.value, isDefault: isDefault, enables: enables))
            for dep in group.dependencies {
                gates[dep.name.value, default: []].append(group.name.value)
                if let tag = dep.property("feature")?.value.string, tag != group.name.value { gates[dep.name.value, default: []].append(tag) }
            }
        }
    }

    /// The features on for a selection: `named` and, unless `defaults` is false, the default
    /// ones, with everything their `enables` reach.
    func enabled(named: [String] = [], defaults: Bool = true) -> Set<String> {
        var on = Set<String>()
        var stack = named + (defaults ? features.filter(\.isDefault).map(\.name) : [])
        while let name = stack.popLast() {
            guard on.insert(name).inserted else { continue }
            stack += index[name].map { features[$0].enables } ?? []
        }
        return on
    }

    var names: [String] { features.map(\.name) }

    /// The features that would bring `dep` in; nil when it is always in.
    func gate(of dep: String) -> [String]? { gates[dep] }

    func isIn(_ dep: String, enabled: Set<String>) -> Bool {
        guard let gate = gates[dep] else { return true }
        return gate.contains(where: enabled.contains)
    }

    /// Each name of `selection` that is no feature of `manifest` (this block's package), located
    /// at the package's name with the closest feature.
    func unknown(_ selection: FeatureSelection, in manifest: PackageManifest) -> [Diagnostic] {
        selection.names.filter { !names.contains($0) }.map { name in
            let guess = Spelling.closest(to: name, in: names)
            return Diagnostic.error("package '\(manifest.displayName)' has no feature '\(name)'", .raskUnknownFeature,
                                    at: manifest.package?.name?.range ?? .at(0), label: "--features \(name)",
                                    help: (guess.map { ["did you mean '\($0)'?"] } ?? [])
                                        + [names.isEmpty ? "it declares no features" : "its features are: " + names.joined(separator: ", ")])
                .inFile(manifest.path)
        }
    }
}
