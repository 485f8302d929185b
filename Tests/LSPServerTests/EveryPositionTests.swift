import BuildModel
import LSPServer
import Testing

/// Every position of every kind of document the server reads (an asthra.toml and a source, an
/// Oats.toml, a build.abc, a rask.build, an elm.json and an Elm module), with hover, completion,
/// definition and references asked at each one, the code actions of each line, the outline and
/// the links:
/// every answer is a result (never an error), and every range in it lies in its document, start
/// before end, a column never past its line's end (UTF-16).
@Suite("every position of every document")
struct EveryPositionTests {
    struct Document: Sendable, CustomTestStringConvertible {
        var files: [String: String]
        var environment: [String: String]
        var root: String
        var path: String
        var testDescription: String { path }
    }

    static let documents: [Document] = [
        Document(files: TestWorkspace.files, environment: TestWorkspace.environment, root: TestWorkspace.root, path: TestWorkspace.manifest),
        Document(files: TestWorkspace.files, environment: TestWorkspace.environment, root: TestWorkspace.root, path: TestWorkspace.main),
        Document(files: OatsWorkspace.files, environment: [:], root: OatsWorkspace.root, path: OatsWorkspace.manifest),
        Document(files: OatsWorkspace.files, environment: [:], root: OatsWorkspace.root, path: OatsWorkspace.main),
        Document(files: AriaWorkspace.files, environment: ["HOME": "/home/user"], root: AriaWorkspace.root, path: AriaWorkspace.manifest),
        Document(files: AriaWorkspace.files, environment: ["HOME": "/home/user"], root: AriaWorkspace.root, path: AriaWorkspace.main),
        Document(files: keywordForm, environment: ["HOME": "/home/user"], root: "/kw/tilemap", path: "/kw/tilemap/build.abc"),
        Document(files: RaskWorkspace.files, environment: [:], root: RaskWorkspace.root, path: RaskWorkspace.manifest),
        Document(files: ElmWorkspace.files, environment: ["ELM_HOME": "/elm-home", "HOME": "/home/user"], root: ElmWorkspace.root, path: ElmWorkspace.manifest),
        Document(files: ElmWorkspace.files, environment: ["ELM_HOME": "/elm-home", "HOME": "/home/user"], root: ElmWorkspace.root, path: ElmWorkspace.main),
    ]

    /// An Aria build.abc in the keyword form, with a problem in each section.
    static let keywordForm = [
        "/kw/tilemap/build.abc": "LIBRARY \"tilemap\"\n\nSOURCES:\n    src/tilemap.npk\n    src/gone.npk\n\nDEPENDENCIES:\n    ../math\n    ../mth (optinal)\n",
        "/kw/tilemap/src/tilemap.npk": "use \"../../math/src/math.npk\".*;\n\npub func:width = int32() { pass(16i32); };\n",
        "/kw/math/build.abc": "[project]\nname = \"math\"\n",
        "/kw/math/src/math.npk": "pub func:one = int32() { pass(1i32); };\n",
    ]

    /// Every `range` (and `targetRange`, `targetSelectionRange`) in a value, with the URI of the
    /// object that holds it when it names one.
    static func ranges(in value: JSONValue, uri: String?, into out: inout [(uri: String?, range: JSONValue)]) {
        switch value {
        case .object(let fields):
            let here = fields["uri"]?.stringValue ?? fields["targetUri"]?.stringValue ?? uri
            for (key, child) in fields {
                if ["range", "targetRange", "targetSelectionRange", "selectionRange"].contains(key), child["start"] != nil { out.append((here, child)) } else { ranges(in: child, uri: here, into: &out) }
            }
        case .array(let items):
            for item in items { ranges(in: item, uri: uri, into: &out) }
        default:
            break
        }
    }

    @Test("hover, completion, definition and references at each position, code actions on each line, the outline and the links: results with ranges inside the document", arguments: documents)
    func everywhere(document: Document) async throws {
        let client = TestClient(files: document.files, environment: document.environment)
        await client.start(root: document.root)
        let text = try #require(document.files[document.path])
        await client.open(document.path, text)
        // The document's lines, in UTF-16 units, as LSP counts them (\r\n, \n and \r end one).
        var lengths: [Int] = [0]
        var previousCR = false
        for unit in text.utf16 {
            if unit == 0x0A && previousCR { previousCR = false; continue }
            if unit == 0x0A || unit == 0x0D { lengths.append(0) } else { lengths[lengths.count - 1] += 1 }
            previousCR = unit == 0x0D
        }
        let uri = "file://" + document.path
        var checked = 0
        func check(_ response: JSONValue, _ what: String) {
            #expect(response["error"] == nil, "\(what): \(response)")
            var found: [(uri: String?, range: JSONValue)] = []
            Self.ranges(in: response["result"] ?? .null, uri: uri, into: &found)
            for (owner, range) in found where owner == nil || owner == uri {
                checked += 1
                guard let sl = range["start"]?["line"]?.intValue, let sc = range["start"]?["character"]?.intValue,
                      let el = range["end"]?["line"]?.intValue, let ec = range["end"]?["character"]?.intValue else {
                    Issue.record("\(what): a range without numbers: \(range)")
                    continue
                }
                let inside = sl >= 0 && el < Int64(lengths.count) && (sl, sc) <= (el, ec) && sc >= 0
                    && sc <= Int64(lengths[Int(sl)]) && ec <= Int64(lengths[Int(el)])
                #expect(inside, "\(what): \(range) in a document of \(lengths.count) lines \(lengths)")
            }
        }
        for (line, length) in lengths.enumerated() {
            for character in 0...length {
                let at = client.at(document.path, Int64(line), Int64(character))
                for method in ["textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/prepareRename"] {
                    check(await client.request(method, at), "\(method) at \(line):\(character)")
                }
                let references: JSONValue = ["textDocument": ["uri": .string(uri)], "position": at["position"]!, "context": ["includeDeclaration": true]]
                check(await client.request("textDocument/references", references), "textDocument/references at \(line):\(character)")
            }
            let range: JSONValue = ["start": ["line": .int(Int64(line)), "character": 0], "end": ["line": .int(Int64(line)), "character": .int(Int64(length))]]
            check(await client.request("textDocument/codeAction", ["textDocument": ["uri": .string(uri)], "range": range, "context": ["diagnostics": []]]),
                  "codeAction on line \(line)")
        }
        check(await client.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]]), "documentSymbol")
        check(await client.request("textDocument/documentLink", ["textDocument": ["uri": .string(uri)]]), "documentLink")
        // The answers had ranges to look at (hovers, completions' edits, definitions, symbols).
        #expect(checked > 20, "\(checked) ranges")
    }
}
