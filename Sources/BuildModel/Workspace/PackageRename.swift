/// Renaming a package of the workspace, from its `[package] name` (Rask: `package "name"`), from
/// a dependency key that leads to it, or from where an import names it (`mathlib` in
/// `import "mathlib/vector"`, `util` in Rask's `import util.parse`). In one edit: the package's
/// name; each dependency on it whose key is that name (a key of another spelling is the
/// dependent's own name for it, and stays); each import of it by that key, its first name
/// spelt anew and the rest as it is; and the lock file's record of it (`lockEdit`). Its
/// directory stays, as Cargo's package names are not their directories'; so do its modules'
/// `package` declarations, which no rule ties to its name.
/// Only a package inside the workspace's directory (a member, or a path dependency there), and
/// only while every package that imports it by that name is a member, whose every import is
/// known: not a fetched package, nor one of the standard library.
public enum PackageRename {
    public struct Target: Hashable, Sendable {
        /// The name as written where it was asked for (no quotes), where it is written.
        public var name: Located<String>
        /// The manifest of the package renamed.
        public var manifest: String
    }

    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case invalidName(String, reason: String)
        /// The name is another package's of the workspace, or a dependency's of a manifest that
        /// depends on this one.
        case taken(String, by: String)
        /// A package that depends on it by its name is not a member: not all its imports are known.
        case dependentNotMember(String)

