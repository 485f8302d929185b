import BuildModel

/// `ampu fmt`: the workspace's TOML manifests laid out as the language server's formatting lays
/// them out (`ManifestFormatting`); `--check` says which are not, and writes nothing.
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Lay out the workspace's TOML manifests as taplo does (asthra.toml, Oats.toml).",
        discussion: """
            One space around '=', none inside a header's brackets, one after each comma, no indentation at the top level, \
            arrays over several lines indented four spaces with a comma after their last element, at most one blank line \
            in a row, one line break at the end. Values, comments and line breaks are kept as written, and what the file \
            means does not change. A file with a syntax error is left as it is, and the error shown.
            """
    )

    @Option(name: .customLong("manifest-path"), help: "The manifest to use instead of searching upward.")
    var manifestPath: String?

    @Flag(name: .customLong("check"), help: "Write nothing: list the files that are not laid out so, and exit 1 when there is one.")
    var check = false

    @Argument(name: "files", help: "Files to format instead of the workspace's manifests (TOML files).")
    var files: [String] = []

    func run() throws {
        let fileSystem = LocalFileSystem()
        let cwd = fileSystem.currentDirectory
        var paths: [String]
        if files.isEmpty {
            let (found, ecosystem, _) = ManifestTarget.load(manifestPath, fileSystem: fileSystem)
            do {
                paths = try ManifestFormatting.workspaceManifests(of: found, ecosystem: ecosystem, fileSystem: fileSystem)
            } catch {
                ManifestTarget.fail("\(error)")
            }
        } else {
            paths = files.map(fileSystem.absolute)
            for (path, named) in zip(paths, files) where !ManifestFormatting.isFormattable(path) {
                ManifestTarget.fail("\(ManifestFormatting.Problem.notFormattable(named))")
            }
        }
        var failed = false
        var unformatted: [String] = []
        let renderer = DiagnosticRenderer(format: .human, colors: Terminal.standardError.supportsColor, root: cwd)
        for path in paths {
            let shown = Paths.display(path, from: cwd)
            let outcome: ManifestFormatting.Outcome
            do {
                outcome = try ManifestFormatting.format(path, fileSystem: fileSystem)
            } catch {
                Terminal.standardError.write("error: cannot read \(shown): \(error)\n")
                failed = true
                continue
            }
            switch outcome {
            case .unchanged:
                continue
            case .syntaxError(let errors, let source):
                Terminal.standardError.write(renderer.render(errors, sources: [path: source], defaultFile: path))
                Terminal.standardError.write("error: \(shown) is not formatted: it has \(errors.count == 1 ? "a syntax error" : "syntax errors")\n")
                failed = true
            case .formatted(let bytes):
                if check {
                    unformatted.append(shown)
                    continue
                }
                do {
                    try fileSystem.writeFile(path, bytes)
                } catch {
                    Terminal.standardError.write("error: cannot write \(shown): \(error)\n")
                    failed = true
                }
            }
        }
        if !unformatted.isEmpty {
            for shown in unformatted { Terminal.standardOutput.write("\(shown) is not formatted\n") }
            Terminal.standardError.write("error: \(unformatted.count == 1 ? "1 file is" : "\(unformatted.count) files are") not formatted; `ampu fmt` formats \(unformatted.count == 1 ? "it" : "them")\n")
            failed = true
        }
        if failed { Terminal.exitNow(1) }
    }
}
