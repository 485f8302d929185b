import BuildModel

/// Open, change and close documents; files changed on disk. Each change is applied to the
/// workspace holding the file: a source file is scanned and resolved again on its own, a
/// manifest change loads the workspace again (everything may depend on it).
extension LanguageServer {
    func didOpen(_ params: JSONValue) throws(ResponseError) {
        let item = try params.required("textDocument")
        let uri = try item.requiredString("uri")
        guard let path = DocumentURI.path(uri) else { return }
        let document = Document(uri: uri, path: path, version: try item.requiredInt("version"),
                                languageID: item["languageId"]?.stringValue ?? "", bytes: Array(try item.requiredString("text").utf8))
        documents[uri] = document
        openOrder.removeAll { $0 == uri }
        openOrder.append(uri)
        analyse(document)
    }

    /// Gives the workspace the document's new text, unless it is too large to analyse.
    private func analyse(_ document: Document) {
        documentsAnalysed += 1
        let path = document.path
        if document.text.bytes.count > Document.analysisLimit {
            let tenths = (document.text.bytes.count * 10) >> 20
            oversized[path] = Diagnostic(severity: .warning, code: DiagnosticCode.fileTooLarge.rawValue,
                message: "this file is \(tenths / 10).\(tenths % 10) MiB; the language server analyses files of up to \(Document.analysisLimit >> 20) MiB",
                file: path, range: .at(0), help: ["`ampu check` still checks it"])
            dirty.insert(path)
            return
        }
        if oversized.removeValue(forKey: path) != nil { dirty.insert(path) }
        fileSystem.setOverlay(path, document.text.bytes)
        if isManifest(path) { publishOwnDiagnostics(of: document) }
        fileChanged(path, bytes: document.text.bytes)
    }

    /// Applies the change to the document; gives it to its workspace unless another change or
    /// the close of the document was received after this one (`editsAtReceipt`): that one
    /// does it (a request between them is answered ContentModified, so none sees the document
    /// before its workspace does).
    func didChange(_ params: JSONValue, editsAtReceipt: Int) throws(ResponseError) {
        let uri = try params.documentURI()
        guard let document = documents[uri] else { throw .invalidParams("'\(uri)' is not open") }
        let version = try params.required("textDocument").requiredInt("version")
        guard let list = params["contentChanges"]?.arrayValue else { throw .invalidParams("missing 'contentChanges'") }
        var changes: [Document.Change] = []
        for change in list {
            let text = try change.requiredString("text")
            if let range = change["range"], !range.isNull {
                changes.append(Document.Change(range: try range.lineRange(), text: text))
            } else {
                changes.append(Document.Change(range: nil, text: text))
            }
        }
        let next = document.applying(changes, version: version, encoding: converter.encoding)
        documents[uri] = next
        if inbox.editedSince(uri, editsAtReceipt) {
            unanalysed.insert(uri)
            return
        }
        unanalysed.remove(uri)
        analyse(next)
    }

    /// Analyses each document whose change was held back for one that did not come.
    func analyseHeldBack() {
        for uri in unanalysed.sorted() { if let document = documents[uri] { analyse(document) } }
        unanalysed = []
    }

    func didClose(_ params: JSONValue) throws(ResponseError) {
        let uri = try params.documentURI()
        // Its workspace has the text of an earlier change: the last one first, so that what the
        // close compares with the disk is what the workspace has.
        if unanalysed.remove(uri) != nil, let document = documents[uri] { analyse(document) }
        guard let document = documents.removeValue(forKey: uri) else { return }
        openOrder.removeAll { $0 == uri }
        if oversized.removeValue(forKey: document.path) != nil { dirty.insert(document.path) }
        fileSystem.setOverlay(document.path, nil)
        // The buffer may have been closed without saving: the disk is the truth again.
        if let bytes = try? fileSystem.readFile(document.path), bytes != document.text.bytes {
            fileChanged(document.path, bytes: bytes)
        }
    }

