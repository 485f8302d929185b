/// A plan as `ampu build --plan` prints it: for people, or as JSON for other tools.
extension BuildPlan {
    /// One block per action: its number and description, the command, what it writes and
    /// which actions come first.
    public var text: String {
        var out = "Plan for the '\(profile.name)' profile [\(profile.summary)]: \(actions.count) action\(actions.count == 1 ? "" : "s") in \(display(profileDirectory))\n"
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

extension BuildPlan {
    /// A plan read back from its JSON (`json`); nil when the value is not one.
    public init?(json: JSONValue) {
        func strings(_ v: JSONValue?) -> [String]? { v?.arrayValue?.map { $0.stringValue ?? "" } }
        guard let root = json["root"]?.stringValue, let target = json["target_directory"]?.stringValue,
              let p = json["profile"], let name = p["name"]?.stringValue, let opt = p["optimization"]?.intValue, let debug = p["debug_info"]?.boolValue,
              let actions = json["actions"]?.arrayValue else { return nil }
        self.init(root: root, profile: ProfileSettings(name: name, optimization: Int(opt), debugInfo: debug, lto: p["lto"]?.stringValue), targetDirectory: target)
        for a in actions {
            guard let kind = a["kind"]?.stringValue.flatMap(BuildAction.Kind.init(rawValue:)), let package = a["package"]?.stringValue,
                  let description = a["description"]?.stringValue, let arguments = strings(a["arguments"]), !arguments.isEmpty,
                  let directory = a["directory"]?.stringValue, let inputs = strings(a["inputs"]), let outputs = strings(a["outputs"]),
                  let dependencies = a["dependencies"]?.arrayValue?.compactMap({ $0.intValue.map(Int.init) }),
                  dependencies.allSatisfy({ $0 < self.actions.count }) else { return nil }
            var environment: [String: String] = [:]
            for (k, v) in a["environment"]?.objectValue ?? [:] { environment[k] = v.stringValue }
            add(BuildAction(kind: kind, package: package, description: description, arguments: arguments, launcher: strings(a["launcher"]) ?? [],
                            environment: environment, directory: directory, inputs: inputs, outputs: outputs, depfile: a["depfile"]?.stringValue,
                            compiledFiles: strings(a["compiled_files"]) ?? [], dependencies: dependencies))
        }
        func products(_ v: JSONValue?) -> [Product] {
            (v?.arrayValue ?? []).compactMap { p in
                guard let n = p["name"]?.stringValue, let pk = p["package"]?.stringValue, let path = p["path"]?.stringValue,
                      let action = p["action"]?.intValue, action < self.actions.count else { return nil }
                return Product(name: n, package: pk, path: path, action: Int(action))
            }
        }
        programs = products(json["programs"])
        tests = products(json["tests"])
    }
}
