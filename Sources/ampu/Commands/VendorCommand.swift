import BuildModel

/// `ampu vendor [DIR]`: the locked git packages copied into the project.
struct VendorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vendor",
        abstract: "Copy every locked git package into a directory of the project (vendor/ by default).",
        discussion: """
            The directory is laid out as the package cache is (DIR/<import path>/<commit>/), so \
            ASTHRA_CACHE=DIR (RASK_CACHE for Rask) makes ampu check, ampu fetch --offline and the language server read it. \
            Each copy is checked against the lock's checksum. A previous vendor directory is replaced whole; \
            any other existing directory is left alone.
            """
    )

    @Argument(name: "directory", help: "Where to put the copies, relative to the manifest's directory.")
    var directory = "vendor"

    @Flag(name: .customLong("offline"), help: "Copy only from the cache: fail when a package is missing from it.")
    var offline = false

    @Option(name: .customLong("manifest-path"), help: "The manifest to use instead of searching upward.")
    var manifestPath: String?

    func run() throws {
        let (tree, manifestFile) = LockedWorkspace.load(manifestPath)
        let environment = Environment.current
        guard let root = tree.lock.format.cacheRoot(environment: environment) else { ManifestTarget.fail(tree.lock.format.noCacheMessage) }
        let target = Paths.normalize(Paths.join(Paths.parent(manifestFile), directory))
        let progress = ProgressLine()
        do {
            let vendored = try LockVendor.vendor(tree.lock, cache: GitCache(root: root, git: GitCLI(environment: environment)),
                                                 into: target, offline: offline, progress: progress.report)
            progress.finish()
            for p in vendored { Terminal.standardError.write("  Vendored \(p.name) v\(p.version)\n") }
            Terminal.standardError.write("""
                \(vendored.count) package\(vendored.count == 1 ? "" : "s") in \(Paths.display(target, from: LocalFileSystem().currentDirectory))
                  = help: use them with \(tree.lock.format.cacheVariable)=\(target)

                """)
        } catch {
            progress.finish()
            ManifestTarget.fail("\(error)")
        }
    }
}
