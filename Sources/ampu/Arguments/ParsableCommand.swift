/// A type whose properties a command line fills (`@Flag`, `@Option`, `@Argument`,
/// `@OptionGroup`), and that checks what it was given.
protocol ParsableArguments {
    init()
    /// Refuses a combination the declarations cannot: `throw ValidationError(…)`.
    mutating func validate() throws
}

extension ParsableArguments {
    mutating func validate() throws {}

    /// These arguments read as this type's, as a command's own are (for a command that runs
    /// another with arguments of its own making).
    static func parse(_ arguments: [String]) throws -> Self {
        try ArgumentReader.read(Self.self, arguments, path: []).get()
    }
}

/// A command: its name and help, its subcommands, and what it does.
protocol ParsableCommand: ParsableArguments {
    static var configuration: CommandConfiguration { get }
    mutating func run() throws
}

extension ParsableCommand {
    /// A command that only groups others shows its help.
    mutating func run() throws { throw ArgumentReader.Stop.help([Self.self]) }

    /// This command read from `arguments` (`path`: the commands named, this one last).
    static func read(_ arguments: [String], path: [any ParsableCommand.Type]) -> Result<any ParsableCommand, ArgumentReader.Stop> {
        ArgumentReader.read(Self.self, arguments, path: path).map { $0 }
    }

    /// Its declarations, in order (its groups' among them).
    static var declarations: [ArgumentDefinition] { ArgumentRegistry.make(Self.self).1 }
}

struct CommandConfiguration: @unchecked Sendable {
    var commandName: String?
    var abstract = ""
    var discussion = ""
    var version = ""
    /// Listed in its parent's help.
    var shouldDisplay = true
    var subcommands: [any ParsableCommand.Type] = []
    var aliases: [String] = []
}

/// A combination of arguments a command refuses: said as a command line that cannot be read is.
struct ValidationError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Ends the command with this status, saying nothing more.
struct ExitCode: Error {
    var rawValue: Int32
    init(_ rawValue: Int32) { self.rawValue = rawValue }
}
