import BuildModel

/// Reads a command line against a tree of commands: the command to run, filled in, or why there
/// is none (help or the version asked for, a command that is not one, or an argument that does
/// not fit, said as every other error is: `error: unknown option '--relase'`, then `= note:` and
/// `= help:` lines).
///
/// Options may come in any order, before or after the positional arguments; `--name value`,
/// `--name=value`, `-n value` and, where the option allows it, `-nvalue`; flags of one letter
/// may be written together (`-qv`). An option given twice takes the last value, unless it may be
/// repeated. After `--` every argument is positional. Options written before a subcommand's name
/// are the subcommand's (`toasty --verbose build`).
enum ArgumentReader {
    /// Why a command line gives no command to run.
    enum Stop: Error, @unchecked Sendable {
        /// `--help`, `-h` or `help`: the help of the last command named.
        case help([any ParsableCommand.Type])
        case version(String)
        /// A word where a subcommand's name goes that is none, and the one meant when one is close.
        case noSuchCommand(String, meant: String?, path: [any ParsableCommand.Type])
        /// A command line that does not fit: the message, notes, helps, and the commands named.
        case usage(String, notes: [String], help: [String], path: [any ParsableCommand.Type])

        /// Prints what it says where it goes, and ends the process with its status.
        func end() -> Never {
            let (text, toStandardOutput, status) = output
            (toStandardOutput ? Terminal.standardOutput : Terminal.standardError).write(text)
            Terminal.exitNow(status)
        }

        /// What to print where, and the exit status.
        var output: (text: String, toStandardOutput: Bool, status: Int32) {
            switch self {
            case .help(let path): (CommandHelp.text(path), true, 0)
            case .version(let version): (version + "\n", true, 0)
            case .noSuchCommand(let word, let meant, let path):
                // As Cargo says it.
                ("error: no such command: `\(word)`\n" + (meant.map { "  = help: did you mean `\($0)`?\n" } ?? "")
                    + "  = help: `\(CommandHelp.name(path)) --help` lists the commands\n", false, 1)
            case .usage(let message, let notes, let help, let path):
                ("error: \(message)\n" + (notes + ["usage: " + CommandHelp.usage(path)]).map { "  = note: \($0)\n" }.joined()
                    + (help + ["`\(CommandHelp.name(path)) --help` lists its \(path.last?.configuration.subcommands.isEmpty == false ? "subcommands" : "options")"])
                        .map { "  = help: \($0)\n" }.joined(), false, 64)
            }
        }
    }

    /// The command the arguments name under `root`, filled in and checked.
    static func command(_ root: any ParsableCommand.Type, arguments: [String]) -> Result<any ParsableCommand, Stop> {
        var path: [any ParsableCommand.Type] = [root]
        var rest: [String] = []
        var i = 0
        // The subcommands' names, each the first argument at its level that is not an option.
        while i < arguments.count {
            let argument = arguments[i]
            let subcommands = path.last!.configuration.subcommands
            if argument == "--" || subcommands.isEmpty { break }
            if argument.hasPrefix("-") {
                if argument == "--version", path.count == 1, !root.configuration.version.isEmpty { return .failure(.version(root.configuration.version)) }
                rest.append(argument)
                i += 1
                continue
            }
            if path.count == 1, argument == "help" {
                // `help build`: the help of the commands named after it.
                var named = path
                for word in arguments[(i + 1)...] where !word.hasPrefix("-") {
                    guard let next = subcommand(word, of: named.last!) else { return .failure(noSuchCommand(word, in: named)) }
                    named.append(next)
                }
                return .failure(.help(named))
            }
            guard let next = subcommand(argument, of: path.last!) else { return .failure(noSuchCommand(argument, in: path)) }
            path.append(next)
            i += 1
        }
        let leaf: any ParsableCommand.Type = path[path.count - 1]
        let remaining: [String] = rest + Array(arguments[i...])
        return leaf.read(remaining, path: path)
    }

    /// `word` named as a subcommand of the last of `path`, which has none of that name.
    private static func noSuchCommand(_ word: String, in path: [any ParsableCommand.Type]) -> Stop {
        let names = path.last!.configuration.subcommands.filter { $0.configuration.shouldDisplay }.compactMap { $0.configuration.commandName }
        return .noSuchCommand(word, meant: Spelling.closest(to: word, in: names), path: path)
    }

    private static func subcommand(_ word: String, of command: any ParsableCommand.Type) -> (any ParsableCommand.Type)? {
        command.configuration.subcommands.first { $0.configuration.commandName == word || $0.configuration.aliases.contains(word) }
    }

