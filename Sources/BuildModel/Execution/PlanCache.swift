/// The plan of the last build, kept in `target/cache/plan-<profile>` with everything it was made
/// from: the manifests and lock file, every module with the imports it had, and every directory
/// listing the load read. While none of them changed, the next build takes the plan from here
/// and loads nothing: a no-op build stats the files Ninja would stat. A module whose bytes
/// changed but whose imports did not keeps the plan (its action's fingerprint sees the change);
/// a new or removed file, an edited manifest or a changed import makes a fresh plan.
public struct PlanCache: Sendable {
    public let file: String
    public let stats: StatCache

    public init(targetDirectory: String, profile: String, stats: StatCache) {
        file = Paths.join(targetDirectory, "cache", "plan-" + profile)
        self.stats = stats
    }

    static let header = "ampu-plan 1"

    /// What else the plan depends on: the tool itself, the workspace asked for, and the
    /// environment variables that decide where compilers and libraries are.
    public static func key(ecosystem: String, manifest: String, profile: String, environment: [String: String], tool: String) -> String {
        var hash = SHA256()
        let variables = ["PATH", "HOME", "CC", "ASTHRA", "ASTHRA_HOME", "ASTHRA_CACHE", "AMPU_REGISTRY", "ELM_HOME"]
        for part in [tool, ecosystem, manifest, profile] + variables.map({ "\($0)=\(environment[$0] ?? "\u{0}")" }) {
            hash.update(Array(part.utf8) + [0])
        }
        return SHA256.hex(digest: hash.finish())
    }

    /// The imports of a module as the plan depends on them: their paths in order, and whether
    /// the scan found malformed ones.
    static func importDigest(_ statements: [ImportStatement], problems: Int) -> String {
        var hash = SHA256()
        for s in statements { hash.update(Array(s.path.utf8) + [0]) }
        hash.update(Array("\(problems)".utf8))
        return String(SHA256.hex(digest: hash.finish()).prefix(32))
    }

    static func namesDigest(_ names: Set<String>?) -> String {
        guard let names else { return "-" }
        var hash = SHA256()
        for n in names.sorted() { hash.update(Array(n.utf8) + [0]) }
        return String(SHA256.hex(digest: hash.finish()).prefix(32))
    }

    /// Keeps `plan` (made from `snapshot`, without errors) for the next build.
    public func save(_ plan: BuildPlan, snapshot: WorkspaceSnapshot, key: String) {
        let fs = stats.fileSystem
        var text = Self.header + "\nkey\t" + key + "\n"
        var manifests = Set(snapshot.packages.packages.map(\.path) + [snapshot.rootManifest.path])
        if let lockName = snapshot.ecosystem.lockFileName { manifests.insert(Paths.join(snapshot.root, lockName)) }
        for path in manifests.sorted() {
            let s = fs.status(path)
            text += "f\t\(s?.size ?? -1)\t\(s?.modificationTime ?? -1)\t\(path)\n"
        }
        for path in snapshot.modulePaths {
            guard let module = snapshot.modules[path], let s = fs.status(path) else { continue }
            let problems = module.diagnostics.filter { $0.code == DiagnosticCode.malformedImport.rawValue }.count
            text += "m\t\(s.size)\t\(s.modificationTime)\t\(Self.importDigest(module.importStatements(limit: .max), problems: problems))\t\(path)\n"
        }
        for (directory, names) in (snapshot.directories?.listed ?? []).sorted(by: { $0.directory < $1.directory }) {
            text += "d\t\(Self.namesDigest(names))\t\(fs.status(directory)?.modificationTime ?? -1)\t\(directory)\n"
        }
        text += "plan\n"
        guard let json = try? JSON.serializeToString(plan.json) else { return }
        text += json + "\n"
        try? fs.createDirectory(Paths.parent(file))
        try? fs.writeFile(file, Array(text.utf8))
    }

    /// The kept plan, when everything it was made from is as it was; nil otherwise.
    public func load(key: String, ecosystem: any Ecosystem) -> BuildPlan? {
        let fs = stats.fileSystem
        guard let bytes = try? fs.readFile(file) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let planStart = text.firstRange(of: "\nplan\n") else { return nil }
        var lines = text[..<planStart.lowerBound].split(separator: "\n")[...]
        guard lines.popFirst() == Substring(Self.header), lines.popFirst() == Substring("key\t" + key) else { return nil }
        // Lines whose file changed in a way that keeps the plan, written again with the new times.
        var kept: [String] = [Self.header, "key\t" + key]
        var changed = false
        for line in lines {
            kept.append(String(line))
            let parts = line.split(separator: "\t", maxSplits: 4, omittingEmptySubsequences: false)
            switch parts.first {
            case "f" where parts.count == 4:
                let s = stats.status(String(parts[3]))
                guard "\(s?.size ?? -1)" == parts[1], "\(s?.modificationTime ?? -1)" == parts[2] else { return nil }
            case "m" where parts.count == 5:
                let path = String(parts[4])
                guard let s = stats.status(path) else { return nil }
                if "\(s.size)" == parts[1] && "\(s.modificationTime)" == parts[2] { continue }
                // Changed bytes: the plan stands while the imports are the same.
                guard let source = try? fs.readFile(path) else { return nil }
                let scan = ecosystem.scanSource(SourceText(path: path, bytes: source))
                let problems = scan.diagnostics.filter { $0.code == DiagnosticCode.malformedImport.rawValue }.count
                guard Self.importDigest(scan.imports, problems: problems) == parts[3] else { return nil }
                kept[kept.count - 1] = "m\t\(s.size)\t\(s.modificationTime)\t\(parts[3])\t\(path)"
                changed = true
            case "d" where parts.count == 4:
                let path = String(parts[3])
                let s = stats.status(path)
                if "\(s?.modificationTime ?? -1)" == parts[2] { continue }
                // A directory's time changes with every save through a temporary file: what
                // counts is whether the same names are there.
                let names = (try? fs.contentsOfDirectory(path)).map(Set.init)
                guard Self.namesDigest(names) == parts[1] else { return nil }
                kept[kept.count - 1] = "d\t\(parts[1])\t\(s?.modificationTime ?? -1)\t\(path)"
                changed = true
            default:
                return nil
            }
        }
        guard let json = try? JSON.parse(String(text[planStart.upperBound...])), let plan = BuildPlan(json: json) else { return nil }
        if changed { try? fs.writeFile(file, Array((kept.joined(separator: "\n") + "\nplan\n" + text[planStart.upperBound...]).utf8)) }
        return plan
    }
}
