/// A Rask build file (`rask.build`, or `build.rk` as real projects name it) read into the shared
/// manifest: the package block's name and version, its metadata, `members` as a workspace, and
/// every dep with its scope and source. The block's syntax problems and every rule of the seed
/// come with it.
enum RaskManifestReader {
    static func read(_ source: SourceText) -> PackageManifest {
        let path = source.path ?? "rask.build"
        var manifest = PackageManifest(path: path, source: source)
        let document = RaskPackageDocument(parsing: source)
        manifest.diagnostics = document.diagnostics + RaskPackageRules.check(document, path: path)
        // No package block: the package is named for its directory, at 0.0.0 (the seed's rule
        // for a package with no build file).
        guard let block = document.package else { return manifest }
        var section = PackageSection(range: block.range)
        section.name = block.name
        if let version = block.version {
            switch Version.parse(version.value) {
            case .success(let v): section.version = Located(v, range: version.range)
            case .failure(let error):
                manifest.diagnostics.append(VersionProblem.version(version, reason: error.reason).inFile(path))
            }
        }
        func string(_ key: String) -> Located<String>? {
            guard let entry = block.entry(key), let text = entry.value.string else { return nil }
            return Located(text, range: entry.value.range, keyRange: entry.key.range)
        }
        section.description = string("description")
        section.license = string("license")
        manifest.package = section
        if let members = block.entry("members") {
            let list = (members.value.list ?? []).compactMap { v in v.string.map { Located($0, range: v.range) } }
            manifest.workspace = WorkspaceSection(range: members.key.range, members: list)
        }
        var diagnostics: [Diagnostic] = []
        for dep in block.dependencies {
            manifest.dependencies.append(spec(dep, scope: .normal, section: "the package block", diagnostics: &diagnostics))
        }
        for group in block.groups {
            switch group.keyword.value {
            case "scope":
                let scope: DependencyScope = group.name.value == "build" ? .build : .dev
                for dep in group.dependencies {
                    manifest.dependencies.append(spec(dep, scope: scope, section: "scope \"\(group.name.value)\"", diagnostics: &diagnostics))
                }
            case "feature":
                for dep in group.dependencies {
                    let scope: DependencyScope = switch dep.property("scope")?.value.string {
                    case "dev": .dev
                    case "build": .build
                    default: .normal
                    }
                    manifest.dependencies.append(spec(dep, scope: scope, section: "feature \"\(group.name.value)\"", diagnostics: &diagnostics))
                }
            default:
                break
            }
        }
        manifest.diagnostics += diagnostics.map { $0.inFile(path) }
        manifest.build.profiles = block.groups.filter { $0.keyword.value == "profile" }.map(profile)
        return manifest
    }

    /// One dep: a `path`, a `git` repository (at a `branch`), or a version from a registry.
    /// `profile "NAME" { inherits: …, opt_level: …, debug_info: …, lto: … }` as a build profile
    /// (`opt_level` `"s"` and `"z"`, for size, build at level 2; the rules check the values).
    static func profile(_ group: RaskPackageDocument.Group) -> BuildProfile {
        var profile = BuildProfile(name: group.name)
        // A built-in profile inherits nothing (the rules say so where it is written).
        if let e = group.entry("inherits"), let name = e.value.string, !RaskPackageRules.builtInProfiles.contains(group.name.value) {
            profile.inherits = Located(name, range: e.value.range)
        }
        if let e = group.entry("opt_level") {
            let text: String? = switch e.value.kind {
            case .number(let n): n
            case .string(let s): s == "s" || s == "z" ? "2" : s
            default: nil
            }
            if let text { profile.optimization = Located(text, range: e.value.range) }
        }
        if let e = group.entry("debug_info"), case .bool(let b) = e.value.kind { profile.debug = Located(b, range: e.value.range) }
        if let e = group.entry("lto") {
            switch e.value.kind {
            case .bool(let b): profile.lto = Located(b ? "full" : "none", range: e.value.range)
            case .string(let s): profile.lto = Located(s == "fat" ? "full" : s, range: e.value.range)
            default: break
            }
        }
        return profile
    }

    private static func spec(_ dep: RaskPackageDocument.Dependency, scope: DependencyScope, section: String,
                             diagnostics: inout [Diagnostic]) -> DependencySpec {
        var source = DependencySource.registry
        if let path = dep.property("path"), let text = path.value.string {
            source = .path(Located(text, range: path.value.range, keyRange: path.key.range))
        } else if let git = dep.property("git"), let url = git.value.string {
            let branch = dep.property("branch").flatMap { b in b.value.string.map { Located(DependencySource.GitReference.branch($0), range: b.value.range) } }
            source = .git(Located(url, range: git.value.range, keyRange: git.key.range), reference: branch)
        }
        var spec = DependencySpec(name: dep.name, scope: scope, section: section, range: dep.range, source: source)
        if let version = dep.version {
            switch VersionRequirement.parse(version.value) {
            case .success(let r): spec.requirement = Located(r, range: version.range)
            case .failure(let error):
                diagnostics.append(VersionProblem.requirement(version, reason: error.reason, examples: "\"^2.0\", \">=1.5\" or \"=1.0.0\""))
            }
        } else if case .registry = source {
            diagnostics.append(.error("dep '\(dep.name.value)' says neither a version nor where it is", .dependencyWithoutSource, at: dep.name.range,
                                      label: "no version, path or git", help: ["add a version (dep \"\(dep.name.value)\" \"^1.0\") or a source ({ path: \"…\" } or { git: \"…\" })"]))
        }
        return spec
    }
}
