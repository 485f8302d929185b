import ArgumentParser
import BuildModel

/// One program, two names: `toasty` (a link to ampu) speaks Oats's build tool's command line.
@main
enum EntryPoint {
    static func main() async {
        if Paths.lastComponent(CommandLine.arguments.first ?? "") == "toasty" {
            Toasty.main()
        } else {
            await Ampu.main()
        }
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
