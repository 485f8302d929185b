/// A plan as the plan cache keeps it: a line per fact, fields split by tabs and lists by the
/// unit separator (0x1F), read back without building a JSON tree (a no-op build reads tens of
/// thousands of paths from it). A plan with a tab, a line break or a unit separator in any of
/// its strings is not kept.
enum PlanRecord {
    static let separator: UInt8 = 0x1F

    /// The first path of the plan that a build's records cannot hold, and what in it they
    /// cannot: a line break (the plan is not kept, nor the fingerprint of an action that reads or
    /// writes it, so it runs on every build) or a tab (the plan is not kept).
    static func unrecordable(_ plan: BuildPlan) -> (path: String, holds: String)? {
        func bad(_ path: String) -> String? {
            for byte in path.utf8 {
                if byte == 0x0A || byte == 0x0D { return "a line break" }
                if byte == 0x09 { return "a tab" }
            }
            return nil
        }
        for path in [plan.root, plan.targetDirectory] {
            if let holds = bad(path) { return (path, holds) }
        }
        for action in plan.actions {
            for path in [action.directory] + action.inputs + action.outputs {
                if let holds = bad(path) { return (path, holds) }
            }
        }
        return nil
    }

    static func text(of plan: BuildPlan) -> String? {
        var out = ""
        var clean = true
        func field(_ s: String) -> String {
            if s.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == separator }) { clean = false }
            return s
        }
        func list(_ items: [String]) -> String { items.map(field).joined(separator: "\u{1F}") }
        out += "root\t\(field(plan.root))\ntarget\t\(field(plan.targetDirectory))\n"
        out += "profile\t\(field(plan.profile.name))\t\(plan.profile.optimization)\t\(plan.profile.debugInfo ? 1 : 0)\t\(field(plan.profile.lto ?? ""))\n"
        for a in plan.actions {
            out += "action\t\(a.kind.rawValue)\t\(field(a.package))\t\(field(a.description))\t\(field(a.directory))\t\(field(a.depfile ?? ""))\n"
            out += "a\t\(list(a.arguments))\nl\t\(list(a.launcher))\ne\t\(list(a.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }))\n"
            if let limit = a.limit { out += "t\t\(list(["\(limit.seconds)", limit.message] + limit.help))\n" }
            if let limit = a.memoryLimit { out += "m\t\(list(["\(limit.bytes)", limit.message] + limit.help))\n" }
            out += "i\t\(list(a.inputs))\no\t\(list(a.outputs))\nc\t\(list(a.compiledFiles))\nd\t\(a.dependencies.map(String.init).joined(separator: "\u{1F}"))\n"
        }
        for (word, products) in [("program", plan.programs), ("test", plan.tests)] {
            for p in products { out += "\(word)\t\(field(p.name))\t\(field(p.package))\t\(field(p.path))\t\(p.action)\t\(list(p.runner))\n" }
        }
        if plan.compileDatabase != .arguments { out += "compiledb\t\(plan.compileDatabase.rawValue)\n" }
        if !plan.usesProfile { out += "noprofile\t\n" }
        return clean ? out : nil
    }

    /// Whether the plan a record holds makes test programs, found in its bytes without reading
    /// the plan.
    static func hasTests(_ bytes: [UInt8]) -> Bool { bytes.starts(with: "test\t".utf8) || ByteFields.find(Array("\ntest\t".utf8), in: bytes) != nil }

    /// The actions that read one of `changed`, and every action that depends on one of them,
    /// directly or not; by id, found in the record's bytes without reading the plan. Nil when
    /// the record is not one.
    static func actions(reaching changed: [String], in bytes: ArraySlice<UInt8>) -> Set<Int>? {
        let wanted = changed.map { Array($0.utf8) }
        var dependents: [[Int]] = []
        var seeds: [Int] = []
        for line in ByteFields.lines(bytes) {
            if ByteFields.equals(line.prefix(7), "action\t") {
                dependents.append([])
                continue
            }
            // An action's lists: a letter and a tab.
            guard line.count >= 2, line[line.startIndex + 1] == 0x09, let id = dependents.indices.last else { continue }
            switch line.first! {
            case UInt8(ascii: "i"):
                let inputs = ByteFields.pieces(line.dropFirst(2), separator: separator, limit: .max, keepEmpty: true)
                if inputs.contains(where: { input in wanted.contains { input.count == $0.count && input.elementsEqual($0) } }) { seeds.append(id) }
            case UInt8(ascii: "d"):
                for field in ByteFields.pieces(line.dropFirst(2), separator: separator, limit: .max, keepEmpty: false) {
                    guard let d = ByteFields.integer(field), d >= 0, Int(d) < id else { return nil }
                    dependents[Int(d)].append(id)
                }
            default:
                continue
            }
        }
        var out = Set<Int>()
        var stack = seeds
        while let id = stack.popLast() {
            guard out.insert(id).inserted else { continue }
            stack += dependents[id]
        }
        return out
    }

    /// The plan a record holds; with `only`, the part of it made of those actions (renumbered
    /// in order, their dependencies on the others dropped, as those are built), and the
    /// programs and tests those actions make.
    static func plan(from bytes: ArraySlice<UInt8>, only: Set<Int>? = nil) -> BuildPlan? {
        var plan: BuildPlan?
        var pending: BuildAction?
        var root = "", target = ""
        // Each action's id in the record, and its id in the plan made (absent when left out).
        var index = -1
        var renumbered: [Int: Int] = [:]
        var skipping = false
        func kept(_ id: Int) -> Int? { only == nil ? id : renumbered[id] }
        // An action may only follow actions already in the plan (a damaged record is no plan).
        func fits(_ action: BuildAction) -> Bool { action.dependencies.allSatisfy { $0 >= 0 && $0 < (plan?.actions.count ?? 0) } }
        for line in ByteFields.lines(bytes) {
            let tab = line.firstIndex(of: 0x09) ?? line.endIndex
            let word = line[..<tab]
            let rest = tab < line.endIndex ? line[(tab + 1)...] : line[line.endIndex...]
            if skipping && word.count == 1 { continue }
            if ByteFields.equals(word, "root") { root = ByteFields.string(rest); continue }
            if ByteFields.equals(word, "target") { target = ByteFields.string(rest); continue }
            if ByteFields.equals(word, "profile") {
                let f = ByteFields.fields(rest, count: 4)
                guard f.count == 4, let opt = ByteFields.integer(f[1]) else { return nil }
                plan = BuildPlan(root: root, profile: ProfileSettings(name: ByteFields.string(f[0]), optimization: Int(opt), debugInfo: ByteFields.equals(f[2], "1"),
                                                                      lto: f[3].isEmpty ? nil : ByteFields.string(f[3])), targetDirectory: target)
                continue
            }
            guard plan != nil else { return nil }
            if ByteFields.equals(word, "action") {
                if let a = pending { guard fits(a) else { return nil }; plan!.add(a); pending = nil }
                index += 1
                skipping = only.map { !$0.contains(index) } ?? false
                if skipping { continue }
                renumbered[index] = plan!.actions.count
                let f = ByteFields.fields(rest, count: 5)
                guard f.count == 5, let kind = BuildAction.Kind(rawValue: ByteFields.string(f[0])) else { return nil }
                pending = BuildAction(kind: kind, package: ByteFields.string(f[1]), description: ByteFields.string(f[2]), arguments: [],
                                      directory: ByteFields.string(f[3]), inputs: [], outputs: [], depfile: f[4].isEmpty ? nil : ByteFields.string(f[4]))
                continue
            }
            if ByteFields.equals(word, "program") || ByteFields.equals(word, "test") {
                if let a = pending { guard fits(a) else { return nil }; plan!.add(a); pending = nil }
                skipping = false
                guard var product = product(rest), product.action <= index else { return nil }
                guard let action = kept(product.action) else { continue }
                product.action = action
                if ByteFields.equals(word, "program") { plan!.programs.append(product) } else { plan!.tests.append(product) }
                continue
            }
            if ByteFields.equals(word, "noprofile") || ByteFields.equals(word, "compiledb") { skipping = false }
            if ByteFields.equals(word, "noprofile") {
                plan!.usesProfile = false
                continue
            }
            if ByteFields.equals(word, "compiledb") {
                guard let style = CompileCommands.Style(rawValue: ByteFields.string(rest)) else { return nil }
                plan!.compileDatabase = style
                continue
            }
            guard pending != nil, word.count == 1 else { return nil }
            switch word.first! {
            case UInt8(ascii: "a"): pending!.arguments = strings(rest)
            case UInt8(ascii: "l"): pending!.launcher = strings(rest)
            case UInt8(ascii: "e"):
                for pair in strings(rest) {
                    guard let eq = pair.firstIndex(of: "=") else { return nil }
                    pending!.environment[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
                }
            case UInt8(ascii: "t"):
                let f = strings(rest)
                guard f.count >= 2, let seconds = Double(f[0]) else { return nil }
                pending!.limit = BuildAction.TimeLimit(seconds: seconds, message: f[1], help: Array(f.dropFirst(2)))
            case UInt8(ascii: "m"):
                let f = strings(rest)
                guard f.count >= 2, let bytes = Int(f[0]) else { return nil }
                pending!.memoryLimit = BuildAction.MemoryLimit(bytes: bytes, message: f[1], help: Array(f.dropFirst(2)))
            case UInt8(ascii: "i"): pending!.inputs = strings(rest)
            case UInt8(ascii: "o"): pending!.outputs = strings(rest)
            case UInt8(ascii: "c"): pending!.compiledFiles = strings(rest)
            case UInt8(ascii: "d"):
                let ids = strings(rest).compactMap(Int.init)
                guard ids.allSatisfy({ $0 < index }) else { return nil }
                pending!.dependencies = ids.compactMap(kept)
            default: return nil
            }
        }
        if let a = pending { guard fits(a) else { return nil }; plan?.add(a) }
        guard let plan, plan.actions.allSatisfy({ !$0.arguments.isEmpty }) else { return nil }
        return plan
    }

    /// A `program` or `test` line's fields (after its word): the product, its action the
    /// record's id; nil when they are not one.
    private static func product(_ fields: ArraySlice<UInt8>) -> BuildPlan.Product? {
        let f = ByteFields.fields(fields, count: 5)
        guard f.count == 5, let action = ByteFields.integer(f[3]), action >= 0 else { return nil }
        return BuildPlan.Product(name: ByteFields.string(f[0]), package: ByteFields.string(f[1]), path: ByteFields.string(f[2]), action: Int(action), runner: strings(f[4]))
    }

    /// A list field's strings (none when it is empty).
    private static func strings(_ field: ArraySlice<UInt8>) -> [String] {
        field.isEmpty ? [] : ByteFields.pieces(field, separator: separator, limit: .max, keepEmpty: true).map(ByteFields.string)
    }

    /// The programs and test programs a record's plan makes, read from its last lines alone
    /// (they follow every action), each with its action's id in the record; nil when a line
    /// there is not one.
    static func products(in bytes: ArraySlice<UInt8>) -> (programs: [BuildPlan.Product], tests: [BuildPlan.Product])? {
        tail(of: bytes).map { ($0.programs, $0.tests) }
    }

    /// The record's last lines, after every action: its products (as `products`) and the
    /// lines that say how the plan is shown and exported, with where they start (the kept
    /// plan keeps a copy of them: `PlanCache`); nil when a product's line is not one.
    static func tail(of bytes: ArraySlice<UInt8>) -> (programs: [BuildPlan.Product], tests: [BuildPlan.Product], start: Int)? {
        var programs: [BuildPlan.Product] = [], tests: [BuildPlan.Product] = []
        var end = bytes.endIndex
        var first = bytes.endIndex
        while end > bytes.startIndex {
            let lineEnd = bytes[end - 1] == 0x0A ? end - 1 : end
            let start = bytes[..<lineEnd].lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
            let line = bytes[start..<lineEnd]
            end = start
            let tab = line.firstIndex(of: 0x09) ?? line.endIndex
            let word = line[..<tab]
            let isProgram = ByteFields.equals(word, "program")
            if isProgram || ByteFields.equals(word, "test") {
                guard tab < line.endIndex, let product = product(line[(tab + 1)...]) else { return nil }
                if isProgram { programs.append(product) } else { tests.append(product) }
            } else if !(ByteFields.equals(word, "compiledb") || ByteFields.equals(word, "noprofile")) {
                break
            }
            first = start
        }
        // Read from the last line up: in the record's order again.
        return (programs.reversed(), tests.reversed(), first)
    }
}

extension BuildPlan {
    /// A plan from the kept plan's record (what follows its `plan` line); nil when it is not one.
    public init?(record: [UInt8]) {
        guard let plan = PlanRecord.plan(from: record[...]) else { return nil }
        self = plan
    }

    /// The programs and test programs of the plan a kept plan's record holds, read from its
    /// last lines alone (`PlanRecord.products`); nil when a line there is not one.
    public static func products(record: [UInt8]) -> (programs: [Product], tests: [Product])? {
        PlanRecord.products(in: record[...])
    }
}
