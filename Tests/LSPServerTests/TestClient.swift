import Foundation
import BuildModel
import LSPServer
import Synchronization
import Testing

/// Collects what the server sends.
final class CollectingSink: MessageSink {
    private let messages = Mutex<[JSONValue]>([])
    func send(_ message: JSONValue) { messages.withLock { $0.append(message) } }
    func drain() -> [JSONValue] { messages.withLock { m in defer { m = [] }; return m } }
}

/// Drives a server in-process, one message at a time, as an editor would.
final class TestClient {
    let sink = CollectingSink()
    let inbox = Inbox()
    let server: LanguageServer
    /// Notifications and server requests received, in order.
    private(set) var received: [JSONValue] = []
    private var nextID: Int64 = 1
    private(set) var exitCode: Int32?
    /// The disk the server sees: a test writes to it, then says so as the editor's watcher would.
    let disk: InMemoryFileSystem

    init(files: [String: String], environment: [String: String] = TestWorkspace.environment) {
        disk = InMemoryFileSystem(currentDirectory: "/", files: files)
        server = LanguageServer(sink: sink, inbox: inbox, registry: .standard, fileSystem: disk, environment: environment)
    }

    /// Delivers a message as the reader thread would.
    func deliver(_ message: IncomingMessage) async -> [JSONValue] {
        if let envelope = inbox.receive(message) { exitCode = await server.handle(envelope) }
        let out = sink.drain()
        received += out.filter { $0["method"] != nil }
        return out
    }

    /// Delivers messages that arrive together: all are received before the server handles
    /// the first, as when the editor sends them faster than the server works.
    func burst(_ messages: [IncomingMessage]) async {
        let envelopes = messages.compactMap { inbox.receive($0) }
        for envelope in envelopes { exitCode = await server.handle(envelope) }
        received += sink.drain().filter { $0["method"] != nil }
    }

    /// A change of one line's characters `from..<to` to `text`, as a message.
    static func changeMessage(_ path: String, version: Int64, line: Int64, from: Int64, to: Int64, text: String) -> IncomingMessage {
        .notification(method: "textDocument/didChange", params: [
            "textDocument": ["uri": .string("file://" + path), "version": .int(version)],
            "contentChanges": [["range": ["start": ["line": .int(line), "character": .int(from)], "end": ["line": .int(line), "character": .int(to)]], "text": .string(text)]],
        ])
    }

    /// Sends a request and returns the whole response message.
    @discardableResult
    func request(_ method: String, _ params: JSONValue = .null) async -> JSONValue {
        let id = RequestID.number(nextID)
        nextID += 1
        let out = await deliver(.request(id: id, method: method, params: params))
        return out.first { $0["id"] == id.json && $0["method"] == nil } ?? .null
    }

    func notify(_ method: String, _ params: JSONValue = [:]) async {
        _ = await deliver(.notification(method: method, params: params))
    }

    /// `initialize` then `initialized`; the initialize result.
    @discardableResult
    func start(root: String = TestWorkspace.root, capabilities: JSONValue = TestWorkspace.neovimCapabilities) async -> JSONValue {
        let result = await request("initialize", ["processId": .null, "rootUri": .string("file://" + root), "capabilities": capabilities])
        await notify("initialized")
        return result
    }

    func open(_ path: String, _ text: String, version: Int64 = 1) async {
        await notify("textDocument/didOpen", ["textDocument": ["uri": .string("file://" + path), "languageId": "asthra", "version": .int(version), "text": .string(text)]])
    }

    func change(_ path: String, version: Int64, line: Int64, from: Int64, to: Int64, text: String) async {
        _ = await deliver(Self.changeMessage(path, version: version, line: line, from: from, to: to, text: text))
    }

    /// The whole text replaced (a change without a range).
    func change(_ path: String, version: Int64, text: String) async {
        await notify("textDocument/didChange", [
            "textDocument": ["uri": .string("file://" + path), "version": .int(version)],
            "contentChanges": [["text": .string(text)]],
        ])
    }

    func at(_ path: String, _ line: Int64, _ character: Int64) -> JSONValue {
        ["textDocument": ["uri": .string("file://" + path)], "position": ["line": .int(line), "character": .int(character)]]
    }

    /// The last diagnostics published for `path`, as sent.
    func published(_ path: String) -> JSONValue? {
        received.last { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == "file://" + path }?["params"]
    }

