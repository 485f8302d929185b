import ArgumentParser
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
        if Paths.lastComponent(CommandLine.arguments.first ?? "") == "toasty" {
            Toasty.main()
            return
        }
        var command: any ParsableCommand
        do { command = try Ampu.parseAsRoot() } catch { Ampu.exit(withError: error) }
        if let server = command as? LSPCommand {
            Task {
                do { try await server.run() } catch { Ampu.exit(withError: error) }
                Ampu.exit()
            }
            dispatchMain()
        }
        do { try command.run() } catch { Ampu.exit(withError: error) }
    }
}

struct Ampu: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ampu",
        abstract: "A build tool and language server for Asthra, Elm, Rask, Aria and Oats projects.",
        discussion: """
            Run 'ampu help <command>' for the options of a command.
            """,
        version: "\(ToolInfo.name) \(ToolInfo.version)",
        subcommands: [BuildCommand.self, RunCommand.self, TestCommand.self, CheckCommand.self, CleanCommand.self, CompileCommandsCommand.self, GenCommand.self, NewCommand.self, InitCommand.self, AddCommand.self, RemoveCommand.self, UpdateCommand.self, FetchCommand.self, VendorCommand.self, TreeCommand.self, WhyCommand.self, GraphCommand.self, ListCommand.self, WholeProgramCommand.self, LSPCommand.self, DebugCommand.self]
    )
}
