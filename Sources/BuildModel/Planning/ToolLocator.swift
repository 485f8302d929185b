/// Finds the program a build runs: the manifest's setting, then an environment variable, then
/// `PATH`. When it is not there, the diagnostic says which of the three it tried and how to fix it.
public enum ToolLocator {
    /// Where the program is, by the same order as `locate`, without saying why not: the
    /// manifest's setting, then the variable, then `defaultName` in `PATH`.
    public static func find(configured: String?, variable: String, defaultName: String, manifestDirectory: String,
                            environment: [String: String], fileSystem: any FileSystem) -> String? {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        if let configured { return find(configured, base: manifestDirectory, path: path, fileSystem: fileSystem) }
        if let named = environment[variable], !named.isEmpty { return find(named, base: fileSystem.currentDirectory, path: path, fileSystem: fileSystem) }
        return find(defaultName, base: manifestDirectory, path: path, fileSystem: fileSystem)
    }

    /// A program named by a path (relative to `base`) or looked up in `path`: an executable file.
    public static func find(_ program: String, base: String, path: String, fileSystem: any FileSystem) -> String? {
        guard program.contains("/") else { return fileSystem.findProgram(program, searchPath: path) }
        let full = Paths.join(base, program)
        return fileSystem.isProgram(full) ? full : nil
    }

    /// - Parameters:
    ///   - tool: how messages name it ("the Asthra compiler").
    ///   - configured: the manifest's setting (`[toolchain] compiler`): a path relative to the
    ///     manifest, or a name looked up in PATH.
    ///   - variable: the environment variable that names it (`ASTHRA`).
    ///   - defaultName: the name looked up in PATH when neither is set.
    public static func locate(_ tool: String, configured: Located<String>?, key: String, manifest: PackageManifest, variable: String,
                              defaultName: String, environment: [String: String], fileSystem: any FileSystem) -> Result<String, Diagnostic> {
        if let found = find(configured: configured?.value, variable: variable, defaultName: defaultName, manifestDirectory: manifest.directory,
                            environment: environment, fileSystem: fileSystem) {
            return .success(found)
        }
        // Not found: say where it was looked for, by the setting that was in charge.
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        let manifestName = Paths.lastComponent(manifest.path)
        func why(_ program: String, base: String) -> String {
            guard program.contains("/") else { return "is not on PATH" }
            return fileSystem.exists(Paths.join(base, program)) ? "is not executable" : "does not exist"
        }
        if let configured {
            let value = configured.value
            if value.contains("/") {
                // A program spelt like one that is there, when this one is not.
                let meant = fileSystem.exists(Paths.join(manifest.directory, value)) ? nil
                    : PathSpelling.closest(to: value, from: manifest.directory, fileSystem: fileSystem) { fileSystem.isProgram($0) }
                return .failure(Diagnostic(severity: .error, code: DiagnosticCode.toolNotFound.rawValue, message: "\(tool) '\(value)' \(why(value, base: manifest.directory))",
                                           file: manifest.path, range: configured.range, label: "set here", notes: ["the path is relative to \(manifestName)"],
                                           help: (meant.map { ["did you mean '\($0)'?"] } ?? []) + ["correct the path, or remove `\(key)` to use $\(variable) or '\(defaultName)' from PATH"],
                                           fix: meant.map { Diagnostic.Fix(title: "Use '\($0)'", edits: [TextEdit(range: configured.range, newText: TOMLLiteral.renderString($0))]) }))
            }
            return .failure(Diagnostic(severity: .error, code: DiagnosticCode.toolNotFound.rawValue, message: "\(tool) '\(value)' is not on PATH",
                                       file: manifest.path, range: configured.range, label: "looked up in PATH", notes: ["PATH is \(path)"],
                                       help: ["put the directory holding '\(value)' on PATH, or write its full path here"]))
        }
        if let named = environment[variable], !named.isEmpty {
            return .failure(Diagnostic(severity: .error, code: DiagnosticCode.toolNotFound.rawValue,
                                       message: "\(tool) '\(named)' named by $\(variable) \(why(named, base: fileSystem.currentDirectory))",
                                       file: manifest.path, range: .at(0), help: ["set \(variable) to the compiler's full path, or unset it to use '\(defaultName)' from PATH"]).unplaced)
        }
        return .failure(Diagnostic(severity: .error, code: DiagnosticCode.toolNotFound.rawValue,
                                   message: "\(tool) was not found: \(manifestName) has no `\(key)`, $\(variable) is not set, and no '\(defaultName)' is on PATH",
                                   file: manifest.path, range: .at(0), notes: ["PATH is \(path)"],
                                   help: ["install it and put its directory on PATH, set \(variable)=/path/to/\(defaultName), or add `\(key.split(separator: ".").last!) = \"/path/to/\(defaultName)\"` under [\(key.split(separator: ".").first!)] in \(manifestName)"]).unplaced)
    }

    /// Why a compiler found only by `$variable` or in PATH (no manifest key names it) is not
    /// there, and how to get it: `install` says how to install it.
    public static func notFound(_ tool: String, variable: String, defaultName: String, install: String, environment: [String: String],
                                file: String? = nil) -> Diagnostic {
        let named = environment[variable].flatMap { $0.isEmpty ? nil : $0 }
        return Diagnostic(severity: .error, code: DiagnosticCode.toolNotFound.rawValue,
                          message: named.map { "\(tool) '\($0)' named by $\(variable) cannot be run" }
                              ?? "\(tool) was not found: $\(variable) is not set and no '\(defaultName)' is on PATH",
                          file: file, range: .at(0), notes: ["PATH is \(environment["PATH"] ?? "/usr/bin:/bin")"],
                          help: ["\(install), or set \(variable)=/path/to/\(defaultName)"])
    }
}
