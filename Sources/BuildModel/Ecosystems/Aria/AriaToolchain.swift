/// Which `ariac` a project builds with: the one build.abc names (`[compiler] path`, `[project]
/// compiler`) when it is on this machine; else `$ARIAC`, else `ariac` on PATH. Real files name
/// their author's own build (`/home/…/build/ariac`): such a path that is not here is a warning,
/// and the default is used.
enum AriaToolchain {
    struct Found {
        var path: String?
        /// The written path that is not here (A009).
        var warning: Diagnostic?
    }

    static func compiler(project: AriaProject, manifestDirectory: String, environment: [String: String], fileSystem: any FileSystem) -> Found {
        var warning: Diagnostic?
        if let written = project.compiler {
            if let found = ToolLocator.find(configured: written.value, variable: "ARIAC", defaultName: "ariac", manifestDirectory: manifestDirectory,
                                            environment: environment, fileSystem: fileSystem) {
                return Found(path: found)
            }
            warning = .warning("the compiler '\(written.value)' is not on this machine", .ariaCompilerMissing, at: written.range,
                               label: "no such program", notes: ["ampu uses $ARIAC, else ariac on PATH, instead"],
                               help: ["remove the path to use ariac from PATH, or write where ariac is on this machine"])
        }
        let fallback = ToolLocator.find(configured: nil, variable: "ARIAC", defaultName: "ariac", manifestDirectory: manifestDirectory,
                                        environment: environment, fileSystem: fileSystem)
        return Found(path: fallback, warning: warning)
    }
}