    func didChangeWatchedFiles(_ params: JSONValue) {
        var reload: Set<Int> = []
        for change in params["changes"]?.arrayValue ?? [] {
            guard let uri = change["uri"]?.stringValue, let path = DocumentURI.path(uri) else { continue }
            if documents[uri] != nil { continue }  // the open buffer wins over the disk
            let type = change["type"]?.intValue ?? 2  // 1 created, 2 changed, 3 deleted
            // The workspaces it may be part of: by its place too (a file added where a member or
            // a path dependency of the workspace reads its sources, or in any directory its load
            // listed: a dependency without a build file is read by listing its directory; a
            // manifest above its root, which may make it a workspace's member or not: M024).
            let aboveRoots = isManifest(path) ? Paths.parent(path) : nil
            for (i, w) in workspaces.enumerated() where w.owns(path) || Paths.isWithin(path, w.root)
                || w.snapshot.packages.packages.contains(where: { Paths.isWithin(path, $0.directory) })
                || (type != 2 && w.snapshot.directories?.wasListed(Paths.parent(path)) == true)
                || aboveRoots.map({ Paths.isWithin(w.root, $0) }) == true {
                // Added or taken away (a C file a source pattern may match), or a manifest: the
                // workspace again. Changed: a module of its own language is that file again; what
                // another file says is no part of it (an .elm file in an Asthra workspace). A
                // source that is no module: the workspace again, which reads it if a load does
                // (its creation was not seen) and not if it does not (outside the sources).
                if type != 2 || w.isManifest(path) || w.isLockFile(path) {
                    reload.insert(i)
                } else if w.snapshot.ecosystem.isSourceFile(path) && w.snapshot.modules[path] == nil {
                    reload.insert(i)
                } else if w.snapshot.ecosystem.isSourceFile(path), let bytes = try? fileSystem.readFile(path) {
                    dirty.formUnion(workspaces[i].update(file: path, bytes: bytes))
                }
            }
        }
        for i in reload.sorted() { reloadWorkspace(i) }
        dropAbandoned()
    }

    /// Workspaces whose root manifest is gone (deleted on disk, its buffer not open) are
    /// dropped, their files' diagnostics with them, and the open documents no workspace holds
    /// then are given to one, as opening them would. (A folder without a workspace gets one
    /// when a manifest appears there: `dropRedundant`, after every notification.) So the
    /// workspaces are those a fresh server given the same folders and documents would have.
    func dropAbandoned() {
        var held: [Document] = []
        for i in workspaces.indices.reversed() where !fileSystem.exists(workspaces[i].snapshot.rootManifest.path) {
            held += openDocuments(heldBy: i)
            dropWorkspace(at: i)
        }
        let homeless = documents.values.filter { d in !workspaces.contains { $0.owns(d.path) } }
        rehome(inOpenOrder(held + homeless))
    }

    /// Workspaces opened for a document (not for a folder) that a fresh server, given the same
    /// folders and the open documents in the order they were opened, would not have are dropped,
    /// with their files' diagnostics, and the workspaces it would have and this one does not
    /// are opened. A fresh server opens a workspace for a document only when none it has holds
    /// the document: so one stays when it is the one opening gives an open document that none
    /// before holds (`freshWorkspaces`). Without this, a workspace opened while a
    /// document had no other home (a package nothing imported for a moment, an unopened file
    /// read half-written) stayed once another held the document again, and its view of the
    /// document's package (as a root, with its own rules) was shown beside the other's; one
    /// whose documents were all closed stayed with the diagnostics of files no one had open.
    func dropRedundant() {
        // A workspace opened here for a document may hold a later one, whose workspace then
        // goes: again until nothing changes, at most once per document.
        for _ in 0...documents.count {
            let (kept, unopened, unopenedFolders, _) = freshWorkspaces()
            let dropped = kept.count < workspaces.count
            var held: [Document] = []
            for i in workspaces.indices.reversed() where !kept.contains(i) {
                held += openDocuments(heldBy: i)
                dropWorkspace(at: i)
            }
            // A document only a dropped workspace held, or one whose own workspace is not there
            // (another held it when it was opened), goes where a fresh server puts it.
            let count = workspaces.count
            for folder in unopenedFolders { openWorkspace(from: folder) }
            rehome(inOpenOrder(held + unopened))
            if !dropped && workspaces.count == count { return }
        }
    }

