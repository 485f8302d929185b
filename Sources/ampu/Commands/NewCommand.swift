import BuildModel

/// `ampu new NAME [--lib] [--lang LANG]`: a new package in a new directory.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new package in a new directory.",
        discussion: "Writes the language's manifest, a first source file (a library's with --lib) and a .gitignore into NAME/; --lang chooses the language."
    )

    @Argument(name: "name", help: "The package name; also the directory to create.")
    var name: String

    @Flag(name: .customLong("lib"), help: "Create a library instead of a program.")
    var library = false

    @Option(name: .customLong("lang"), help: ArgumentHelp("The package's language: \(EcosystemRegistry.standard.names.joined(separator: ", ")).", valueName: "lang"))
    var language = EcosystemRegistry.standard.names[0]

    @Option(name: .customLong("vcs"), help: ArgumentHelp("Make a git repository for the package (git, the default, unless it is inside one already) or none.", valueName: "git|none"))
    var vcs: Scaffold.VersionControl = .git

    func run() throws {
        let ecosystem = try Scaffold.ecosystem(named: language)
        let fileSystem = LocalFileSystem()
        // A name with a '/' that is no package name (`libs/util`, where an Asthra name may be
        // `github.com/user/util`) is a path, as Cargo reads it: the package is its last part.
        let last = Paths.lastComponent(name)
        let isPath = name.contains("/") && (try? ecosystem.packageTemplate(name: name, library: library)) == nil
            && (try? ecosystem.packageTemplate(name: last, library: library)) != nil
        let packageName = isPath ? last : name
        let directory = fileSystem.absolute(isPath ? name : last)
        if fileSystem.exists(directory) {
            Terminal.standardError.write("error: destination '\(directory)' already exists\n  = help: use `ampu init` inside it to make it a package, or choose another name\n")
            throw ExitCode(1)
        }
        try Scaffold.create(ecosystem, in: directory, name: packageName, library: library, vcs: vcs, fileSystem: fileSystem,
                            nameHelp: "choose a valid name: it is also the directory's")
    }
}

/// `ampu init [--lib] [--lang LANG]`: make the current directory a package.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make the current directory a package.",
        discussion: "The package is named after the directory unless --name is given. Existing files are never overwritten: sources already there are kept, and a directory with a library's source and no program's is made a library."
    )

    @Option(name: .customLong("name"), help: "The package name (default: the directory's name).")
    var name: String?

    @Flag(name: .customLong("lib"), help: "Create a library instead of a program.")
    var library = false

    @Option(name: .customLong("lang"), help: ArgumentHelp("The package's language: \(EcosystemRegistry.standard.names.joined(separator: ", ")).", valueName: "lang"))
    var language = EcosystemRegistry.standard.names[0]

    @Option(name: .customLong("vcs"), help: ArgumentHelp("Make a git repository for the package (git, the default, unless it is inside one already) or none.", valueName: "git|none"))
    var vcs: Scaffold.VersionControl = .git

    func run() throws {
        let ecosystem = try Scaffold.ecosystem(named: language)
        let fileSystem = LocalFileSystem()
        let directory = fileSystem.currentDirectory
        let name = self.name ?? Paths.lastComponent(directory)
        let library = library || PackageTemplate.isLibrary(ecosystem, in: directory, name: name, fileSystem: fileSystem)
        try Scaffold.create(ecosystem, in: directory, name: name, library: library, vcs: vcs, fileSystem: fileSystem,
                            nameHelp: "pass a valid name with --name, or rename the directory")
    }
}

enum Scaffold {
    /// `--vcs`: whether a new package gets a git repository, as `cargo new --vcs` says.
    enum VersionControl: String, ExpressibleByArgument, CaseIterable {
        case git, none
    }

    static func ecosystem(named language: String) throws -> any Ecosystem {
        let registry = EcosystemRegistry.standard
        guard let ecosystem = registry.ecosystem(named: language) else {
            Terminal.standardError.write("error: unknown language '\(language)'\n  = help: ampu makes packages for \(registry.names.map { "'\($0)'" }.joined(separator: ", "))\n")
            throw ExitCode(1)
        }
        return ecosystem
    }

    static func create(_ ecosystem: any Ecosystem, in directory: String, name: String, library: Bool, vcs: VersionControl, fileSystem: LocalFileSystem,
                       nameHelp: String) throws {
        do {
            _ = try PackageTemplate.create(ecosystem, in: directory, name: name, library: library, fileSystem: fileSystem)
        } catch {
            var help = ""
            if case .invalidName = error { help = "  = help: \(nameHelp)\n" }
            Terminal.standardError.write("error: \(error)\n" + help)
            throw ExitCode(1)
        }
        if vcs == .git, case .failed(let why) = PackageRepository.make(in: directory, git: GitCLI(environment: Environment.current, timeout: 60)) {
            Terminal.standardError.write("warning: no git repository was made for the package: \(why)\n  = help: install git and run `git init` in \(directory), or pass --vcs none\n")
        }
        let color = Terminal.standardError.supportsColor
        func label(_ word: String) -> String { color ? "\u{1B}[1;32m\(word)\u{1B}[0m" : word }
        Terminal.standardError.write("\(label("Created")) \(library ? "library" : "program") package '\(name)' in \(directory)\n")
        switch WorkspaceMembership.join(directory, ecosystem: ecosystem, fileSystem: fileSystem) {
        case .outside(let root, let member, let edits?):
            do {
                let text = try TextEdit.apply(edits, to: root.source.bytes)
                try fileSystem.writeFile(root.path, text)
                Terminal.standardError.write("\(label("Added")) '\(member)' to the members of the workspace at \(root.directory)\n")
            } catch {
                Terminal.standardError.write("warning: '\(member)' is not yet a member of the workspace: \(error)\n  = help: add \"\(member)\" to `members` under [workspace] in \(root.path)\n")
            }
        case .outside(let root, let member, nil):
            Terminal.standardError.write("warning: '\(member)' is not a member of the workspace at \(root.directory), whose manifest ampu cannot edit\n  = help: add \"\(member)\" to the workspace's members in \(root.path)\n")
        case .noWorkspace, .member, .excluded:
            break
        }
    }
}
