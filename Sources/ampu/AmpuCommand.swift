import BuildModel
import Dispatch

/// One program, two names: `toasty` (a link to ampu) speaks Oats's build tool's command line.
///
/// Only the language server runs on Swift's concurrency runtime: every other command is
/// synchronous and starts no executor, which takes about a millisecond off each run (`ampu build`
/// with nothing to do is mostly start-up and stats).
@main
enum EntryPoint {
    static func main() {
        _ = Clock.start
        let arguments = Array(CommandLine.arguments.dropFirst())
        if Paths.lastComponent(CommandLine.arguments.first ?? "") == "toasty" {
            Ampu.run(Toasty.self, arguments)
        }
        if let word = arguments.first, let message = Ampu.unknownCommand(word) {
            Terminal.standardError.write(message)
            Terminal.exitNow(1)
        }
        Ampu.run(Ampu.self, arguments)
    }
}

struct Ampu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ampu",
        abstract: "A build tool and language server for Asthra, Elm, Rask, Aria and Oats projects.",
        discussion: """
            Run 'ampu help <command>' for the options of a command.
            """,
        version: "\(ToolInfo.name) \(ToolInfo.version)",
        subcommands: [BuildCommand.self, RunCommand.self, TestCommand.self, CheckCommand.self, CleanCommand.self, FormatCommand.self, CompileCommandsCommand.self, GenCommand.self, NewCommand.self, InitCommand.self, AddCommand.self, RemoveCommand.self, UpdateCommand.self, FetchCommand.self, VendorCommand.self, TreeCommand.self, WhyCommand.self, GraphCommand.self, ListCommand.self, WholeProgramCommand.self, LSPCommand.self, DebugCommand.self]
    )

    /// Reads the command line against `root`'s commands and runs the one it names; ends the
    /// process. Help, the version and a command line that does not fit are printed here (the
    /// last as every other error is, with status 64); an error the command throws is printed
    /// as `error: …` (status 1), and `ExitCode` ends it with its status and nothing said.
    static func run(_ root: any ParsableCommand.Type, _ arguments: [String]) -> Never {
        let command: any ParsableCommand
        switch ArgumentReader.command(root, arguments: arguments) {
        case .success(let read): command = read
        case .failure(let stop): stop.end()
        }
        if let server = command as? LSPCommand {
            Task {
                do { try await server.serve() } catch { Ampu.fail(error) }
                Terminal.exitNow(0)
            }
            dispatchMain()
        }
        var running = command
        do { try running.run() } catch { fail(error) }
        Terminal.exitNow(0)
    }

    private static func fail(_ error: any Error) -> Never {
        switch error {
        case let stop as ArgumentReader.Stop: stop.end()
        case let code as ExitCode: Terminal.exitNow(code.rawValue)
        default:
            Terminal.standardError.write("error: \(error)\n")
            Terminal.exitNow(1)
        }
    }

    /// What `ampu biuld` is told, as Cargo tells it: no such command, and the one meant when
    /// one is close; nil for a command, an option or `help`.
    static func unknownCommand(_ word: String) -> String? {
        if word.hasPrefix("-") || word == "help" { return nil }
        var names: [String] = [], visible: [String] = []
        for command in configuration.subcommands {
            let c = command.configuration
            guard let name = c.commandName else { continue }
            names += [name] + c.aliases
            if c.shouldDisplay { visible.append(name) }
        }
        if names.contains(word) { return nil }
        let like = Spelling.closest(to: word, in: visible).map { "\n  = help: did you mean `\($0)`?" } ?? ""
        return "error: no such command: `\(word)`\(like)\n  = help: `ampu --help` lists the commands\n"
    }
}
