/// Reads `asthra.toml` into a `PackageManifest`, checking every key and value.
struct AsthraManifestReader {
    static let topLevelKeys = AsthraManifestSchema.schema.keys([])
    static let packageKeys = AsthraManifestSchema.schema.keys(["package"])
    static let buildKeys = AsthraManifestSchema.schema.keys(["build"])
    static let buildTargets = AsthraManifestSchema.buildTargets
    static let optimizations = AsthraManifestSchema.optimizations
    static let profileKeys = AsthraManifestSchema.schema.keys(["profile", "*"])
    static let toolchainKeys = AsthraManifestSchema.schema.keys(["toolchain"])
    static let workspaceKeys = AsthraManifestSchema.schema.keys(["workspace"])
    static let targetKeys = AsthraManifestSchema.schema.keys(["bin"])
    static let nativeKeys = AsthraManifestSchema.schema.keys(["native"])

    var reader = TOMLManifestReader()
    let document: TOMLDocument
    /// `[package]` has an `entry`: its program is the package's first target.
    private var hasEntry = false

    static func read(_ source: SourceText) -> PackageManifest {
        var manifest = PackageManifest(path: source.path ?? "asthra.toml", source: source)
        let document = TOMLDocument(parsing: source)
        var me = AsthraManifestReader(document: document)
        me.read(into: &manifest)
        manifest.diagnostics = document.diagnostics + me.reader.diagnostics
        return manifest
    }

    private mutating func read(into manifest: inout PackageManifest) {
        let root = document.root
        var known = Self.topLevelKeys
        if root.entries["project"] != nil { known.append(ManifestKey(name: "project", kind: .table, summary: "")) }
        reader.checkKeys(root, known: known, in: "")

        if let (table, entry) = reader.table(root, "package", path: "package") {
            manifest.package = readPackage(table, header: entry, tableName: "package")
            if let project = root.entries["project"] {
                reader.add(.warning(
                    "both [package] and [project] are present; [project] is ignored", .legacyProjectTable,
                    at: project.keyRange, help: ["merge [project] into [package] and remove it"]))
            }
        } else if let (table, entry) = reader.table(root, "project", path: "project") {
            let fix = table.origin == .header
                ? Diagnostic.Fix(title: "Rename [project] to [package]", edits: [TextEdit(range: entry.keyRange, newText: "package")], certain: true)
                : nil
            reader.add(.warning(
                "[project] is read as [package]; ampu's manifests call it [package]", .legacyProjectTable,
                at: entry.keyRange, help: ["rename the table to [package]"], fix: fix))
            manifest.package = readPackage(table, header: entry, tableName: "project")
        }
        for (section, scope) in [("dependencies", DependencyScope.normal), ("dev-dependencies", .dev)] {
            if let (table, _) = reader.table(root, section, path: section) {
                manifest.dependencies += AsthraDependencyReader.read(table, section: section, scope: scope, reader: &reader)
            }
        }
        AsthraDependencyReader.checkDuplicates(manifest.dependencies, reader: &reader)
        if let (table, _) = reader.table(root, "build", path: "build") { readBuild(table, into: &manifest.build) }
        if let (table, _) = reader.table(root, "profile", path: "profile") {
            manifest.build.profiles = readProfiles(table)
            // What a build with one of them would refuse, said as the manifest is checked.
            for circle in ProfileSettings.circles(in: manifest.build, manifest: manifest.path) { reader.add(circle) }
        }
        if let (table, _) = reader.table(root, "toolchain", path: "toolchain") {
            manifest.toolchain = readToolchain(table)
        }
        if let (table, entry) = reader.table(root, "native", path: "native") {
            reader.checkKeys(table, known: Self.nativeKeys, in: "native")
            manifest.native = NativeSettings(
                range: entry.keyRange,
                sources: reader.strings(table, "sources", path: "native.sources") ?? [],
                include: reader.strings(table, "include", path: "native.include") ?? [],
                flags: reader.strings(table, "flags", path: "native.flags") ?? [],
                libs: reader.strings(table, "libs", path: "native.libs") ?? [])
        }
        if let (table, entry) = reader.table(root, "workspace", path: "workspace") {
            reader.checkKeys(table, known: Self.workspaceKeys, in: "workspace")
            manifest.workspace = WorkspaceSection(
                range: entry.keyRange,
                members: reader.strings(table, "members", path: "workspace.members") ?? [],
                exclude: reader.strings(table, "exclude", path: "workspace.exclude") ?? [],
                defaultMembers: reader.strings(table, "default-members", path: "workspace.default-members"))
        }
        if manifest.package != nil {
            manifest.package!.targets += readTargets(root)
            checkProgramNames(manifest.package!)
        }
        // A workspace that is no package has no modules: nothing imports what it depends on.
        if manifest.package == nil && manifest.workspace != nil {
            for section in ["dependencies", "dev-dependencies"] {
                guard let entry = root.entries[section], manifest.dependencies.contains(where: { $0.section == section }) else { continue }
                reader.add(.warning(
                    "a workspace with no [package] has no modules to import what [\(section)] lists", .virtualWorkspaceDependencies, at: entry.keyRange,
                    label: "no package depends on these",
                    help: ["move each entry to the [\(section)] of the members that import it (`ampu add` in the member's directory)"]))
            }
        }
        if manifest.package == nil && manifest.workspace == nil && !document.hasErrors {
            reader.add(.error(
                "the manifest has neither [package] nor [workspace]", .emptyManifest, at: .at(0),
                help: ["add a [package] table with `name` and `version`, or a [workspace] table with `members`"]))
        }
    }

