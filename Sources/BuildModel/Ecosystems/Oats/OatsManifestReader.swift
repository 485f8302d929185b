/// Reads `Oats.toml` into a `PackageManifest`, checking every key and value.
struct OatsManifestReader {
    static let schema = OatsManifestSchema.schema

    var reader = TOMLManifestReader()

    static func read(_ source: SourceText) -> PackageManifest {
        var manifest = PackageManifest(path: source.path ?? "Oats.toml", source: source)
        let document = TOMLDocument(parsing: source)
        var me = OatsManifestReader()
        me.read(document, into: &manifest)
        manifest.diagnostics = document.diagnostics + me.reader.diagnostics
        return manifest
    }

    private mutating func read(_ document: TOMLDocument, into manifest: inout PackageManifest) {
        let root = document.root
        reader.checkKeys(root, known: Self.schema.keys([]), in: "")
        if let (table, entry) = reader.table(root, "package", path: "package") {
            manifest.package = readPackage(table, header: entry)
        } else if root.entries["package"] == nil && !document.hasErrors {
            reader.add(.error("Oats.toml has no [package] table", .missingKey, at: .at(0),
                              help: ["add a [package] table with `name` and `version`, such as: [package] name = \"my-package\" version = \"0.1.0\""]))
        }
        if let (table, _) = reader.table(root, "dependencies", path: "dependencies") {
            manifest.dependencies = readDependencies(table)
        }
        if let (table, _) = reader.table(root, "build", path: "build") {
            (manifest.build, manifest.toolchain) = readBuild(table)
        }
    }

    private mutating func readPackage(_ table: TOMLTable, header: TOMLEntry) -> PackageSection {
        reader.checkKeys(table, known: Self.schema.keys(["package"]), in: "package")
        var section = PackageSection(range: header.keyRange)
        (section.name, section.version) = reader.nameAndVersion(
            table, header: header, tableName: "package", problem: OatsPackageName.problem(with:),
            nameHelp: { "use letters, digits, '-' and '_', such as '\(OatsPackageName.suggestion(from: $0))'" }, example: "my-package")
        section.description = reader.string(table, "description", path: "package.description")
        section.license = reader.string(table, "license", path: "package.license")
        section.authors = reader.strings(table, "authors", path: "package.authors") ?? []
        // The one target: the entry, written or the default. `toasty new --lib` writes `src/lib.oats`.
        let entry = reader.string(table, "entry", path: "package.entry") ?? Located(OatsManifestSchema.defaultEntry, range: header.keyRange)
        let name = section.name ?? Located("main", range: header.keyRange)
        section.targets = [TargetSpec(kind: Paths.lastComponent(entry.value) == "lib.oats" ? .lib : .bin, name: name, path: entry)]
        return section
    }

    private mutating func readDependencies(_ table: TOMLTable) -> [DependencySpec] {
        var out: [DependencySpec] = []
        for (name, entry) in table.entries {
            let key = TOMLLiteral.renderKey(name)
            var spec = DependencySpec(name: Located(name, range: entry.keyRange), scope: .normal, section: "dependencies", range: entry.value.range)
            if let problem = OatsPackageName.problem(with: name) {
                reader.add(.error("invalid dependency name '\(name)': \(problem)", .invalidPackageName, at: entry.keyRange,
                                  help: ["name the dependency as its Oats.toml names the package: letters, digits, '-' and '_'"]))
            }
            switch entry.value.kind {
            case .string(let text):
                spec.requirement = requirement(text, range: entry.value.range, keyRange: entry.keyRange)
                external(name, at: entry.value.range)
            case .table(let t):
                reader.checkKeys(t, known: OatsManifestSchema.dependencyKeys, in: "dependencies.\(key)")
                if let version = reader.string(t, "version", path: "dependencies.\(key).version") {
                    spec.requirement = requirement(version.value, range: version.range, keyRange: version.keyRange)
                }
                if let path = reader.string(t, "path", path: "dependencies.\(key).path") {
                    spec.source = .path(path)
                } else if t.entries["path"] == nil {
                    if t.entries["version"] != nil {
                        external(name, at: entry.value.range)
                    } else {
                        reader.add(.error("dependency '\(name)' says neither where nor which version to get", .dependencyWithoutSource, at: entry.value.range,
                                          help: ["add path = \"../\(name)\", the directory of the package's Oats.toml"]))
                    }
                }
            default:
                reader.add(.error(
                    "dependency '\(name)' must be a table with a 'path', found \(reader.article(entry.value.typeName))", .wrongType,
                    at: entry.value.range, help: ["write \(key) = { path = \"../\(name)\" }"]))
                continue
            }
            out.append(spec)
        }
        return out
    }

    /// A dependency toasty cannot get: it names a version and no path.
    private mutating func external(_ name: String, at range: SourceRange) {
        reader.add(.error(
            "External dependencies not yet supported: '\(name)' has a version but no 'path'", .oatsExternalDependency, at: range,
            help: ["Oats builds only local packages: write \(TOMLLiteral.renderKey(name)) = { path = \"../\(name)\" } pointing at a copy of it"]))
    }

    private mutating func requirement(_ text: String, range: SourceRange, keyRange: SourceRange) -> Located<VersionRequirement>? {
        reader.requirement(text, range: range, keyRange: keyRange, examples: "\"0.1\", \"^1.2\" or \">=1.0, <2.0\"")
    }

    /// `[build]`: output, profiles, and how the compiler is called and programs linked.
    private mutating func readBuild(_ table: TOMLTable) -> (BuildSettings, ToolchainSettings) {
        reader.checkKeys(table, known: Self.schema.keys(["build"]), in: "build")
        var build = BuildSettings()
        var toolchain = ToolchainSettings()
        build.outputDirectory = reader.string(table, "target-dir", path: "build.target-dir")
        toolchain.preset = reader.oneOf(reader.string(table, "compiler-cli", path: "build.compiler-cli"), OatsManifestSchema.compilerForms, key: "build.compiler-cli")
        toolchain.linker = reader.string(table, "linker", path: "build.linker")
        build.timeout = reader.timeout(table)
        if let (profiles, _) = reader.table(table, "profiles", path: "build.profiles") {
            for (name, entry) in profiles.entries {
                guard let (t, _) = reader.table(profiles, name, path: "build.profiles.\(name)") else { continue }
                let path = "build.profiles.\(TOMLLiteral.renderKey(name))"
                reader.checkKeys(t, known: Self.schema.keys(["build", "profiles", "*"]), in: path)
                var profile = BuildProfile(name: Located(name, range: entry.keyRange))
                profile.optimization = reader.oneOf(reader.string(t, "opt-level", path: "\(path).opt-level"), OatsManifestSchema.optLevels, key: "\(path).opt-level")
                profile.debug = reader.bool(t, "debug", path: "\(path).debug")
                profile.lto = reader.oneOf(reader.string(t, "lto", path: "\(path).lto"), OatsManifestSchema.ltoModes, key: "\(path).lto")
                build.profiles.append(profile)
            }
        }
        let known = OatsManifestSchema.builtInProfiles + build.profiles.map(\.name.value).filter { !OatsManifestSchema.builtInProfiles.contains($0) }
        build.defaultProfile = reader.oneOf(reader.string(table, "profile", path: "build.profile"), known, key: "build.profile")
        return (build, toolchain)
    }
}
