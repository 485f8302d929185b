/// Which `ariac` a project builds with: the one build.abc names (`[compiler] path`, `[project]
/// compiler`) when it is on this machine; else `$ARIAC`, else `ariac` on PATH. Real files name
/// their author's own build (`/home/…/build/ariac`); such a path that is not here is A009, a
/// warning of the disk check (`AriaManifestReader.check`), and the default is used.
enum AriaToolchain {
    static func compiler(project: AriaProject, manifestDirectory: String, environment: [String: String], fileSystem: any FileSystem) -> String? {
        if let written = project.compiler,
           let found = ToolLocator.find(configured: written.value, variable: "ARIAC", defaultName: "ariac", manifestDirectory: manifestDirectory,
                                        environment: environment, fileSystem: fileSystem) {
            return found
        }
        return ToolLocator.find(configured: nil, variable: "ARIAC", defaultName: "ariac", manifestDirectory: manifestDirectory,
                                environment: environment, fileSystem: fileSystem)
    }
}
