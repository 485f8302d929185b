/// build.abc into the shape every ecosystem reads into: the project as the package, its
/// targets (each with its source patterns and the targets it needs), the compiler it names,
/// `.aria_make/` as the build directory, and every problem of the file.
enum AriaManifestReader {
    static func read(_ source: SourceText) -> PackageManifest {
        var manifest = PackageManifest(path: source.path ?? "build.abc", source: source)
        let project = AriaProject.read(ABCDocument(parsing: source), environment: nil)
        var section = PackageSection(range: project.headerRange)
        section.name = project.name
        section.version = project.version.flatMap { v in Version(v.value).map { Located($0, range: v.range, keyRange: v.keyRange) } }
        section.targets = project.targets.map { t in
            TargetSpec(kind: t.kind == .library || t.kind == .cLibrary ? .lib : .bin, name: t.name, path: t.sources.first ?? t.name,
                       sources: t.sources, dependencies: t.dependencies)
        }
        manifest.package = section
        // Only the files a target's `sources` match are sources.
        manifest.sourcePatterns = GlobSet(project.targets.flatMap { $0.sources.map(\.value) }, respectsGitignore: project.respectsGitignore?.value == true)
        manifest.toolchain.compiler = project.compiler
        manifest.build.outputDirectory = Located(".aria_make", range: .at(0))
        manifest.diagnostics = project.diagnostics
        return manifest
    }

    /// What only the disk can say: a compiler path written in the file that is not here, a
    /// source pattern that matches nothing.
    static func check(_ manifest: PackageManifest, fileSystem: any FileSystem) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let compiler = manifest.toolchain.compiler, compiler.value.contains("/"), !fileSystem.isFile(Paths.join(manifest.directory, compiler.value)) {
            out.append(.warning("the compiler '\(compiler.value)' is not on this machine", .ariaCompilerMissing, at: compiler.range,
                                label: "no such file", notes: ["ampu builds with $ARIAC, else ariac on PATH, instead"],
                                help: ["remove it to use ariac from PATH, or write where ariac is on this machine"]))
        }
        let targets = manifest.package?.targets ?? []
        let ignoring = manifest.sourcePatterns?.respectsGitignore == true ? GitIgnore.load(in: manifest.directory, fileSystem: fileSystem) : nil
        let names = targets.map(\.name.value)
        let known = Set(names)
        // A value of the keyword form is written bare; of the others, in quotes.
        let bytes = manifest.source.bytes
        func written(_ text: String, at range: SourceRange) -> String {
            range.lowerBound < bytes.count && (bytes[range.lowerBound] == 0x22 || bytes[range.lowerBound] == 0x27) ? "\"\(text)\"" : text
        }
        for target in targets {
            for dep in target.dependencies where !known.contains(dep.value) && !AriaProjectDependency.exists(dep.value, besides: manifest.directory, fileSystem: fileSystem) {
                // Not the target itself, nor this project's own directory: neither can be its dependency.
                let siblings = AriaProjectDependency.siblings(of: manifest.directory, fileSystem: fileSystem).filter { $0 != Paths.lastComponent(manifest.directory) }
                let isPath = dep.value.contains("/")
                let guess = isPath ? Spelling.closest(to: dep.value, in: siblings.map { "../" + $0 })
                    : Spelling.closest(to: dep.value, in: names.filter { $0 != target.name.value } + siblings)
                out.append(.error(isPath ? "target '\(target.name.value)' depends on the project in '\(dep.value)', which is not a directory"
                                         : "target '\(target.name.value)' depends on '\(dep.value)', which is neither a target of this file nor a project beside it",
                                  .ariaUnknownTarget, at: dep.range, label: isPath ? "no such directory" : "no such target or project",
                                  help: (guess.map { ["did you mean '\($0)'?"] } ?? [])
                                      + [isPath ? "a dependency is another project's directory, relative to this file's" : "the targets here are: " + names.joined(separator: ", ")],
                                  fix: guess.map { Diagnostic.Fix(title: "Use '\($0)'", edits: [TextEdit(range: dep.range, newText: written($0, at: dep.range))]) }))
            }
            for pattern in target.sources where !pattern.value.contains("&{") {
                guard Glob(pattern.value).files(in: manifest.directory, fileSystem: fileSystem, ignoring: ignoring).isEmpty else { continue }
                let meant = Glob(pattern.value).correction(in: manifest.directory, fileSystem: fileSystem, ignoring: ignoring)
                out.append(.warning("'\(pattern.value)' matches no file", .ariaEmptyGlob, at: pattern.range, label: "no file matches",
                                    help: (meant.map { ["did you mean '\($0)'?"] } ?? []) + ["source patterns are relative to the directory of build.abc; correct it or remove it"],
                                    fix: meant.map { Diagnostic.Fix(title: "Use '\($0)'", edits: [TextEdit(range: pattern.range, newText: written($0, at: pattern.range))]) }))
            }
        }
        return out.map { $0.inFile(manifest.path) }
    }
}

/// A `deps` entry that names no target of the file names a project beside it: real projects
/// write `deps = ["nitpick-str"]` for the directory `../nitpick-str`, whose sources they reach
/// with `-I ../nitpick-str/src`; the keyword form writes the directory, `../nitpick-str`. ampu
/// does not build such a project first; it checks that it is there.
enum AriaProjectDependency {
    static func exists(_ name: String, besides directory: String, fileSystem: any FileSystem) -> Bool {
        self.directory(name, besides: directory, fileSystem: fileSystem) != nil
    }

    /// The project's directory: a path (`../math`) from this project's, a name beside it.
    static func directory(_ name: String, besides directory: String, fileSystem: any FileSystem) -> String? {
        guard !name.isEmpty else { return nil }
        let path = name.contains("/") ? Paths.join(directory, name) : Paths.join(Paths.parent(directory), name)
        return fileSystem.isDirectory(path) ? path : nil
    }

    /// The directories beside the project, for "did you mean".
    static func siblings(of directory: String, fileSystem: any FileSystem) -> [String] {
        ((try? fileSystem.directoryEntries(Paths.parent(directory))) ?? []).filter { $0.kind == .directory && !$0.name.hasPrefix(".") }.map(\.name)
    }
}