    /// Loads again each workspace holding a source it was given (`WorkspaceState.given`: one
    /// its load did not read) whose document is closed now: a fresh server, without the
    /// document, has what a load reads. Without this, a closed buffer that was never saved, or
    /// a file outside the package's sources, kept its diagnostics.
    func dropUngiven() {
        guard workspaces.contains(where: { !$0.given.isEmpty }) else { return }
        let open = Set(documents.values.map(\.path))
        for i in workspaces.indices where !workspaces[i].given.isSubset(of: open) { reloadWorkspace(i) }
    }

    /// Drops a workspace; the files it had diagnostics for are published again (from another
    /// workspace, or empty).
    func dropWorkspace(at index: Int) {
        dirty.formUnion(workspaces[index].filesWithDiagnostics)
        workspaces.remove(at: index)
    }

    /// The workspaces a fresh server would have (of those there are) once it has been given the
    /// open documents: the folders', and for each document in turn that none of those holds,
    /// the one opened for it. `unopened`: the documents whose workspace a fresh server opens
    /// and this one does not have, or has without the document. `before` (when `recording`): for each document, those it has
    /// before the document is opened.
    private func freshWorkspaces(recording: Bool = false) -> (kept: Set<Int>, unopened: [Document], unopenedFolders: [String], before: [String: Set<Int>]) {
        var kept = Set<Int>()
        var unopenedFolders: [String] = []
        for folder in folders {
            switch opened(from: folder, besides: kept) {
            case .some(.some(let i)): kept.insert(i)
            case .some(.none): unopenedFolders.append(folder)
            case .none: break
            }
        }
        var unopened: [Document] = []
        var before: [String: Set<Int>] = [:]
        for uri in openOrder {
            guard let document = documents[uri] else { continue }
            if recording { before[uri] = kept }
            if kept.contains(where: { workspaces[$0].owns(document.path) }) { continue }
            switch opened(from: Paths.parent(document.path), besides: kept) {
            case .some(.some(let i)):
                kept.insert(i)
                // Given to it by a fresh server, though it holds no such file (a workspace
                // that held the document went with its folder).
                if !workspaces[i].owns(document.path) { unopened.append(document) }
            case .some(.none): unopened.append(document)
            case .none: break
            }
        }
        return (kept, unopened, unopenedFolders, before)
    }

    /// The workspace (of those there are) that `openWorkspace(from: directory)` gives (a folder,
    /// or the directory of a document that none of `kept` holds) when `kept` are all there is:
    /// the one whose root a load from the directory finds (`.some(nil)` when there is none with
    /// that root; nil when no manifest is found). For a document, not the deepest that holds
    /// it: one opened for another document (a package that depends on this one, a directory
    /// above) holds it too, and a fresh server, without that document, does not have it. For a
    /// folder, not only one opened from it: one opened earlier for a document there is the
    /// folder's. Without a look at the disk when a workspace was loaded from that directory
    /// (kept current by `didChangeWatchedFiles`), or a kept one is rooted there.
    private func opened(from directory: String, besides kept: Set<Int>) -> Int?? {
        if let i = workspaces.indices.first(where: { workspaces[$0].start == directory || (kept.contains($0) && workspaces[$0].root == directory) }) { return i }
        guard let root = registry.workspaceRoot(from: directory, fileSystem: fileSystem, manifests: manifests) else { return nil }
        return .some(workspaces.indices.first { workspaces[$0].root == root })
    }

    func isManifest(_ path: String) -> Bool {
        registry.ecosystem(forManifest: path) != nil
    }

