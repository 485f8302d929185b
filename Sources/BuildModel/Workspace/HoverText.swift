/// What hover says about an import or a dependency, in Markdown: written once here so that the
/// language server only converts it (the CLI may print the same summaries).
extension WorkspaceSnapshot {
    /// `**third-party import** \`mathlib\``, the package it reaches, and what it resolves to (or
    /// why it does not).
    public func hoverText(for resolved: ResolvedImport, in module: Module) -> String {
        let statement = resolved.statement
        let outcome = resolved.outcome
        let kind = outcome.category.map { "\($0.rawValue) import" } ?? "import"
        var lines = ["**\(kind)** `\(statement.path)`"]
        if let alias = statement.alias { lines[0] += " as `\(alias.value)`" }
        if let package = outcome.package { lines.append(packageSummary(package)) }
        switch outcome.targets.count {
        case 0:
            if let problem = module.problem(of: resolved) { lines.append("Not resolved: \(problem.message)") }
            else if let file = outcome.package?.file { lines.append("Resolves to `\(Paths.display(file, from: root))`") }
            else if let note = outcome.category?.uncheckedNote { lines.append(note) }
        case 1: lines.append("Resolves to `\(Paths.display(outcome.targets[0], from: root))`")
        default:
            lines.append("Resolves to \(outcome.targets.count) files: " + outcome.targets.map { "`\(Paths.display($0, from: root))`" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n\n")
    }

    /// `Package **mathlib** 0.1.0 — Vectors.` and where it is declared.
    public func packageSummary(_ package: PackageReference) -> String {
        var text = "Package **\(package.name)**"
        if let dir = package.directory, let manifest = resolver.packageManifest(in: dir) {
            if let name = manifest.package?.name?.value, name != package.name { text = "Package **\(name)** (`\(package.name)`)" }
            if let v = manifest.package?.version?.value { text += " \(v)" }
            if let d = manifest.package?.description?.value, !d.isEmpty { text += " — \(d)" }
        }
        if let declaring = resolver.packageManifest(in: Paths.parent(package.declaredIn)),
           let dep = declaring.dependency(named: package.name) {
            text += "\n\nDeclared in `\(Paths.display(package.declaredIn, from: root))` \(ecosystem.manifestSyntax.sectionTitle(dep.section)): \(dep.sourceSummary)"
        }
        return text
    }

    /// `**dependency** \`mathlib\` [dependencies]`, its source, and the package when it is here.
    public func hoverText(for dependency: DependencySpec, declaredIn manifest: PackageManifest) -> String {
        var text = Self.dependencyHeading(dependency)
        if let locked = lock?.package(for: dependency) {
            text += "\n\nLocked at \(locked.version)" + (locked.commit.map { " (commit \($0.prefix(12)))" } ?? "") + ", from `\(locked.source)`"
        }
        if let dir = resolver.directory(of: dependency, declaredIn: manifest), let package = resolver.packageManifest(in: dir) {
            var about = "Package **\(package.displayName)**"
            if let v = package.package?.version?.value { about += " \(v)" }
            if let d = package.package?.description?.value, !d.isEmpty { about += " — \(d)" }
            text += "\n\n" + about + "\n\nAt `\(Paths.display(package.path, from: root))`"
        }
        return text
    }

    /// A dependency's first lines, for a manifest no workspace holds.
    public static func dependencyHeading(_ dependency: DependencySpec) -> String {
        "**dependency** `\(dependency.name.value)` [\(dependency.section)]\n\n\(dependency.sourceSummary)"
    }
}
