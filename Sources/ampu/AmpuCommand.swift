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
        _ = Clock.start
        if Paths.lastComponent(CommandLine.arguments.first ?? "") == "toasty" {
            Toasty.main()
            return
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let word = arguments.first, let message = Ampu.unknownCommand(word) {
            Terminal.standardError.write(message)
            Terminal.exitNow(1)
        }
        var command: any ParsableCommand
        do { command = try Ampu.parseAsRoot() } catch { Ampu.failParsing(error) }
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
        subcommands: [BuildCommand.self, RunCommand.self, TestCommand.self, CheckCommand.self, CleanCommand.self, FormatCommand.self, CompileCommandsCommand.self, GenCommand.self, NewCommand.self, InitCommand.self, AddCommand.self, RemoveCommand.self, UpdateCommand.self, FetchCommand.self, VendorCommand.self, TreeCommand.self, WhyCommand.self, GraphCommand.self, ListCommand.self, WholeProgramCommand.self, LSPCommand.self, DebugCommand.self]
    )

    /// Stops on a command line that cannot be read, saying so as every other error is said:
    /// `error: unknown option '--relase'`, then `= note:` lines for the option's summary and
    /// the usage, and `= help:` lines for the option meant and where the options are listed.
    /// `--help` and `--version` are printed as they are.
    static func failParsing(_ error: any Error) -> Never {
        let code = exitCode(for: error)
        guard code != .success else { exit(withError: error) }
        Terminal.standardError.write(parseFailure(fullMessage(for: error)))
        Terminal.exitNow(code.rawValue)
    }

    /// The argument parser's `Error: …` / `Help: …` / `Usage: …` text in ampu's own form.
    static func parseFailure(_ text: String) -> String {
        func trimmed(_ s: Substring) -> String {
            var t = s
            while t.first == " " { t.removeFirst() }
            while t.last == " " { t.removeLast() }
            return String(t)
        }
        func sentence(_ s: Substring) -> String {
            var s = trimmed(s)
            if s.hasSuffix(".") { s.removeLast() }
            // "Unknown option" → "unknown option"; "-j 0 runs…" and "UTF-8…" as they are.
            if let first = s.first, first.isUppercase, s.dropFirst().first?.isLowercase == true { s = first.lowercased() + s.dropFirst() }
            return s
        }
        var out = "", notes: [String] = [], help: [String] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("Error: ") {
                let sentences = line.dropFirst(7).split(separator: ". ", omittingEmptySubsequences: true)
                out += "error: " + sentence(sentences.first ?? "") + "\n"
                help += sentences.dropFirst().map(sentence)
            } else if line.hasPrefix("Help: ") {
                notes.append(trimmed(line.dropFirst(6)).replacing(/\s{2,}/, with: ": "))
            } else if line.hasPrefix("Usage: ") {
                notes.append("usage: " + line.dropFirst(7))
            } else if let command = line.firstMatch(of: /See '(.+) --help' for more information/)?.1 {
                help.append("`\(command) --help` lists its options")
            } else if !trimmed(line).isEmpty {
                notes.append(sentence(line))
            }
        }
        return out + notes.map { "  = note: \($0)\n" }.joined() + help.map { "  = help: \($0)\n" }.joined()
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
