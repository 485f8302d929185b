import BuildModel

/// `textDocument/prepareRename` and `textDocument/rename`: a module renamed by its name in an
/// import (`ModuleRename`), or a package of the workspace by its name, a dependency key or the
/// first name of an import (`PackageRename`). A module's answer edits every import that follows
/// it, then renames its file, in that order (the edits name the files where they are before the
/// rename), for a client that renames files as an edit tells it; a package's is edits of text
/// alone, for any client.
enum Rename {
    enum Target {
        case module(ModuleRename.Target)
        case package(PackageRename.Target)

        var name: Located<String> {
            switch self {
            case .module(let t): t.name
            case .package(let t): t.name
            }
        }
    }

    static func prepare(_ q: FeatureQuery) throws(ResponseError) -> JSONValue {
        guard let target = try target(q, at: try q.requireOffset()) else { return .null }
        return ["range": q.lspRange(target.name.range), "placeholder": .string(target.name.value)]
    }

    /// - Parameter version: the version of a document the client has open.
    static func answer(_ q: FeatureQuery, version: (String) -> Int?) throws(ResponseError) -> JSONValue {
        guard let newName = q.params["newName"]?.stringValue else { throw .invalidParams("missing 'newName'") }
        guard let snapshot = q.snapshot, let target = try target(q, at: try q.requireOffset()) else {
            throw ResponseError(.requestFailed, "nothing to rename here: a module is renamed by its name in an import, a package by its name")
        }
        let text = { (file: String) in file == q.path ? q.text : q.textOf(file) }
        switch target {
        case .module(let module):
            let move: (old: String, new: String), edits: [TextEdit]
            do {
                (move, edits) = try ModuleRename.rename(module, to: newName, in: snapshot, others: q.others, fileSystem: q.fileSystem)
            } catch {
                throw ResponseError(.requestFailed, "\(error)")
            }
            var changes = WorkspaceEdits.documentChanges(edits, converter: q.converter, text: text, version: version)
            if move.old != move.new {
                changes.append(["kind": "rename", "oldUri": .string(DocumentURI.uri(move.old)), "newUri": .string(DocumentURI.uri(move.new))])
            }
            return ["documentChanges": .array(changes)]
        case .package(let package):
            let edits: [TextEdit]
            do {
                edits = try PackageRename.rename(package, to: newName, in: snapshot, fileSystem: q.fileSystem)
            } catch {
                throw ResponseError(.requestFailed, "\(error)")
            }
            if q.client.documentChanges {
                return ["documentChanges": .array(WorkspaceEdits.documentChanges(edits, converter: q.converter, text: text, version: version))]
            }
            return ["changes": WorkspaceEdits.changes(edits, defaultFile: q.path, converter: q.converter, text: text)]
        }
    }

    /// What is named at `offset`: the module whose name it is on, else the package, else the
    /// module of the import it is on. A module cannot be renamed for a client that does not
    /// rename files.
    private static func target(_ q: FeatureQuery, at offset: Int) throws(ResponseError) -> Target? {
        guard let snapshot = q.snapshot else { return nil }
        let module = q.isManifest ? nil : ModuleRename.target(at: offset, in: q.path, snapshot: snapshot)
        let found: Target?
        if let module, module.name.range.touches(offset) {
            found = .module(module)
        } else if let package = PackageRename.target(at: offset, in: q.path, snapshot: snapshot) {
            found = .package(package)
        } else {
            found = module.map(Target.module)
        }
        if case .module? = found, !q.client.renamesFiles {
            throw ResponseError(.requestFailed, "renaming a module renames its file, and this editor does not say it renames files (workspace.workspaceEdit.resourceOperations)")
        }
        return found
    }
}
