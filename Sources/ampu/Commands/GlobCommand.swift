import BuildModel

/// `ampu debug glob PATTERN [DIR]`: the files a build file's pattern matches, as a build sees them.
struct GlobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glob",
        abstract: "Print the files a source pattern (`src/**/*.aria`) matches under a directory, sorted."
    )

    @Argument(name: "pattern", help: "The pattern: *, **, ? and [...] as build files write them.")
    var pattern: String

    @Argument(name: "directory", help: "The directory it is relative to (default: the current one).")
    var directory: String?

    func run() throws {
        let fileSystem = LocalFileSystem()
        let root = fileSystem.absolute(directory ?? ".")
        let files = Glob(pattern).files(in: root, fileSystem: fileSystem)
        Terminal.standardOutput.write(files.map { $0 + "\n" }.joined())
        if files.isEmpty { Terminal.exitNow(1) }
    }
}
