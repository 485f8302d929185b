/// An application's exact versions against the package cache and the solver: every direct
/// dependency must be downloaded (E004), the versions must be solvable (M021, with the solver's
/// explanation), and what the solver derives from the direct dependencies must be exactly what
/// `"indirect"` lists (E005 for a package needed but missing or at another version, E006 — a
/// warning — for one listed that nothing needs). Elm itself says only "You changed elm.json
/// manually"; these say which line and why.
public enum ElmApplicationCheck {
    public static func run(_ manifest: PackageManifest, cache: ElmPackageCache) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let listed = manifest.dependencies.filter { $0.scope == .normal || $0.scope == .indirect }
        for dep in listed {
            guard let exact = dep.requirement?.value.versionSet, let version = exact.singleVersion else { continue }
            let available = (try? cache.versions(of: dep.name.value)) ?? []
            guard !available.contains(version) else { continue }
            let has = available.isEmpty ? "it has no version of it" : "it has " + available.map(\.description).joined(separator: ", ")
            out.append(.error("\(dep.name.value) \(version) is not in the package cache", .packageNotDownloaded, at: dep.range,
                              label: "not downloaded", notes: ["the cache is \(cache.directory); \(has)"],
                              help: ["run `elm make` once with a network to download it, or choose a version the cache has"]).inFile(manifest.path))
        }
        guard out.isEmpty else { return out }
        let preferred = Dictionary(listed.compactMap { dep in dep.requirement?.value.versionSet.singleVersion.map { (dep.name.value, $0) } }) { a, _ in a }
        var solver = PubGrubSolver(provider: cache, root: cache.rootName, version: ElmPackageCache.rootVersion, preferred: preferred)
        let solution: [String: Version]
        do {
            solution = try solver.solve()
        } catch {
            let direct = manifest.dependencies.filter { $0.scope == .normal }
            var involved = direct
            if case .noSolution(_, let involving, _) = error { involved = direct.filter { involving.contains($0.name.value) } }
            guard let placed = involved.last ?? direct.first else { return [] }
            let explanation: [String]
            switch error {
            case .noSolution(let text, _, _): explanation = text.split(separator: "\n").map(String.init)
            default: explanation = ["\(error)"]
            }
            var d = Diagnostic.error("these exact versions cannot all be used together", .unsolvableDependencies, at: placed.range,
                                     label: "required here", notes: explanation, help: ["change the versions in \"direct\" so that they agree, then let elm update \"indirect\""])
            d.related = involved.dropLast().map { Diagnostic.Related(range: $0.range, message: "also required here") }
            return [d.inFile(manifest.path)]
        }
        let byName = Dictionary(listed.map { ($0.name.value, $0) }) { a, _ in a }
        for (package, version) in solution.sorted(by: { $0.key < $1.key }) where package != cache.rootName {
            guard let dep = byName[package] else {
                let indirect = manifest.dependencies.first { $0.section == "dependencies.indirect" }
                out.append(.error("\(package) \(version) is needed by the direct dependencies, but \"indirect\" does not list it", .indirectMismatch,
                                  at: indirect.map { SourceRange($0.name.range.lowerBound, $0.name.range.lowerBound) } ?? .at(0),
                                  label: "add it here", help: ["add \"\(package)\": \"\(version)\" to \"indirect\""]).inFile(manifest.path))
                continue
            }
            if let listedVersion = dep.requirement?.value.versionSet.singleVersion, listedVersion != version {
                out.append(.error("\(package) is listed at \(listedVersion), but the direct dependencies need \(version)", .indirectMismatch, at: dep.range,
                                  label: "needs \(version)", help: ["write \"\(version)\""],
                                  fix: Diagnostic.Fix(title: "Write \"\(version)\"", edits: [TextEdit(range: dep.range, newText: "\"\(version)\"")])).inFile(manifest.path))
            }
        }
        for dep in listed where dep.scope == .indirect && solution[dep.name.value] == nil {
            out.append(.warning("\(dep.name.value) is listed in \"indirect\", but no direct dependency needs it", .unneededIndirect, at: dep.name.range,
                                label: "not needed", help: ["remove it"]).inFile(manifest.path))
        }
        return out
    }
}