    /// Applies new text of `path` to the workspace holding it (of `among`, when given), loading
    /// one when none does.
    func fileChanged(_ path: String, bytes: [UInt8], among: Set<Int>? = nil) {
        let isManifest = isManifest(path)
        var holders = workspaces.indices.filter { among?.contains($0) ?? true }.filter { workspaces[$0].owns(path) }
        if holders.isEmpty, let i = openWorkspace(from: Paths.parent(path)) {
            holders = [i]
            if !isManifest && workspaces[i].snapshot.modules[path]?.source.bytes == bytes { return }
        }
        if isManifest {
            // A manifest says whether the packages below it are its workspace's members (M024):
            // the workspaces of those loaded on their own load again too.
            let directory = Paths.parent(path)
            holders += workspaces.indices.filter { !holders.contains($0) && workspaces[$0].root != directory && Paths.isWithin(workspaces[$0].root, directory) }
        }
        for i in holders {
            if isManifest {
                if workspaces[i].snapshot.sources[path]?.bytes != bytes { reloadWorkspace(i) }
            } else if workspaces[i].snapshot.ecosystem.isSourceFile(path) {
                if workspaces[i].snapshot.modules[path]?.source.bytes != bytes {
                    let held = openDocuments(heldBy: i)
                    dirty.formUnion(workspaces[i].update(file: path, bytes: bytes))
                    rehome(held)
                }
            }
        }
    }

    /// The open documents workspace `index` holds, in the order they were opened.
    private func openDocuments(heldBy index: Int) -> [Document] {
        openOrder.compactMap { documents[$0] }.filter { workspaces[index].owns($0.path) }
    }

    /// Open documents in the order they were opened (`openOrder`), each once.
    private func inOpenOrder(_ list: [Document]) -> [Document] {
        var wanted: [String: Document] = [:]
        for document in list { wanted[document.uri] = document }
        return openOrder.compactMap { wanted[$0] }
    }

    /// Each of `held` (open documents a workspace held before it changed) that none of the
    /// workspaces a fresh server would have before it (`freshWorkspaces`: one opened for a later
    /// document does not count, though it may hold it) holds now as a module or a manifest
    /// (lying in a package's directory is not enough: a load reads only what the package's
    /// sources are) is given to one of those again, or to a workspace of its own, in the order
    /// they were opened, as opening them would: an open source no target lists, after its build
    /// file changed; a source whose manifest names no package any more, a module of no package
    /// that nothing imports now (the edited one too), a path dependency's manifest no longer
    /// depended on. What the server shows depends on the files and the open documents, not on
    /// the order they came in.
    private func rehome(_ held: [Document]) {
        // Taken once, and again only after a document was given (which may open a workspace):
        // each edit of a source looks here at every open document its workspace holds.
        var fresh: [String: Set<Int>]?
        // A document whose last change waits for a later one (`unanalysed`) is given to its
        // workspace with that one: its workspace has an older text until then.
        for document in held where document.text.bytes.count <= Document.analysisLimit && !unanalysed.contains(document.uri) && !rehoming.contains(document.uri) {
            if fresh == nil { fresh = freshWorkspaces(recording: true).before }
            let earlier = fresh![document.uri] ?? []
            if earlier.contains(where: { workspaces[$0].snapshot.modules[document.path] != nil || workspaces[$0].snapshot.manifest(at: document.path) != nil }) { continue }
            rehoming.insert(document.uri)
            defer { rehoming.remove(document.uri) }
            fileChanged(document.path, bytes: document.text.bytes, among: earlier)
            fresh = nil
        }
    }

    func reloadWorkspace(_ index: Int) {
        let held = openDocuments(heldBy: index)
        do throws(WorkspaceError) {
            dirty.formUnion(try workspaces[index].reload())
            resolveInBackground(index)
        } catch {
            Log.error("cannot load the workspace at '\(workspaces[index].root)' again: \(error)")
            return
        }
        rehome(held)
    }

    /// The workspace holding `path`: the one with the deepest root among those that own it.
    func workspace(holding path: String) -> WorkspaceState? {
        workspaces.filter { $0.owns(path) }.max { $0.root.utf8.count < $1.root.utf8.count }
    }
}
