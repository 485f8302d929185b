/// An Elm build plan written out: seed 001's JSON (its fields, in its order, two-space indents)
/// and the human summary `ampu elm check` prints.
extension ElmBuildPlan {
    public var json: String {
        var out = JSONText()
        func string(_ s: String) { out.string(s) }
        func strings(_ list: [String]) {
            out.raw("[")
            for (i, s) in list.enumerated() {
                if i > 0 { out.raw(", ") }
                string(s)
            }
            out.raw("]")
        }
        /// Objects of an array, each on its own lines.
        func objects<T>(_ list: [T], indent: String, _ body: (T) -> Void) {
            if list.isEmpty { out.raw("[]"); return }
            out.raw("[\n")
            for (i, item) in list.enumerated() {
                out.raw(indent + "  {")
                body(item)
                out.raw(i + 1 < list.count ? "},\n" : "}\n")
            }
            out.raw(indent + "]")
        }
        out.raw("{\n  \"root\": "); string(root)
        out.raw(",\n  \"srcDirs\": "); strings(sourceDirectories)
        out.raw(",\n  \"useCached\": \(useCached)")
        out.raw(",\n  \"roots\": "); strings(roots)
        out.raw(",\n  \"foreignModules\": ")
        objects(foreignModules, indent: "  ") { m in
            out.raw("\"name\": "); string(m.name); out.raw(", \"package\": "); string(m.package)
        }
        out.raw(",\n  \"packageBuildOrder\": ")
        objects(packageBuildOrder, indent: "  ") { p in
            out.raw("\"name\": "); string(p.name)
            out.raw(", \"version\": "); string("\(p.version)")
            out.raw(", \"path\": "); string(p.path)
            out.raw(", \"deps\": "); strings(p.deps)
        }
        out.raw(",\n  \"buildOrder\": ")
        objects(buildOrder, indent: "  ") { m in
            out.raw("\"name\": "); string(m.name)
            out.raw(", \"path\": "); string(m.path)
            out.raw(", \"deps\": "); strings(m.deps)
            out.raw(", \"hasMain\": \(m.hasMain), \"cached\": \(m.cached)")
        }
        out.raw(",\n  \"parallelBatches\": ")
        objects(parallelBatches, indent: "  ") { b in
            out.raw("\"level\": \(b.level), \"count\": \(b.modules.count), \"modules\": "); strings(b.modules)
        }
        out.raw(",\n  \"problems\": ")
        objects(problems, indent: "  ") { p in
            let d = p.diagnostic
            out.raw("\"module\": ")
            if let module = p.module { string(module) } else { out.raw("null") }
            out.raw(", \"code\": "); string(d.code ?? "")
            out.raw(", \"severity\": "); string(d.severity == .error ? "error" : "warning")
            out.raw(", \"file\": ")
            if let file = d.file { string(file) } else { out.raw("null") }
            out.raw(", \"range\": ")
            if let file = d.file, let source = sources[file] {
                let start = source.lines.position(of: d.range.lowerBound), end = source.lines.position(of: d.range.upperBound)
                out.raw("{\"start\": {\"line\": \(start.line + 1), \"column\": \(start.column + 1)}, \"end\": {\"line\": \(end.line + 1), \"column\": \(end.column + 1)}}")
            } else {
                out.raw("null")
            }
            out.raw(", \"message\": "); string(d.message)
            out.raw(", \"help\": "); strings(d.help)
        }
        out.raw(",\n  \"totalPackages\": \(packageBuildOrder.count)")
        out.raw(",\n  \"totalModules\": \(buildOrder.count)")
        out.raw(",\n  \"modulesToBuild\": \(modulesToBuild)")
        out.raw(",\n  \"parallelLevels\": \(parallelBatches.count)\n}\n")
        return out.text
    }

    /// What `ampu elm check` prints before it asks.
    public var summary: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var out = "---- Build Plan " + String(repeating: "-", count: 50) + "\n\n"
        out += "Build plan for: " + entries.map { "`\(Paths.display($0, from: root))`" }.joined(separator: ", ") + "\n\n"
        if !problems.isEmpty {
            out += "  PROBLEMS DETECTED:\n"
            for p in problems {
                var place = ""
                if let file = p.diagnostic.file {
                    place = " (" + Paths.display(file, from: root)
                    if let source = sources[file] {
                        let at = source.lines.position(of: p.diagnostic.range.lowerBound)
                        place += ":\(at.line + 1):\(at.column + 1)"
                    }
                    place += ")"
                }
                let kind = p.diagnostic.severity == .error ? "" : "warning: "
                out += "    - \(p.module ?? "elm.json"): \(kind)\(p.diagnostic.message)\(place)\n"
                for help in p.diagnostic.help { out += "        help: \(help)\n" }
            }
            out += "\n"
        }
        let built = packageBuildOrder.filter(\.cached)
        let stale = packageBuildOrder.filter { !$0.cached }
        if !built.isEmpty { out += "  Include cached data for \(plural(built.count, "already built package")).\n\n" }
        if !stale.isEmpty {
            out += "  \(stale.count == 1 ? "Build 1 package that is" : "Build \(stale.count) packages that are") not built yet:\n"
            for p in stale { out += "      \(p.name) \(p.version)\n" }
            out += "\n"
        }
        let reused = buildOrder.count - modulesToBuild
        if reused > 0 { out += "  Reuse \(plural(reused, "module")) compiled before.\n\n" }
        if modulesToBuild > 0 {
            out += "  Build \(plural(modulesToBuild, "module")) from the source paths:\n"
            var counts: [(String, Int)] = []
            for m in buildOrder where !m.cached {
                if let i = counts.firstIndex(where: { $0.0 == m.sourceDirectory }) { counts[i].1 += 1 } else { counts.append((m.sourceDirectory, 1)) }
            }
            let width = counts.map(\.0.count).max() ?? 0
            let digits = counts.map { String($0.1).count }.max() ?? 0
            for (dir, n) in counts.sorted(by: { $0.0 < $1.0 }) {
                out += "     \(dir + String(repeating: " ", count: width - dir.count)) : \(String(repeating: " ", count: digits - String(n).count))\(plural(n, "module"))\n"
            }
            out += "\n"
        } else if !buildOrder.isEmpty {
            out += "  Nothing to build: every module is up to date.\n\n"
        }
        if hasErrors { out += "Cannot proceed with build due to problems above.\n" }
        return out
    }
}
