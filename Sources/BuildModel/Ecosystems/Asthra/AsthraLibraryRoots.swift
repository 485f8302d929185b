/// Where the standard library, the internal packages and fetched dependencies live.
///
/// The stdlib and internal roots come from the root manifest's `[toolchain]` (`stdlib`,
/// `internal`, or `asthra_home` holding both), else `ASTHRA_HOME`, else the directory above the
/// compiler (`<prefix>/bin/asthra` → `<prefix>/stdlib`). Fetched packages live in
/// `$HOME/.asthra/cache/<import path>`.
public struct AsthraLibraryRoots: Sendable, Hashable {
    public var stdlib: String?
    public var `internal`: String?
    public var cache: String?
    /// How the roots were found, for messages ("[toolchain] in /w/asthra.toml", "ASTHRA_HOME").
    public var origin: String?
    /// Problems with explicitly configured roots, or one warning when none was found.
    public var diagnostics: [Diagnostic] = []

    public init(stdlib: String? = nil, internal: String? = nil, cache: String? = nil, origin: String? = nil) {
        self.stdlib = stdlib
        self.internal = `internal`
        self.cache = cache
        self.origin = origin
    }

    public static func find(manifest: PackageManifest, environment: [String: String], fileSystem: any FileSystem) -> AsthraLibraryRoots {
        var roots = AsthraLibraryRoots()
        roots.cache = AsthraEcosystem().lockFormat!.cacheRoot(environment: environment)
        let toolchain = manifest.toolchain
        let base = manifest.directory
        let file = manifest.path

        func configured(_ value: Located<String>, what: String) -> String? {
            let path = Paths.join(base, value.value)
            if fileSystem.isDirectory(path) { return path }
            roots.diagnostics.append(Diagnostic.error(
                "\(what) '\(value.value)' does not exist (looked for '\(Paths.display(path, from: base))')", .libraryRootsNotFound, at: value.range,
                help: ["point it at an existing directory, relative to this manifest"]).inFile(file))
            return nil
        }

        if !toolchain.directories.isEmpty {
            if let home = toolchain.directories["asthra_home"], let dir = configured(home, what: "toolchain.asthra_home") {
                roots.stdlib = existing(Paths.join(dir, "stdlib"), fileSystem)
                roots.internal = existing(Paths.join(dir, "internal"), fileSystem)
            }
            if let s = toolchain.directories["stdlib"] { roots.stdlib = configured(s, what: "toolchain.stdlib") }
            if let i = toolchain.directories["internal"] { roots.internal = configured(i, what: "toolchain.internal") }
            roots.origin = "[toolchain] in \(file)"
            return roots
        }
        if let home = environment["ASTHRA_HOME"], !home.isEmpty {
            let dir = Paths.join(fileSystem.currentDirectory, home)
            roots.stdlib = existing(Paths.join(dir, "stdlib"), fileSystem)
            roots.internal = existing(Paths.join(dir, "internal"), fileSystem)
            roots.origin = "ASTHRA_HOME (\(dir))"
            if roots.stdlib == nil {
                roots.diagnostics.append(Diagnostic(
                    severity: .warning, code: DiagnosticCode.libraryRootsNotFound.rawValue,
                    message: "ASTHRA_HOME is '\(home)', but it has no 'stdlib' directory; 'stdlib/…' imports are not checked",
                    file: file, range: .at(0), help: ["set ASTHRA_HOME to the directory holding stdlib/ and internal/"]).unplaced)
            }
            return roots
        }
        if let compiler = findCompiler(toolchain.compiler?.value, base: base, environment: environment, fileSystem: fileSystem) {
            let prefix = Paths.parent(Paths.parent(compiler))
            for candidate in [prefix, Paths.join(prefix, "share/asthra"), Paths.join(prefix, "lib/asthra")] {
                if let s = existing(Paths.join(candidate, "stdlib"), fileSystem) {
                    roots.stdlib = s
                    roots.internal = existing(Paths.join(candidate, "internal"), fileSystem)
                    roots.origin = "the compiler at \(compiler)"
                    return roots
                }
            }
        }
        // None anywhere is today's compiler's normal case: `std/…` is built into it. Standard
        // library imports are then taken as the compiler's, unchecked; nothing to warn about.
        return roots
    }

    private static func existing(_ path: String, _ fs: any FileSystem) -> String? {
        fs.isDirectory(path) ? path : nil
    }

    /// The compiler's real path, found as a build finds it (`ToolLocator`): `[toolchain]
    /// compiler`, then `$ASTHRA`, then `asthra` in `PATH`.
    static func findCompiler(_ configured: String?, base: String, environment: [String: String], fileSystem: any FileSystem) -> String? {
        ToolLocator.find(configured: configured, variable: "ASTHRA", defaultName: "asthra", manifestDirectory: base,
                         environment: environment, fileSystem: fileSystem).map { (try? fileSystem.realPath($0)) ?? $0 }
    }
}
