/// What completion offers inside `import "…"`: the entries of the directory the typed path is
/// in (standard library, internal packages, a dependency, or a local directory), the declared
/// dependencies, and the import forms. Internal packages only where the access rules allow them.
extension AsthraImportResolver {
    func candidates(forPrefix prefix: String, inFile file: String, origin: ModuleOrigin) -> [ImportCandidate] {
        let allowed: (ImportCategory) -> Bool = { AsthraAccessPolicy.violation(from: origin.kind, to: $0) == nil }
        guard let slash = prefix.lastIndex(of: "/") else { return topLevel(inFile: file, origin: origin, allowed: allowed) }
        let directory = String(prefix[..<slash])
        if directory == "." || directory == ".." || directory.hasPrefix("./") || directory.hasPrefix("../") {
            let dir = Paths.join(Paths.parent(file), directory)
            guard Paths.isWithin(dir, origin.boundary) || dir == origin.boundary else { return [] }
            return entries(of: dir, as: directory, category: .local, excluding: file)
        }
        // `stdlib/io/` → the stdlib root's `io` directory (`rest` is what follows the prefix).
        if let (category, rest) = AsthraImportPath.classify(directory + "/"), category == .stdlib || category == .internal {
            guard allowed(category) else { return [] }
            var out: [ImportCandidate] = []
            if let root = category == .stdlib ? roots.stdlib : roots.internal {
                out = entries(of: rest.isEmpty ? root : Paths.join(root, rest), as: directory, category: category)
            }
            // The namespaces the compiler provides itself, whether or not a directory has them.
            if category == .stdlib && rest.isEmpty {
                for name in AsthraImportPath.builtinNamespaces where !out.contains(where: { $0.path == directory + "/" + name }) {
                    out.append(ImportCandidate(path: directory + "/" + name, kind: .module, category: .builtin, detail: "built into the compiler"))
                }
                out.sort { $0.path < $1.path }
            }
            return out
        }
        guard allowed(.thirdParty), let manifest = packageManifest(in: origin.boundary) ?? origin.manifestPath.flatMap({ packageManifest(in: Paths.parent($0)) }) else { return [] }
        if let (dep, prefix) = declaredDependency(matching: directory, in: manifest), let packageDir = self.directory(of: dep, declaredIn: manifest) {
            let sub = String(directory.dropFirst(prefix.count).drop { $0 == "/" })
            let src = Paths.join(packageDir, "src")
            let base = cache.isDirectory(src) ? src : packageDir
            return entries(of: sub.isEmpty ? base : Paths.join(base, sub), as: directory, category: .thirdParty)
        }
        return []
    }

    /// Packages in the cache, laid out by import path: `<cache>/<domain>/<user>/<name>`.
    func availablePackages() -> [AvailablePackage] {
        guard let root = roots.cache else { return [] }
        var out: [AvailablePackage] = []
        for domain in cache.entries(of: root) ?? [] where AsthraImportPath.isDomain(Substring(domain)) {
            let d = Paths.join(root, domain)
            for user in cache.entries(of: d) ?? [] where cache.isDirectory(Paths.join(d, user)) {
                let u = Paths.join(d, user)
                for name in cache.entries(of: u) ?? [] where cache.isDirectory(Paths.join(u, name)) {
                    let dir = Paths.join(u, name)
                    let manifest = packageManifest(in: dir)
                    out.append(AvailablePackage(name: "\(domain)/\(user)/\(name)", version: manifest?.package?.version?.value,
                                                description: manifest?.package?.description?.value, directory: dir))
                }
            }
        }
        return out
    }

    private func topLevel(inFile file: String, origin: ModuleOrigin, allowed: (ImportCategory) -> Bool) -> [ImportCandidate] {
        var out: [ImportCandidate] = []
        out.append(ImportCandidate(path: "std/", kind: .prefix, category: .stdlib, detail: "the standard library (std/math, std/str, std/io, std/os are built into the compiler)"))
        if roots.stdlib != nil { out.append(ImportCandidate(path: "stdlib/", kind: .prefix, category: .stdlib, detail: "the standard library")) }
        if roots.internal != nil && allowed(.internal) {
            out.append(ImportCandidate(path: "internal/", kind: .prefix, category: .internal, detail: "internal packages of the standard library"))
        }
        out.append(ImportCandidate(path: "system/", kind: .prefix, category: .system, detail: "system interfaces"))
        out.append(ImportCandidate(path: "./", kind: .prefix, category: .local, detail: "a module of this package"))
        if allowed(.thirdParty), let manifest = origin.manifestPath.flatMap({ packageManifest(in: Paths.parent($0)) }) {
            for dep in manifest.dependencies.sorted(by: { $0.name.value < $1.name.value }) {
                if dep.scope == .dev && !Self.isTestFile(file, packageRoot: manifest.directory) { continue }
                out.append(ImportCandidate(path: Self.importPaths(of: dep).last!, kind: .package, category: .thirdParty, detail: dep.sourceSummary))
            }
        }
        return out
    }

    private func entries(of directory: String, as prefix: String, category: ImportCategory, excluding: String? = nil) -> [ImportCandidate] {
        listing.candidates(in: directory, as: prefix, category: category, excluding: excluding)
    }
}
