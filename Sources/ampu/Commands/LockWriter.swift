import BuildModel

/// `--locked`, `--offline` and `--frozen`, as Cargo's commands take them: `update` and every
/// building command.
struct LockOptions: ParsableArguments {
    @Flag(name: .customLong("locked"), help: "Fail instead of writing the lock file when it is missing or would change.")
    var locked = false

    @Flag(name: .customLong("offline"), help: "Resolve and fetch from the package cache alone.")
    var offline = false

    @Flag(name: .customLong("frozen"), help: "Both --locked and --offline.")
    var frozen = false

    /// The flag that forbids writing the lock, as given; nil when it may be written.
    var forbidding: String? { frozen ? "--frozen" : locked ? "--locked" : nil }
    var cacheOnly: Bool { offline || frozen }
}

/// The lock file resolved and written, as `ampu update` writes it and as a build writes it when
/// the lock is missing or out of date: a progress line on a terminal, what the lock leaves out
/// at its manifest line, a line for each change, `--locked`'s refusal, and the write (atomic).
/// A failure is shown at the manifest line that asked for what failed, and ends the program.
struct LockWriter {
    let manifest: PackageManifest
    /// The workspace's members besides the root.
    let members: [PackageManifest]
    let ecosystem: any Ecosystem
    let lockPath: String
    /// `--locked` or `--frozen`, as given: the lock may not change.
    let forbidding: String?
    /// Only what the cache holds.
    let offline: Bool
    /// `-q`: no line for each change, nor the count; warnings and errors still.
    var quiet = false

    /// - Parameter otherwise: what `--locked`'s refusal tells to do instead.
    @discardableResult
    func write(previous: LockFile?, cache: GitCache, keep: Set<String>?, preference: PubGrubSolver.Preference = .highest,
               precise: (String, Version)? = nil, registry: String?, otherwise: String) -> LockFile {
        let outcome = solve(previous: previous, cache: cache, keep: keep, preference: preference, precise: precise, registry: registry)
        return record(outcome, previous: previous, otherwise: otherwise)
    }

    /// The lock solved, nothing written yet; a failure is shown and ends the program.
    /// - Parameters:
    ///   - edited: manifests as they are about to be written (`ampu add`): a failure is shown
    ///     on their text, not on the files as they still are.
    ///   - unchanged: what a failure adds to say that nothing was written.
    func solve(previous: LockFile?, cache: GitCache, keep: Set<String>?, preference: PubGrubSolver.Preference = .highest,
               precise: (String, Version)? = nil, registry: String?, edited: [String: SourceText] = [:], unchanged: [String] = []) -> LockUpdate.Outcome {
        // A repository named by a relative path is refused as `check` says it (M031, with the
        // absolute path as the fix), before git would read it from wherever ampu runs.
        var relative = ([manifest] + members).flatMap {
            LocalRepositoryCheck.diagnostics(of: $0, syntax: ecosystem.manifestSyntax, cache: cache, resolving: false)
        }
        if !relative.isEmpty {
            relative[relative.count - 1].help += unchanged
            Self.render(relative, known: edited)
            Terminal.exitNow(1)
        }
        let progress = ProgressLine()
        do {
            let outcome = try LockUpdate.resolve(manifest, members: members, ecosystem: ecosystem, cache: cache, previous: previous,
                                                 preference: preference, keep: keep, offline: offline, precise: precise, registry: registry,
                                                 progress: progress.report)
            progress.finish()
            return outcome
        } catch {
            progress.finish()
            failResolution(error, known: edited, help: unchanged)
        }
    }

    /// A solved lock: what it leaves out at its manifest line, a line for each change,
    /// `--locked`'s refusal, then the write (atomic, and only when it changed).
    @discardableResult
    func record(_ outcome: LockUpdate.Outcome, previous: LockFile?, otherwise: String, edited: [String: SourceText] = [:]) -> LockFile {
        let lockName = Paths.lastComponent(lockPath)
        let lock = outcome.lock
        // What the lock leaves out, at its line: "Locked 0 packages" must not pass for success.
        Self.render(outcome.warnings, known: edited)
        let changes = Self.changes(from: previous ?? LockFile(packages: [], format: lock.format), to: lock)
        if let flag = forbidding, previous == nil || lock.rendered != previous!.rendered {
            let why = !changes.isEmpty ? changes : previous == nil ? ["it would be written for the first time"]
                : ["it would be written again in the form this ampu writes, with the same packages"]
            ManifestTarget.fail("\(lockName) needs updating, and \(flag) forbids it", help: why + [otherwise])
        }
        if !quiet { for line in changes { Terminal.standardError.write(line + "\n") } }
        if let previous { for warning in Self.movedTags(from: previous, to: lock) { Terminal.standardError.write(warning) } }
        if previous?.rendered != lock.rendered {
            do { try LocalFileSystem().writeFile(lockPath, lock.rendered) } catch { ManifestTarget.fail("\(error)") }
        }
        if !quiet { Terminal.standardError.write("Locked \(lock.packages.count) package\(lock.packages.count == 1 ? "" : "s") in \(lockName)\n") }
        return lock
    }