    private mutating func readPackage(_ table: TOMLTable, header: TOMLEntry, tableName: String) -> PackageSection {
        reader.checkKeys(table, known: Self.packageKeys, in: tableName)
        var section = PackageSection(range: header.keyRange)
        (section.name, section.version) = reader.nameAndVersion(
            table, header: header, tableName: tableName, problem: AsthraPackageName.problem(with:),
            nameHelp: { "use letters, digits, '_' and '-' (such as '\(AsthraPackageName.suggestion(from: $0))'), or an import path such as 'github.com/user/project'" },
            example: "my_package")
        if let language = reader.string(table, "asthra_version", path: "\(tableName).asthra_version") {
            if case .failure(let error) = VersionRequirement.parse(language.value) {
                reader.add(.error("invalid asthra_version '\(language.value)': \(error.reason)", .invalidRequirement, at: language.range, help: ["write the language version, such as \"1.0\""]))
            }
            section.languageVersion = language
        }
        section.description = reader.string(table, "description", path: "\(tableName).description")
        section.license = reader.string(table, "license", path: "\(tableName).license")
        section.authors = reader.strings(table, "authors", path: "\(tableName).authors") ?? []
        section.defaultRun = reader.string(table, "default-run", path: "\(tableName).default-run")
        if let entry = reader.string(table, "entry", path: "\(tableName).entry") {
            let name = section.name?.value ?? "main"
            section.targets.append(TargetSpec(kind: .bin, name: Located(Paths.lastComponent(name), range: entry.keyRange), path: entry))
            hasEntry = true
        }
        return section
    }

    /// Two programs of a package with one name would be written to one file
    /// (`target/<profile>/<name>`), the one over the other: the second is an error.
    private mutating func checkProgramNames(_ package: PackageSection) {
        var first: [String: (index: Int, target: TargetSpec)] = [:]
        for (index, target) in package.targets.enumerated() where target.kind == .bin {
            let name = target.name.value
            guard let (earlierIndex, earlier) = first[name] else {
                first[name] = (index, target)
                continue
            }
            // The program `entry` makes comes first, named after the package, at the `entry` key.
            let made = earlierIndex == 0 && hasEntry ? "`entry` makes a program named after the package" : "the first program named '\(name)'"
            var d = Diagnostic.error(
                "two programs of package '\(package.name?.value ?? name)' are named '\(name)'", .duplicateProgram, at: target.name.range,
                label: "named again here",
                help: ["rename one of them: each program is written to target/<profile>/\(name), and one would overwrite the other"])
            d.related = [Diagnostic.Related(range: earlier.name.range, message: made)]
            reader.add(d)
        }
    }

