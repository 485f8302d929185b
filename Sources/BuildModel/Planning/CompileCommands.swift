/// `compile_commands.json` for a plan, as CMake and Bear write it: one entry per source file
/// with the directory, the argument vector that compiles it, the file and the output. C sources
/// get their `cc` command (clangd reads these); each Asthra source gets the command of the
/// action that compiles it, so an Asthra language server finds its flags the same way. A
/// launcher (`ccache`) is left out, as CMake leaves it out.
public enum CompileCommands {
    public struct Entry: Hashable, Sendable {
        public var directory: String
        public var arguments: [String]
        public var file: String
        public var output: String
    }

    public static func entries(of plan: BuildPlan) -> [Entry] {
        var out: [Entry] = []
        var seen = Set<String>()
        for action in plan.actions where action.kind == .compile || action.kind == .compileNative {
            for file in action.compiledFiles where seen.insert(file).inserted {
                out.append(Entry(directory: action.directory, arguments: action.arguments, file: file, output: action.outputs.first ?? ""))
            }
        }
        return out
    }

    /// The JSON text, one entry per file, in plan order; paths absolute, as clangd prefers.
    public static func json(of plan: BuildPlan) -> String {
        let array = JSONValue.array(entries(of: plan).map { entry in
            JSONValue(pairs: [
                ("directory", .string(entry.directory)),
                ("arguments", .array(entry.arguments.map { .string($0) })),
                ("file", .string(entry.file)),
                ("output", .string(Paths.join(entry.directory, entry.output))),
            ])
        })
        // Strings and arrays of strings always serialise.
        return (try? JSON.serializeToString(array, pretty: true)).map { $0 + "\n" } ?? "[]\n"
    }
}
