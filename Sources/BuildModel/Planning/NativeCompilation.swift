/// C sources built with a package (`[native]`): each compiled with the system's C compiler
/// (`$CC`, else `cc`) to an object under `build/<package>/native/`, with a dependency file that
/// names the headers it read, then archived into `deps/lib<name>_native.a`. Written once for every
/// ecosystem that has C parts.
public struct NativeCompilation: Sendable {
    /// The C compiler as the environment names it.
    public var compiler: String
    /// The launcher put before each compile (`ccache`), when one is set.
    public var launcher: [String]
    /// What a `sources` pattern's walk leaves out (`skips(of:)`).
    public var skipping: Glob.Skips

    public init(environment: [String: String], launcher: String?, ecosystem: any Ecosystem) {
        compiler = Self.compiler(environment: environment)
        self.launcher = launcher.map { [$0] } ?? []
        skipping = Self.skips(of: ecosystem)
    }

    /// What a `sources` pattern's walk leaves out, as the ecosystem's walk for its own sources
    /// does: its build output (`target/`: what a build wrote there is never a source) and the
    /// directories of other packages (a workspace root's `**/*.c` does not take its members'
    /// C files). A pattern that names such a directory before its first wildcard still reads it.
    public static func skips(of ecosystem: any Ecosystem) -> Glob.Skips {
        Glob.Skips(directories: ecosystem.ignoredDirectories, packageMarkers: Set(ecosystem.manifestFileNames))
    }

    /// The C compiler, which also links programs: `$CC`, else `cc`.
    public static func compiler(environment: [String: String]) -> String {
        environment["CC"].flatMap { $0.isEmpty ? nil : $0 } ?? "cc"
    }

    /// What planning a package's native part gave: the archive and the action writing it.
    public struct Archive: Hashable, Sendable {
        public var path: String
        public var action: Int
        /// `-l` flags for the programs that link it.
        public var linkFlags: [String]
    }

    /// Each `[native] sources` pattern of the manifest that matches no file: a warning at its
    /// place (B005), with a close pattern that does match as the fix. The workspace's check
    /// makes it, so the editor shows it as the build does; the plan leaves such a pattern out.
    public static func emptyPatterns(_ manifest: PackageManifest, ecosystem: any Ecosystem, fileSystem: any FileSystem) -> [Diagnostic] {
        let skipping = skips(of: ecosystem)
        return (manifest.native?.sources ?? []).compactMap { pattern in
            guard Glob(pattern.value).files(in: manifest.directory, fileSystem: fileSystem, skipping: skipping).isEmpty else { return nil }
            let meant = Glob(pattern.value).correction(in: manifest.directory, fileSystem: fileSystem, skipping: skipping)
            return .warning("'\(pattern.value)' matches no file in package '\(manifest.displayName)'", .emptyGlob, at: pattern.range, label: "no file matches",
                            help: (meant.map { ["did you mean '\($0)'?"] } ?? []) + ["the pattern is relative to the package root; correct it or remove it"],
                            fix: meant.map { Diagnostic.Fix(title: "Use '\($0)'", edits: [TextEdit(range: pattern.range, newText: TOMLLiteral.renderString($0))]) })
        }
    }

    /// Adds the compile and archive actions of `native` (of the package `name` in `directory`)
    /// to `plan`; nil when it lists no existing source (`emptyPatterns` says which match none).
    public func plan(_ native: NativeSettings, package name: String, libraryName: String, manifest: PackageManifest,
                     into plan: inout BuildPlan, fileSystem: any FileSystem) -> Archive? {
        let directory = manifest.directory
        var sources: [String] = []
        var taken = Set<String>()
        for pattern in native.sources {
            let found = Glob(pattern.value).files(in: directory, fileSystem: fileSystem, skipping: skipping, noting: &plan.listedDirectories)
            for file in found where taken.insert(Paths.join(directory, file)).inserted { sources.append(Paths.join(directory, file)) }
        }
        guard !sources.isEmpty else { return nil }
        let buildDirectory = Paths.join(plan.profileDirectory, "build", libraryName, "native")
        let includes = native.include.flatMap { ["-I", plan.display(Paths.join(directory, $0.value))] }
        var optimise = ["-O\(plan.profile.optimization)"]
        if plan.profile.debugInfo { optimise.append("-g") }
        var objects: [String] = []
        var compiles: [Int] = []
        for source in sources {
            let relative = Paths.relative(source, from: directory)
            let object = Paths.join(buildDirectory, relative + ".o")
            let depfile = Paths.join(buildDirectory, relative + ".d")
            let arguments = [compiler] + optimise + includes + native.flags.map(\.value)
                + ["-MD", "-MF", plan.display(depfile), "-c", plan.display(source), "-o", plan.display(object)]
            compiles.append(plan.add(BuildAction(
                kind: .compileNative, package: name, description: "Compiling \(name) (native \(relative))", arguments: arguments, launcher: launcher,
                directory: plan.root, inputs: [source], outputs: [object, depfile], depfile: depfile, compiledFiles: [source])))
            objects.append(object)
        }
        let archive = Paths.join(plan.profileDirectory, "deps", "lib\(libraryName)_native.a")
        let action = plan.add(BuildAction(
            kind: .archive, package: name, description: "Archiving \(name) (native)",
            arguments: ["ar", "rcs", plan.display(archive)] + objects.map { plan.display($0) },
            directory: plan.root, inputs: objects, outputs: [archive], dependencies: compiles))
        return Archive(path: archive, action: action, linkFlags: native.libs.map { "-l\($0.value)" })
    }

    /// A package's name as a library file's: characters other than letters, digits and `_`
    /// become `_` (`github.com/user/pkg` → `github_com_user_pkg`).
    public static func libraryName(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
    }
}