    /// `Adding`, `Updating` and `Removing` lines, by name. A package that keeps its version but
    /// not what it is (another commit: a branch's new head, a moved tag; another source; other
    /// files) is updated too, with what changed.
    static func changes(from old: LockFile, to new: LockFile) -> [String] {
        var lines: [String] = []
        for p in new.packages {
            if let before = old.package(named: p.name) {
                if before.version != p.version {
                    lines.append("  Updating \(p.name) v\(before.version) -> v\(p.version)")
                } else if let what = Self.difference(before, p) {
                    lines.append("  Updating \(p.name) v\(p.version) (\(what))")
                }
            } else {
                lines.append("    Adding \(p.name) v\(p.version)")
            }
        }
        for p in old.packages where new.package(named: p.name) == nil { lines.append("  Removing \(p.name) v\(p.version)") }
        return lines
    }

    /// What changed of a package that kept its version, nil when nothing the lock records did.
    static func difference(_ before: LockFile.Package, _ after: LockFile.Package) -> String? {
        func short(_ commit: String?) -> String { commit.map { String($0.prefix(7)) } ?? "none" }
        var what: [String] = []
        if before.source != after.source { what.append("\(before.source) -> \(after.source)") }
        if before.commit != after.commit { what.append("commit \(short(before.commit)) -> \(short(after.commit))") }
        if before.commit == after.commit && before.source == after.source && before.checksum != after.checksum {
            what.append("checksum \(before.checksum ?? "none") -> \(after.checksum ?? "none")")
        }
        if Set(before.dependencies) != Set(after.dependencies) {
            what.append("needs \(after.dependencies.isEmpty ? "nothing" : after.dependencies.joined(separator: ", ")), not \(before.dependencies.isEmpty ? "nothing" : before.dependencies.joined(separator: ", "))")
        }
        return what.isEmpty ? nil : what.joined(separator: "; ")
    }

    /// A warning for each tag that names another commit than when it was locked: a tag is meant
    /// to stay where it was made, and one moved in its repository may bring code nobody chose.
    static func movedTags(from old: LockFile, to new: LockFile) -> [String] {
        new.packages.compactMap { p in
            guard let before = old.package(named: p.name), let tag = p.tag, before.tag == tag, before.source == p.source,
                  let was = before.commit, let now = p.commit, was != now else { return nil }
            return "warning: the tag \(tag) of \(p.name) names commit \(now.prefix(7)) now, not \(was.prefix(7)) as when it was locked: it was moved in its repository\n"
                + "  = help: see what changed between the two (`git diff \(was.prefix(7)) \(now.prefix(7))` in a clone of it) before you build it\n"
        }
    }

    /// Diagnostics on standard error with the lines they point at: the texts in `known`, the
    /// other files read.
    static func render(_ diagnostics: [Diagnostic], known: [String: SourceText] = [:]) {
        guard let first = diagnostics.first?.file else { return }
        let fileSystem = LocalFileSystem()
        var sources = known
        for file in Set(diagnostics.flatMap { [$0.file] + $0.related.map(\.file) }.compactMap { $0 }) where sources[file] == nil {
            sources[file] = try? fileSystem.readText(file)
        }
        let renderer = DiagnosticRenderer(format: .human, colors: Terminal.standardError.supportsColor, root: fileSystem.currentDirectory)
        Terminal.standardError.write(renderer.render(diagnostics, sources: sources, defaultFile: first))
    }

    /// A resolution error, at the manifest line that asked for what failed when there is one
    /// (the root's, or a member's).
    private func failResolution(_ error: ResolutionError, known: [String: SourceText], help: [String]) -> Never {
        guard var diagnostic = ResolutionCheck.diagnostic(for: error, in: manifest, members: members, fromCache: offline),
              let file = diagnostic.file, let text = known[file] ?? (try? LocalFileSystem().readText(file)) else { ManifestTarget.fail("\(error)", help: error.help + help) }
        diagnostic.help += help
        Self.render([diagnostic], known: [file: text])
        Terminal.exitNow(1)
    }
}