    private mutating func readTargets(_ root: TOMLTable) -> [TargetSpec] {
        var targets: [TargetSpec] = []
        if let entry = root.entries["bin"] {
            guard case .arrayOfTables(let tables) = entry.value.kind else {
                reader.add(.error("'bin' must be an array of tables, found \(entry.value.typeName)", .wrongType, at: entry.value.range, help: ["write each program as a [[bin]] section with `name` and `path`"]))
                return targets
            }
            for table in tables {
                reader.checkKeys(table, known: Self.targetKeys, in: "[bin]")
                let name = reader.string(table, "name", path: "bin.name")
                let path = reader.string(table, "path", path: "bin.path")
                if name == nil && table.entries["name"] == nil {
                    reader.add(.error("[[bin]] has no 'name'", .missingKey, at: table.range, help: ["add a line such as: name = \"tool\""]))
                }
                if path == nil && table.entries["path"] == nil {
                    reader.add(.error("[[bin]] has no 'path'", .missingKey, at: table.range, help: ["add a line such as: path = \"src/tool.asthra\""]))
                }
                if let name, let path { targets.append(TargetSpec(kind: .bin, name: name, path: path)) }
            }
        }
        if let (table, entry) = reader.table(root, "lib", path: "lib") {
            reader.checkKeys(table, known: Self.targetKeys, in: "lib")
            let name = reader.string(table, "name", path: "lib.name") ?? Located("lib", range: entry.keyRange)
            if let path = reader.string(table, "path", path: "lib.path") {
                targets.append(TargetSpec(kind: .lib, name: name, path: path))
            }
        }
        return targets
    }

    private mutating func readBuild(_ table: TOMLTable, into build: inout BuildSettings) {
        reader.checkKeys(table, known: Self.buildKeys, in: "build")
        if let target = reader.string(table, "target", path: "build.target") {
            if Self.isTarget(target.value) {
                build.target = target
            } else {
                var help: [String] = []
                var fix: Diagnostic.Fix?
                if let guess = Spelling.closest(to: target.value, in: Self.buildTargets) {
                    help.append("did you mean '\(guess)'?")
                    fix = Diagnostic.Fix(title: "Replace with '\(guess)'", edits: [TextEdit(range: target.range, newText: TOMLLiteral.renderString(guess))])
                }
                let rule = "'build.target' is 'native' or an architecture (\(AsthraManifestSchema.architectures.joined(separator: ", "))), optionally with a system after a '-' (\(AsthraManifestSchema.systems.joined(separator: ", "))), such as 'x86_64-linux'"
                reader.add(.error("unknown build.target '\(target.value)'", .invalidValue, at: target.range, label: "not a target ampu knows",
                                  notes: [rule], help: help, fix: fix))
            }
        }
        build.optimization = reader.oneOf(reader.string(table, "optimization", path: "build.optimization"), Self.optimizations, key: "build.optimization")
        if let level = reader.integer(table, "optimization_level", path: "build.optimization_level") {
            let names = AsthraManifestSchema.optimizationLevels
            if (0...3).contains(level.value) {
                if build.optimization == nil {
                    build.optimization = Located(names[Int(level.value)], range: level.range, keyRange: level.keyRange)
                }
            } else {
                reader.add(.error("'build.optimization_level' must be 0, 1, 2 or 3, found \(level.value)", .invalidValue, at: level.range,
                                  label: "not 0, 1, 2 or 3", notes: ["0 is none, 1 basic, 2 standard and 3 aggressive"]))
            }
        }
        build.debugInfo = reader.bool(table, "debug_info", path: "build.debug_info")
        build.outputDirectory = reader.string(table, "output_dir", path: "build.output_dir")
        build.timeout = reader.timeout(table)
        if let jobs = reader.integer(table, "parallel_jobs", path: "build.parallel_jobs") {
            if jobs.value < 1 {
                reader.add(.error("'build.parallel_jobs' must be at least 1, found \(jobs.value)", .invalidValue, at: jobs.range, help: ["remove it to use one job per core"]))
            } else {
                build.jobs = jobs
            }
        }
    }