        public var description: String {
            switch self {
            case .invalidName(let name, let reason): "'\(name)' cannot be the package's name: \(reason)"
            case .taken(let name, let by): "'\(name)' is taken: \(by)"
            case .dependentNotMember(let manifest):
                "'\(manifest)' depends on the package by its name, and is not a member of the workspace, so its imports are not all known here: make it a member first"
            }
        }
    }

    /// The package of the workspace named at `offset` of `path` (one of the workspace's
    /// manifests, or a member's module).
    public static func target(at offset: Int, in path: String, snapshot: WorkspaceSnapshot) -> Target? {
        let renameable = Renameable(snapshot)
        if let manifest = snapshot.manifest(at: path) {
            if let name = manifest.package?.name, name.range.touches(offset), renameable.contains(manifest) {
                return unquoted(name, in: manifest.source).map { Target(name: $0, manifest: manifest.path) }
            }
            guard let dep = manifest.dependencies.first(where: { $0.name.range.touches(offset) }),
                  let package = renameable.package(dep, of: manifest), let name = unquoted(dep.name, in: manifest.source)
            else { return nil }
            return Target(name: name, manifest: package.path)
        }
        guard let module = snapshot.modules[path], let owner = module.memberManifest.flatMap(snapshot.manifest(at:)),
              let resolved = module.imports.first(where: { $0.statement.pathRange.touches(offset) }),
              let reference = resolved.outcome.package, let directory = reference.directory,
              let package = renameable.byDirectory[Paths.normalize(directory)],
              let key = keyRange(resolved.statement, key: reference.name, in: module.source),
              key.touches(offset), renameable.dependencies(of: owner, on: package).contains(where: { $0.name.value == reference.name })
        else { return nil }
        return Target(name: Located(reference.name, range: key), manifest: package.path)
    }

    /// The edits that give the package `newName`, in the files where they are made (the lock
    /// file read through `fileSystem`: `lockEdit`).
    public static func rename(_ target: Target, to newName: String, in snapshot: WorkspaceSnapshot, fileSystem: any FileSystem) throws(Problem) -> [TextEdit] {
        guard let package = snapshot.manifest(at: target.manifest), let name = package.package?.name else { return [] }
        let old = name.value
        let renameable = Renameable(snapshot)
        try check(newName, for: package, in: renameable)
        if newName == old { return [] }
        let syntax = snapshot.ecosystem.manifestSyntax
        var edits = [TextEdit(file: package.path, range: name.range, newText: syntax.renderString(newName))]
        let modules = Dictionary(grouping: snapshot.memberModules) { $0.memberManifest ?? "" }
        for manifest in snapshot.packages.packages {
            let keys = renameable.dependencies(of: manifest, on: package).filter { $0.name.value == old }
            guard !keys.isEmpty else { continue }
            guard renameable.members.contains(manifest.path) else {
                throw .dependentNotMember(Paths.relative(manifest.path, from: snapshot.root))
            }
            for dep in keys {
                let quoted = manifest.source.bytes[dep.name.range.lowerBound] == 0x22
                edits.append(TextEdit(file: manifest.path, range: dep.name.range, newText: quoted ? syntax.renderString(newName) : syntax.renderKey(newName)))
            }
            // The imports of its modules that name the package by that key.
            for module in modules[manifest.path] ?? [] {
                for statement in module.imports.map(\.statement) + module.repeatedImports {
                    guard let range = keyRange(statement, key: old, in: module.source) else { continue }
                    edits.append(TextEdit(file: module.path, range: range, newText: newName))
                }
            }
        }
        if let lock = try lockEdit(renaming: old, to: newName, package: package, snapshot: snapshot, fileSystem: fileSystem) { edits.append(lock) }
        return edits
    }

    /// The lock file with the package under its new name, when the lock records it (a path
    /// package of a workspace that locks git or registry packages too): its entry, and each
    /// `dependencies` list that names it, as `ampu update` writes the lock after the rename, so
    /// that a build with `--locked` still passes. Not where the lock sums a path package's files
    /// (Rask's): the renamed manifest changes that sum, which the next build records, as it does
    /// after any edit of the package.
    static func lockEdit(renaming old: String, to newName: String, package: PackageManifest, snapshot: WorkspaceSnapshot,
                         fileSystem: any FileSystem) throws(Problem) -> TextEdit? {
        guard let format = snapshot.ecosystem.lockFormat, !format.checksumsPathPackages else { return nil }
        let path = Paths.join(snapshot.root, format.fileName)
        guard let bytes = try? fileSystem.readFile(path), let lock = try? LockFile.parse(SourceText(path: path, bytes: bytes), format: format),
              let entry = lock.package(named: old), entry.source.hasPrefix("path+"),
              Paths.normalize(Paths.join(snapshot.root, String(entry.source.dropFirst("path+".count)))) == package.directory else { return nil }
        if lock.packages.contains(where: { $0.name == newName }) {
            throw .taken(newName, by: "\(format.fileName) records another package of that name")
        }
        let renamed = LockFile(packages: lock.packages.map { p in
            var p = p
            if p.name == old && p.source == entry.source { p.name = newName }
            p.dependencies = p.dependencies.map { $0 == old ? newName : $0 }
            return p
        }, format: lock.format)
        return TextEdit.replacing(bytes, with: Array(renamed.rendered.utf8), file: path)
    }

    /// A name the package can take: no character an import or a key would read otherwise, the
    /// ecosystem's rule for a package's name (its manifest read again with it), and not one
    /// another package or dependency has.
    static func check(_ newName: String, for package: PackageManifest, in renameable: Renameable) throws(Problem) {
        let snapshot = renameable.snapshot
        if newName.isEmpty { throw .invalidName(newName, reason: "it is empty") }
        if let c = newName.unicodeScalars.first(where: { "/.\"'\\ ".unicodeScalars.contains($0) || $0.value < 0x20 || $0.value == 0x7F }) {
            throw .invalidName(newName, reason: "an import would not read '\(c == " " ? "a space" : String(c))' as part of a package's name")
        }
        guard let name = package.package?.name, newName != name.value else { return }
        var bytes = package.source.bytes
        bytes.replaceSubrange(name.range.lowerBound..<name.range.upperBound, with: Array(snapshot.ecosystem.manifestSyntax.renderString(newName).utf8))
        let reread = snapshot.ecosystem.readManifest(SourceText(path: package.path, bytes: bytes))
        if let refused = reread.diagnostics.first(where: { $0.code == DiagnosticCode.invalidPackageName.rawValue && $0.range.touches(name.range.lowerBound) }) {
            let message = refused.message
            let reason = message.firstRange(of: "': ").map { String(message[$0.upperBound...]) } ?? message
            throw .invalidName(newName, reason: reason)
        }
        if let other = snapshot.packages.packages.first(where: { $0.path != package.path && $0.package?.name?.value == newName }) {
            throw .taken(newName, by: "it is the package at '\(Paths.relative(other.directory, from: snapshot.root))'")
        }
        for manifest in snapshot.packages.packages where !renameable.dependencies(of: manifest, on: package).isEmpty {
            if manifest.dependencies.contains(where: { $0.name.value == newName }) {
                throw .taken(newName, by: "'\(Paths.relative(manifest.path, from: snapshot.root))' has a dependency of that name")
            }
        }
    }

    /// The packages that can be renamed, by directory: those of the workspace (members and path
    /// dependencies) inside its directory. Made once for each question, so that a workspace of
    /// thousands of packages is not looked through for each dependency.
    struct Renameable {
        let snapshot: WorkspaceSnapshot
        let byDirectory: [String: PackageManifest]
        let members: Set<String>

        init(_ snapshot: WorkspaceSnapshot) {
            self.snapshot = snapshot
            byDirectory = Dictionary(snapshot.packages.packages.filter { $0.package != nil && Paths.isWithin($0.directory, snapshot.root) }
                                        .map { ($0.directory, $0) }) { first, _ in first }
            members = Set(snapshot.members.map(\.path))
        }

        func contains(_ manifest: PackageManifest) -> Bool { byDirectory[manifest.directory]?.path == manifest.path }

        /// The package a dependency leads to, when it is one of these.
        func package(_ dep: DependencySpec, of manifest: PackageManifest) -> PackageManifest? {
            guard dep.path != nil, let directory = snapshot.resolver.directory(of: dep, declaredIn: manifest) else { return nil }
            return byDirectory[Paths.normalize(directory)]
        }

        /// The dependencies of `manifest` that lead to `package`.
        func dependencies(of manifest: PackageManifest, on package: PackageManifest) -> [DependencySpec] {
            manifest.dependencies.filter { self.package($0, of: manifest)?.path == package.path }
        }
    }

    /// Where an import writes `key` as its first name (`mathlib` in `mathlib/vector`, `util` in
    /// `util.parse`), when its path is written as it reads (no escapes).
    static func keyRange(_ statement: ImportStatement, key: String, in source: SourceText) -> SourceRange? {
        let range = statement.pathRange
        let path = statement.path
        guard path.hasPrefix(key), range.upperBound <= source.bytes.count,
              source.bytes[range.lowerBound..<range.upperBound].elementsEqual(path.utf8) else { return nil }
        let rest = path.utf8.dropFirst(key.utf8.count)
        guard rest.first.map({ $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") }) ?? true else { return nil }
        return SourceRange(range.lowerBound, range.lowerBound + key.utf8.count)
    }

    /// A name's place without its quotes, when it is written without escapes.
    static func unquoted(_ name: Located<String>, in source: SourceText) -> Located<String>? {
        let bytes = source.bytes
        var range = name.range
        guard range.upperBound <= bytes.count else { return nil }
        if range.count >= 2, bytes[range.lowerBound] == 0x22, bytes[range.upperBound - 1] == 0x22 {
            range = SourceRange(range.lowerBound + 1, range.upperBound - 1)
        }
        guard bytes[range.lowerBound..<range.upperBound].elementsEqual(name.value.utf8) else { return nil }
        return Located(name.value, range: range)
    }
}
