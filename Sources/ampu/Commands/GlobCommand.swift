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
        let glob = Glob(pattern)
        let files = glob.files(in: root, fileSystem: fileSystem)
        Terminal.standardOutput.write(files.map { $0 + "\n" }.joined())
        guard files.isEmpty else { return }
        var message = "error: no file under '\(directory ?? ".")' matches '\(pattern)'\n"
        if let meant = glob.correction(in: root, fileSystem: fileSystem) { message += "  = help: did you mean '\(meant)'?\n" }
        Terminal.standardError.write(message)
        Terminal.exitNow(1)
    }
}