    /// `native`, or an architecture with an optional system (`x86_64`, `x86_64-linux`).
    static func isTarget(_ text: String) -> Bool {
        if text == "native" { return true }
        // Empty parts kept: `""`, `"-"` and `"x86_64-"` name no target.
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard AsthraManifestSchema.architectures.contains(parts[0]) else { return false }
        return parts.count == 1 || AsthraManifestSchema.systems.contains(parts[1])
    }

    private mutating func readProfiles(_ table: TOMLTable) -> [BuildProfile] {
        var profiles: [BuildProfile] = []
        for (name, entry) in table.entries {
            guard let (profile, _) = reader.table(table, name, path: "profile.\(name)") else { continue }
            reader.checkKeys(profile, known: Self.profileKeys, in: "profile.\(name)")
            var out = BuildProfile(name: Located(name, range: entry.keyRange))
            if let level = reader.integer(profile, "opt_level", path: "profile.\(name).opt_level") {
                if (0...3).contains(level.value) {
                    out.optimization = Located("\(level.value)", range: level.range, keyRange: level.keyRange)
                } else {
                    reader.add(.error("'profile.\(name).opt_level' must be 0, 1, 2 or 3, found \(level.value)", .invalidValue, at: level.range, help: ["0 turns optimisation off; 3 optimises the most"]))
                }
            }
            out.debug = reader.bool(profile, "debug", path: "profile.\(name).debug")
            if let inherits = reader.string(profile, "inherits", path: "profile.\(name).inherits") {
                if ProfileSettings.builtInNames.contains(name) {
                    // As Cargo's root profiles: [profile.release] changes the release profile itself.
                    let removal = TOMLManifestDocument(document).removal(of: ["profile", name, "inherits"])
                    reader.add(.error("profile '\(name)' is built in: it cannot inherit from another", .invalidValue, at: inherits.range,
                                      label: "built-in profiles inherit nothing",
                                      help: ["remove `inherits`: [profile.\(name)] changes the settings of the \(name == "dev" ? "debug" : name) profile itself; to start from another, define a profile of your own"],
                                      fix: removal.map { Diagnostic.Fix(title: "Remove `inherits` from [profile.\(name)]", edits: $0) }))
                } else if !["debug", "release"].contains(inherits.value) && table.entries[inherits.value] == nil {
                    let guess = Spelling.closest(to: inherits.value, in: ProfileSettings.inheritable(by: name, among: Array(table.entries.keys)))
                    reader.add(.error("profile '\(name)' inherits from '\(inherits.value)', which does not exist", .invalidValue, at: inherits.range,
                                      help: (guess.map { ["did you mean '\($0)'?"] } ?? []) + ["inherit from 'debug', 'release' or another [profile.*] of this manifest"],
                                      fix: guess.map { Diagnostic.Fix(title: "Inherit from '\($0)'", edits: [TextEdit(range: inherits.range, newText: TOMLLiteral.renderString($0))]) }))
                } else {
                    out.inherits = inherits
                }
            }
            profiles.append(out)
        }
        return profiles
    }

    private mutating func readToolchain(_ table: TOMLTable) -> ToolchainSettings {
        reader.checkKeys(table, known: Self.toolchainKeys, in: "toolchain")
        var settings = ToolchainSettings()
        settings.compiler = reader.string(table, "compiler", path: "toolchain.compiler")
        settings.command = reader.strings(table, "command", path: "toolchain.command") ?? []
        for problem in AsthraCommandLine.check(settings.command) { reader.add(problem) }
        settings.preset = reader.oneOf(reader.string(table, "preset", path: "toolchain.preset"), ["current", "seed"], key: "toolchain.preset")
        settings.launcher = reader.string(table, "launcher", path: "toolchain.launcher")
        for key in ["asthra_home", "stdlib", "internal"] {
            if let directory = reader.string(table, key, path: "toolchain.\(key)") { settings.directories[key] = directory }
        }
        return settings
    }
}
