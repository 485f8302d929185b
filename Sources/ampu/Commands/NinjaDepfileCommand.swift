import BuildModel

/// `ampu debug ninja-depfile`: a build script's dependency file made into one Ninja reads, with
/// the edge's output as its target. `ampu gen ninja` runs it after a Rask build script, whose
/// own file names the files it generated as targets: Ninja takes a dependency file only when
/// its target is the edge's output, and then the script runs again when a file it declared
/// changes, as under `ampu build`.
struct NinjaDepfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ninja-depfile",
        abstract: "Write a dependency file's prerequisites again under one target, for Ninja (run by build.ninja)."
    )

    @Option(name: .customLong("target"), help: "The target of the rule written: the edge's output as build.ninja names it.")
    var target: String

    @Option(name: .customLong("directory"), help: "What the prerequisites' relative paths are relative to (default: the current directory).")
    var directory: String?

    @Argument(name: "input", help: "The dependency file to read.")
    var input: String

    @Argument(name: "output", help: "The dependency file to write.")
    var output: String

    func run() throws {
        let fileSystem = LocalFileSystem()
        let text: String
        do {
            text = String(decoding: try fileSystem.readFile(input), as: UTF8.self)
        } catch {
            Terminal.standardError.write("error: cannot read the dependency file: \(error)\n")
            Terminal.exitNow(1)
        }
        let read = Depfile.prerequisites(text, directory: fileSystem.absolute(directory ?? "."))
        do {
            try fileSystem.writeFile(output, Array(Depfile.rule(target: target, prerequisites: read).utf8))
        } catch {
            Terminal.standardError.write("error: cannot write the dependency file for Ninja: \(error)\n")
            Terminal.exitNow(1)
        }
    }
}