    /// A `T` filled in from `arguments` and checked (its groups' `validate`, then its own).
    /// `path`: the commands named, for help and messages (none: `T` read on its own).
    static func read<T: ParsableArguments>(_ type: T.Type, _ arguments: [String], path: [any ParsableCommand.Type]) -> Result<T, Stop> {
        var (value, definitions, checks) = ArgumentRegistry.make(T.self)
        func fail(_ message: String, notes: [String] = [], help: [String] = []) -> Result<T, Stop> {
            .failure(.usage(message, notes: notes, help: help, path: path))
        }
        let options = definitions.filter { $0.kind != .positional }
        var positionals: [String] = []
        var afterTerminator: [String] = []
        var terminated = false
        var i = 0
        /// Gives the definition a value (a flag: ""); the failure when it does not read as one.
        func take(_ definition: ArgumentDefinition, _ text: String) -> Result<T, Stop>? {
            definition.given += 1
            if definition.take(text) { return nil }
            return fail("the value '\(text)' is invalid for '\(definition.synopsis)'", notes: ["\(definition.synopsis): \(definition.help.abstract)"],
                        help: definition.values.isEmpty ? [] : ["please provide one of \(quotedList(definition.values))"])
        }
        /// The value of an option named by `shown` that did not come with one: the next argument.
        func nextValue(for definition: ArgumentDefinition, shown: String) -> Result<String, Stop> {
            guard i + 1 < arguments.count, definition.unconditional || !looksLikeOption(arguments[i + 1]) else {
                return .failure(.usage("missing value for '\(shown) <\(definition.valueName)>'", notes: ["\(definition.synopsis): \(definition.help.abstract)"], help: [], path: path))
            }
            i += 1
            return .success(arguments[i])
        }
        while i < arguments.count {
            let argument = arguments[i]
            defer { i += 1 }
            if terminated {
                afterTerminator.append(argument)
            } else if argument == "--" {
                terminated = true
            } else if argument == "--help" || argument == "-h" {
                return .failure(.help(path))
            } else if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
                guard let definition = options.first(where: { $0.longNames.contains(name) }) else {
                    let longs = options.filter { $0.help.visibility == .default }.flatMap(\.longNames).map { "--" + $0 }
                    return fail("unknown option '--\(name)'", help: Spelling.closest(to: "--" + name, in: longs).map { ["did you mean '\($0)'?"] } ?? [])
                }
                if definition.kind == .flag {
                    if let inline { return fail("'--\(name)' takes no value, but '\(inline)' was given") }
                    _ = take(definition, "")
                    continue
                }
                let text: String
                if let inline {
                    text = inline
                } else {
                    switch nextValue(for: definition, shown: "--" + name) {
                    case .success(let value): text = value
                    case .failure(let stop): return .failure(stop)
                    }
                }
                if let failure = take(definition, text) { return failure }
            } else if looksLikeOption(argument) {
                // One letter, or several flags of one letter each (`-qv`), or one with its value (`-j2`).
                var letters = Array(argument.dropFirst())
                while !letters.isEmpty {
                    let letter = letters.removeFirst()
                    guard let definition = options.first(where: { $0.shortNames.contains { $0.name == letter } }) else {
                        return fail("unknown option '-\(letter)'")
                    }
                    if definition.kind == .flag {
                        _ = take(definition, "")
                        continue
                    }
                    let text: String
                    if !letters.isEmpty {
                        guard definition.shortNames.contains(where: { $0.name == letter && $0.joined }) else {
                            return fail("'-\(letter)' takes its value as the next argument: '-\(letter) \(String(letters))'")
                        }
                        text = String(letters)
                        letters = []
                    } else {
                        switch nextValue(for: definition, shown: "-" + String(letter)) {
                        case .success(let value): text = value
                        case .failure(let stop): return .failure(stop)
                        }
                    }
                    if let failure = take(definition, text) { return failure }
                }
            } else {
                positionals.append(argument)
            }
        }
        // Positional arguments, in the order they are declared; those after `--` go to the
        // declaration that takes them, else they are positional like the others.
        let declared = definitions.filter { $0.kind == .positional }
        let trailing = declared.first { $0.afterTerminator }
        if trailing == nil { positionals += afterTerminator }
        var left = positionals[...]
        for definition in declared where !definition.afterTerminator {
            while let next = left.first, definition.given == 0 || definition.repeats {
                left = left.dropFirst()
                if let failure = take(definition, next) { return failure }
            }
        }
        if let extra = left.first { return fail("unexpected argument '\(extra)'") }
        if let trailing {
            for text in afterTerminator {
                if let failure = take(trailing, text) { return failure }
            }
        }
        if let missing = definitions.first(where: { $0.required && $0.given == 0 }) {
            return fail("missing expected argument '\(missing.synopsis)'", notes: ["\(missing.synopsis): \(missing.help.abstract)"])
        }
        do {
            for check in checks { try check() }
            try value.validate()
        } catch let error as ValidationError {
            return fail(error.message)
        } catch {
            return fail("\(error)")
        }
        return .success(value)
    }

    /// An option, not a value: `-x`, `--x`; not `-`, nor a negative number.
    static func looksLikeOption(_ argument: String) -> Bool {
        guard argument.count > 1, argument.hasPrefix("-") else { return false }
        return !argument.dropFirst().allSatisfy { $0.isNumber || $0 == "." }
    }

    /// `'a', 'b' or 'c'`.
    static func quotedList(_ values: [String]) -> String {
        let quoted = values.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }
}
