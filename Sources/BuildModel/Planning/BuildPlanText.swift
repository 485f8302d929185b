/// A plan as `ampu build --plan` prints it: for people, or as JSON for other tools.
extension BuildPlan {
    /// One block per action: its number and description, the command, what it writes and
    /// which actions come first.
    public var text: String {
        var out = usesProfile
            ? "Plan for the '\(profile.name)' profile [\(profile.summary)]: \(actions.count) action\(actions.count == 1 ? "" : "s") in \(display(profileDirectory))\n"
            : "Plan: \(actions.count) action\(actions.count == 1 ? "" : "s")\n"
        for action in actions {
            out += "\n[\(action.id + 1)] \(action.description)\n"
            out += "    " + action.shellCommand + "\n"
            out += "    reads \(action.inputs.count) file\(action.inputs.count == 1 ? "" : "s"), writes " + action.outputs.map(display).joined(separator: ", ") + "\n"
            if !action.dependencies.isEmpty { out += "    after " + action.dependencies.map { "[\($0 + 1)]" }.joined(separator: " ") + "\n" }
        }
        return out
    }

    /// The whole plan with every field, paths absolute; actions numbered from 0 as their ids.
    public var json: JSONValue {
        func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }
        func products(_ list: [Product]) -> JSONValue {
            .array(list.map { JSONValue(pairs: [("name", .string($0.name)), ("package", .string($0.package)), ("path", .string($0.path)), ("action", .int(Int64($0.action)))]) })
        }
        return JSONValue(pairs: [
            ("root", .string(root)),
            ("profile", JSONValue(pairs: [
                ("name", .string(profile.name)), ("optimization", .int(Int64(profile.optimization))), ("debug_info", .bool(profile.debugInfo)),
                ("lto", profile.lto.map { .string($0) } ?? .null),
            ])),
            ("target_directory", .string(targetDirectory)),
            ("actions", .array(actions.map { action in
                JSONValue(pairs: [
                    ("id", .int(Int64(action.id))),
                    ("kind", .string(action.kind.rawValue)),
                    ("package", .string(action.package)),
                    ("description", .string(action.description)),
                    ("launcher", strings(action.launcher)),
                    ("arguments", strings(action.arguments)),
                    ("environment", JSONValue(pairs: action.environment.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                    ("directory", .string(action.directory)),
                    ("inputs", strings(action.inputs)),
                    ("outputs", strings(action.outputs)),
                    ("depfile", action.depfile.map { .string($0) } ?? .null),
                    ("compiled_files", strings(action.compiledFiles)),
                    ("dependencies", .array(action.dependencies.map { .int(Int64($0)) })),
                ])
            })),
            ("programs", products(programs)),
            ("tests", products(tests)),
        ])
    }
}
