/// A command's help (`--help`, `help COMMAND`) and usage line, from its declarations: an
/// overview, the usage, its arguments, options and subcommands, each with its line of help,
/// in lines of at most 79 columns.
enum CommandHelp {
    static let width = 79
    /// Where the help of an argument, option or subcommand begins.
    static let column = 26

    /// The commands as typed: `ampu build`.
    static func name(_ path: [any ParsableCommand.Type]) -> String {
        path.compactMap { $0.configuration.commandName }.joined(separator: " ")
    }

    static func definitions(_ type: any ParsableCommand.Type) -> [ArgumentDefinition] {
        type.declarations.filter { $0.help.visibility == .default }
    }

    /// `ampu new <name> [--lib] …`: each declaration in order while there are few options,
    /// else `[<options>]` and the positional arguments (`ampu build [<options>] [<names> ...]`).
    static func usage(_ path: [any ParsableCommand.Type]) -> String {
        guard let command = path.last else { return "" }
        if !command.configuration.subcommands.isEmpty { return name(path) + " <subcommand>" }
        let declared = definitions(command)
        let options = declared.filter { $0.kind != .positional }
        let few = options.count <= 8
        var parts = [name(path)] + (few ? [] : ["[<options>]"])
        for definition in declared where few || definition.kind == .positional {
            let shown = (definition.afterTerminator ? "-- " : "") + definition.synopsis + (definition.repeats ? " ..." : "")
            parts.append(definition.required ? shown : "[\(shown)]")
        }
        return parts.joined(separator: " ")
    }

    static func text(_ path: [any ParsableCommand.Type]) -> String {
        guard let command = path.last else { return "" }
        let configuration = command.configuration
        var out = ""
        if !configuration.abstract.isEmpty { out += wrap("OVERVIEW: " + configuration.abstract, indent: 0) + "\n" }
        for paragraph in configuration.discussion.split(separator: "\n", omittingEmptySubsequences: true) {
            out += "\n" + wrap(String(paragraph), indent: 0)
        }
        if !configuration.discussion.isEmpty { out += "\n" }
        out += (out.isEmpty ? "" : "\n") + "USAGE: " + usage(path) + "\n"
        let declared = definitions(command)
        let arguments = declared.filter { $0.kind == .positional }
        if !arguments.isEmpty {
            out += "\nARGUMENTS:\n" + arguments.map { row("<\($0.valueName)>", described($0)) }.joined()
        }
        var options = declared.filter { $0.kind != .positional }.map { option -> (String, String) in
            let names = option.shortNames.map { "-" + String($0.name) } + option.longNames.map { "--" + $0 }
            return (names.joined(separator: ", ") + (option.kind == .option ? " <\(option.valueName)>" : ""), described(option))
        }
        if path.count == 1 && !configuration.version.isEmpty { options.append(("--version", "Show the version.")) }
        options.append(("-h, --help", "Show help information."))
        out += "\nOPTIONS:\n" + options.map { row($0.0, $0.1) }.joined()
        let shown = configuration.subcommands.filter { $0.configuration.shouldDisplay }
        if !shown.isEmpty {
            out += "\nSUBCOMMANDS:\n"
            for sub in shown {
                let c = sub.configuration
                out += row(([c.commandName ?? ""] + c.aliases).joined(separator: ", "), c.abstract)
            }
            out += "\n  See '\(path.first?.configuration.commandName ?? "") help \(path.dropFirst().compactMap { $0.configuration.commandName }.map { $0 + " " }.joined())<subcommand>' for detailed help.\n"
        }
        return out
    }

    /// A declaration's help, with its default: `How to print diagnostics. (default: human)`,
    /// kept on one line (`wrap` breaks at spaces, not at the no-break space it turns back).
    private static func described(_ definition: ArgumentDefinition) -> String {
        definition.help.abstract + (definition.defaultDescription.map { " (default:\u{A0}\($0))" } ?? "")
    }

    /// `  label                   help`, the help on the next line when the label is long.
    private static func row(_ label: String, _ help: String) -> String {
        let start = "  " + label
        let text = wrap(String(repeating: " ", count: column) + help, indent: column)
        if start.count + 2 <= column { return start + text.dropFirst(start.count) + "\n" }
        return start + "\n" + text + "\n"
    }

    /// The text in lines of at most `width` columns, each after the first indented by `indent`.
    private static func wrap(_ text: String, indent: Int) -> String {
        let lead = text.prefix { $0 == " " }
        var lines: [String] = []
        var line = String(lead)
        for word in text.dropFirst(lead.count).split(separator: " ") {
            let empty = line.count == (lines.isEmpty ? lead.count : indent)
            if !empty && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent) + word
            } else {
                line += (empty ? "" : " ") + word
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n").replacing("\u{A0}", with: " ")
    }
}
