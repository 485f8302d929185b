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
            Ampu.start(Toasty.self, arguments)
        }
        Ampu.start(Ampu.self, arguments)
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
        subcommands: [BuildCommand.self, RunCommand.self, TestCommand.self, CheckCommand.self, FixCommand.self, CleanCommand.self, FormatCommand.self, CompileCommandsCommand.self, GenCommand.self, NewCommand.self, InitCommand.self, AddCommand.self, RemoveCommand.self, UpdateCommand.self, FetchCommand.self, VendorCommand.self, TreeCommand.self, WhyCommand.self, GraphCommand.self, ListCommand.self, WholeProgramCommand.self, LSPCommand.self, DebugCommand.self]
    )

    /// Reads the command line against `root`'s commands and runs the one it names; ends the
    /// process. Help, the version and a command line that does not fit are printed here (the
    /// last as every other error is, with status 64); an error the command throws is printed
    /// as `error: …` (status 1), and `ExitCode` ends it with its status and nothing said.
    static func start(_ root: any ParsableCommand.Type, _ arguments: [String]) -> Never {
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
        case let refused as ValidationError:
            Terminal.standardError.write("error: \(refused.message)\n")
            Terminal.exitNow(64)
        default:
            Terminal.standardError.write("error: \(error)\n")
            Terminal.exitNow(1)
        }
    }
}