    func publications() -> [String] {
        received.filter { $0["method"] == "textDocument/publishDiagnostics" }.compactMap { $0["params"]?["uri"]?.stringValue }
    }

    func clearReceived() { received = [] }

    /// Waits, up to `seconds`, for what the server sends of its own accord (a background
    /// resolution's diagnostics) until `done` holds; whether it did. The wait is long because
    /// the server's tasks share the test process's concurrency pool (two threads on two cores)
    /// with every other test, and many of those block on subprocesses: in a whole run the
    /// server's next step can wait its turn for twenty seconds and more, though it takes 50 ms.
    func settle(seconds: Double = 180, until done: (TestClient) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while true {
            received += sink.drain().filter { $0["method"] != nil }
            if done(self) { return true }
            // Checked after what arrived is read: a wait that overran still sees it.
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}

/// JSON text to a value, for whole-message expectations.
func json(_ text: String) -> JSONValue {
    do { return try JSON.parse(text) } catch { Issue.record("bad JSON in test: \(error)"); return .null }
}

/// The workspace the tests edit: an app with a path dependency, a standard library with an
/// internal package, and one package in the cache.
enum TestWorkspace {
    static let root = "/ws"
    static let manifest = "/ws/asthra.toml"
    static let main = "/ws/src/main.asthra"
    static let manifestText = """
        [package]
        name = "app"
        version = "0.1.0"

        [dependencies]
        mathlib = { path = "mathlib" }

        [build]
        target = "native"

        """
    static let mainText = """
        package main;

        import "stdlib/io";
        import "internal/runtime";
        import "mathlib";

        """

    static var files: [String: String] {
        [
            manifest: manifestText,
            main: mainText,
            "/ws/src/util.asthra": "package main;\n",
            "/ws/mathlib/asthra.toml": "[package]\nname = \"mathlib\"\nversion = \"0.2.0\"\ndescription = \"Vectors and matrices.\"\n",
            "/ws/mathlib/src/lib.asthra": "package mathlib;\n",
            "/home/asthra/stdlib/io.asthra": "package stdlib::io;\n",
            "/home/asthra/stdlib/string.asthra": "package stdlib::string;\n",
            "/home/asthra/internal/runtime.asthra": "package internal::runtime;\n",
            "/home/user/.asthra/cache/github.com/acme/json/asthra.toml": "[package]\nname = \"github.com/acme/json\"\nversion = \"1.4.2\"\ndescription = \"JSON for Asthra.\"\n",
            "/home/user/.asthra/cache/github.com/acme/json/src/lib.asthra": "package json;\n",
        ]
    }

    static let environment = ["ASTHRA_HOME": "/home/asthra", "HOME": "/home/user"]

    static let neovimCapabilities: JSONValue = [
        "textDocument": [
            "hover": ["contentFormat": ["markdown", "plaintext"]],
            "completion": ["completionItem": ["documentationFormat": ["markdown", "plaintext"]]],
            "codeAction": ["codeActionLiteralSupport": ["codeActionKind": ["valueSet": ["quickfix"]]]],
            "documentSymbol": ["hierarchicalDocumentSymbolSupport": true],
            "publishDiagnostics": ["relatedInformation": true],
        ],
        // As Neovim 0.7 says it: it renames files an edit names, without saying `documentChanges`.
        "workspace": ["workspaceEdit": ["resourceOperations": ["rename", "create", "delete"]]],
    ]
}

/// A text with its cursor marked `$0` (as rust-analyzer's fixtures do): the text without the
/// mark, and the mark's LSP position (UTF-16 columns).
struct Marked {
    let text: String
    let line: Int64
    let character: Int64

    init(_ marked: String) {
        guard let mark = marked.range(of: "$0") else {
            Issue.record("no $0 cursor in the fixture")
            (text, line, character) = (marked, 0, 0)
            return
        }
        let before = marked[..<mark.lowerBound]
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        text = marked.replacingCharacters(in: mark, with: "")
        line = Int64(before.count { $0 == "\n" })
        character = Int64(before[lineStart...].utf16.count)
    }
}

extension TestClient {
    /// `textDocument` and `position` of a marked cursor.
    func at(_ path: String, _ marked: Marked) -> JSONValue {
        at(path, marked.line, marked.character)
    }
}
