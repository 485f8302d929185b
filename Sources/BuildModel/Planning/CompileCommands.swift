/// `compile_commands.json` for a plan, as CMake and Bear write it: one entry per source file
/// with the directory, the argument vector that compiles it, the file and the output. C sources
/// get their `cc` command (clangd reads these); each Asthra source gets the command of the
/// action that compiles it, so an Asthra language server finds its flags the same way. A
/// launcher (`ccache`) is left out, as CMake leaves it out.
public enum CompileCommands {
    /// How entries are written.
    public enum Style: String, Hashable, Sendable {
        /// `directory`, `arguments`, `file` and `output`, paths absolute: what clangd reads best.
        case arguments
        /// The shape aria_make's seed gives aria-ls: `directory`, one `command` string and `file`
        /// relative to the directory.
        case command
    }

    public struct Entry: Hashable, Sendable {
        public var directory: String
        public var arguments: [String]
        public var file: String
        public var output: String
    }

    public static func entries(of plan: BuildPlan) -> [Entry] {
        let compiles = plan.actions.filter { $0.kind == .compile || $0.kind == .compileNative }
        var out: [Entry] = []
        out.reserveCapacity(compiles.reduce(0) { $0 + $1.compiledFiles.count })
        var seen = Set<String>(minimumCapacity: out.capacity)
        for action in compiles {
            // A command that compiles several files at once is shown, for each, with that file
            // alone in place of the list: the flags are what a language server needs, and the
            // database stays one short command per file as CMake's is.
            let relative = action.compiledFiles.map { Paths.relative($0, ifWithin: action.directory) }
            let listed = Set(relative + action.compiledFiles)
            let first = action.arguments.firstIndex { listed.contains($0) }
            let before = first.map { Array(action.arguments[..<$0]) } ?? action.arguments
            let after = first.map { action.arguments[$0...].filter { !listed.contains($0) } } ?? []
            let output = action.outputs.first ?? ""
            for (file, shown) in zip(action.compiledFiles, relative) where seen.insert(file).inserted {
                let arguments = action.compiledFiles.count > 1 && first != nil ? before + [shown] + after : action.arguments
                out.append(Entry(directory: action.directory, arguments: arguments, file: file, output: output))
            }
        }
        return out
    }

    /// A digest of everything the database is made from (each compile's directory, command
    /// line, files and output, and the style): the same digest, the same database.
    public static func digest(of plan: BuildPlan) -> String {
        var bytes = Array(plan.compileDatabase.rawValue.utf8)
        for action in plan.actions where action.kind == .compile || action.kind == .compileNative {
            for part in [[action.directory, action.outputs.first ?? ""], action.arguments, action.compiledFiles] {
                for s in part {
                    bytes += s.utf8
                    bytes.append(0)
                }
                bytes.append(1)
            }
        }
        return ContentHash.hex(bytes)
    }

    /// The JSON text, one entry per file, in plan order (paths absolute, as clangd prefers, or
    /// in the plan's own style), and how many entries it has.
    public static func database(of plan: BuildPlan) -> (bytes: [UInt8], count: Int) {
        var out = JSONText()
        let entries = entries(of: plan)
        out.raw("[")
        if plan.compileDatabase == .command {
            for (i, entry) in entries.enumerated() {
                out.raw(i == 0 ? "\n  {\"directory\": " : ",\n  {\"directory\": ")
                out.string(entry.directory)
                out.raw(", \"command\": ")
                out.string(ShellWords.join(entry.arguments))
                out.raw(", \"file\": ")
                out.string(Paths.relative(entry.file, ifWithin: entry.directory))
                out.raw("}")
            }
            out.raw(entries.isEmpty ? "]\n" : "\n]\n")
            return (out.bytes, entries.count)
        }
        // Each action's output, made absolute once for all of its files.
        var output: (directory: String, output: String, joined: String) = ("", "", "")
        for (i, entry) in entries.enumerated() {
            if entry.directory != output.directory || entry.output != output.output {
                output = (entry.directory, entry.output, Paths.join(entry.directory, entry.output))
            }
            out.raw(i == 0 ? "\n  {\"directory\": " : ",\n  {\"directory\": ")
            out.string(entry.directory)
            out.raw(", \"arguments\": [")
            for (j, argument) in entry.arguments.enumerated() {
                if j > 0 { out.raw(", ") }
                out.string(argument)
            }
            out.raw("], \"file\": ")
            out.string(entry.file)
            out.raw(", \"output\": ")
            out.string(output.joined)
            out.raw("}")
        }
        out.raw(entries.isEmpty ? "]\n" : "\n]\n")
        return (out.bytes, entries.count)
    }
}
