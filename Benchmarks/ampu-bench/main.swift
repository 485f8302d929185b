// Benchmarks for the foundation layers, run by scripts/bench on a release build.
// Each figure is the median of many runs; the anchors run in the same process.
import BuildModel
import Foundation

func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    samples.reserveCapacity(runs)
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    samples.sort()
    return samples[samples.count / 2]
}

func row(_ name: String, _ value: String) { print(name.padding(toLength: 62, withPad: " ", startingAt: 0) + value) }
func ms(_ x: Double) -> String { String(format: "%.3f ms", x) }

// MARK: - Inputs

func generatedTOML(targetBytes: Int) -> String {
    var out = "# generated benchmark document\ntitle = \"bench\"\n\n"
    var i = 0
    while out.utf8.count < targetBytes {
        out += """
            [section_\(i)]
            name = "item \(i) with some text and an escape \\t here"
            count = \(i * 7)
            ratio = \(Double(i) / 3.0)
            enabled = \(i % 2 == 0)
            created = 1979-05-27T07:32:\(String(format: "%02d", i % 60))Z
            tags = ["alpha", "beta", "gamma", \(i)]  # a trailing comment
            point = { x = \(i), y = \(i + 1), label = 'p\(i)' }
            nested.deeper.value = "dotted \(i)"
            literal = '''
            multi-line literal \(i)
            '''

            [[section_\(i).entries]]
            id = 0x\(String(i, radix: 16))

            """
        i += 1
    }
    return out
}

func manifest(dependencies: Int) -> String {
    var out = "[package]\nname = \"bench\"\nversion = \"0.1.0\"\nasthra_version = \"1.0\"\n\n[dependencies]\n"
    for i in 0..<dependencies {
        switch i % 3 {
        case 0: out += "dep-\(i) = \"^\(i % 9).\(i % 7).\(i % 5)\"\n"
        case 1: out += "dep-\(i) = { version = \"~1.\(i % 10)\", path = \"../dep-\(i)\" }\n"
        default: out += "\"github.com/user/dep-\(i)\" = { git = \"https://example.com/dep-\(i).git\", tag = \"v\(i).0.0\" }\n"
        }
    }
    return out
}

struct Position: Codable { var line: Int; var character: Int }
struct LSPRange: Codable { var start: Position; var end: Position }
struct TextDocumentID: Codable { var uri: String; var version: Int }
struct ContentChange: Codable { var range: LSPRange?; var text: String }
struct DidChangeParams: Codable { var textDocument: TextDocumentID; var contentChanges: [ContentChange] }
struct DidChange: Codable { var jsonrpc: String; var method: String; var params: DidChangeParams }
struct Location: Codable { var uri: String; var range: LSPRange }
struct Related: Codable { var location: Location; var message: String }
struct LSPDiagnostic: Codable {
    var range: LSPRange; var severity: Int; var code: String; var source: String; var message: String
    var relatedInformation: [Related]
}
struct PublishParams: Codable { var uri: String; var diagnostics: [LSPDiagnostic] }
struct Publish: Codable { var jsonrpc: String; var method: String; var params: PublishParams }

func didChange() -> DidChange {
    var text = ""
    var line = 0
    while text.utf8.count < 50_000 {
        text += "import \"stdlib/string\"; // line \(line) with \"quotes\", tabs\tand unicode é😀\n"
        line += 1
    }
    let range = LSPRange(start: Position(line: 0, character: 0), end: Position(line: line, character: 0))
    return DidChange(jsonrpc: "2.0", method: "textDocument/didChange",
        params: DidChangeParams(textDocument: TextDocumentID(uri: "file:///work/app/src/main.ast", version: 42),
            contentChanges: [ContentChange(range: range, text: text)]))
}

func publish() -> Publish {
    let diagnostics = (0..<200).map { i in
        let range = LSPRange(start: Position(line: i, character: 7), end: Position(line: i, character: 30))
        return LSPDiagnostic(range: range, severity: 1, code: "E0101", source: "ampu",
            message: "import 'internal/runtime/memory' is not allowed from user code",
            relatedInformation: [Related(location: Location(uri: "file:///work/app/asthra.toml", range: range), message: "package declared here")])
    }
    return Publish(jsonrpc: "2.0", method: "textDocument/publishDiagnostics",
        params: PublishParams(uri: "file:///work/app/src/main.ast", diagnostics: diagnostics))
}

// MARK: - Runs

print("ampu-bench (release, median of the runs in parentheses)\n")

let manifestText = manifest(dependencies: 1000)
if let runs = ProcessInfo.processInfo.environment["AMPU_BENCH_PROFILE_MANIFEST"].flatMap(Int.init) {
    // For profilers: only the manifest, `runs` times (read as asthra.toml with AMPU_BENCH_PROFILE_READ).
    let bytes = Array(manifestText.utf8)
    let read = ProcessInfo.processInfo.environment["AMPU_BENCH_PROFILE_READ"] != nil
    for _ in 0..<runs {
        if read { _ = AsthraEcosystem().readManifest(SourceText(path: "/bench/asthra.toml", bytes: bytes)) }
        else { _ = TOMLDocument(parsing: SourceText(bytes: bytes)) }
    }
    exit(0)
}

if let workspace = ProcessInfo.processInfo.environment["AMPU_BENCH_WORKSPACE"] {
    // A workspace from scripts/gen-workspace: the load, and the import-cycle pass over it alone.
    let loader = WorkspaceLoader(ecosystem: AsthraEcosystem(), fileSystem: LocalFileSystem(), environment: [:])
    var snapshot = try loader.load(from: workspace)
    let load = try median(7) { snapshot = try loader.load(from: workspace) }
    row("load of \(snapshot.modules.count) modules in \(snapshot.members.count) packages (7)", ms(load))
    row("  import cycles over it (21)", ms(median(21) { _ = ImportCycles.diagnostics(in: snapshot) }))
    row("  every diagnostic, indexed by file (21)", ms(median(21) { _ = WorkspaceDiagnostics(snapshot) }))
    // An edit that changes what a file imports (so cycles are looked for again), as the server applies it.
    let path = workspace + "/packages/pkg050/src/core/m004.asthra"
    let original = try String(contentsOfFile: path, encoding: .utf8)
    let variants = [original.replacingOccurrences(of: "import \"../view/m003\";", with: "import \"../view/m007\";"), original]
    var index = WorkspaceDiagnostics(snapshot)
    var edit = 0
    let editTime = median(41) {
        let (next, loaded) = loader.update(snapshot, file: path, bytes: Array(variants[edit % 2].utf8))
        _ = index.update(next, from: snapshot, edited: path, loaded: loaded)
        snapshot = next
        edit += 1
    }
    row("  edit changing its imports: update + diagnostics (41)", ms(editTime))
    // An edit that keeps them (a misspelt import and back: both resolve to nothing), as bench-lsp's.
    let keeping = [original.replacingOccurrences(of: "import \"stdlib/fmt\";", with: "import \"stdlib/fmtt\";"),
                   original.replacingOccurrences(of: "import \"stdlib/fmt\";", with: "import \"stdlib/fmx\";")]
    let keepTime = median(201) {
        let (next, loaded) = loader.update(snapshot, file: path, bytes: Array(keeping[edit % 2].utf8))
        _ = index.update(next, from: snapshot, edited: path, loaded: loaded)
        snapshot = next
        edit += 1
    }
    row("  edit keeping its imports: update + diagnostics (201)", ms(keepTime))
    exit(0)
}

// MARK: - The solver on generated registries

struct GeneratedRegistry: PackageProvider {
    var deps: [String: [Version: [PackageRequirement]]] = [:]
    func versions(of package: String) throws(ResolutionError) -> [Version] { Array(deps[package]?.keys ?? [:].keys) }
    func dependencies(of package: String, at version: Version) throws(ResolutionError) -> [PackageRequirement] { deps[package]?[version] ?? [] }
}

/// 500 packages × 30 versions; each version depends on three later packages (a deterministic
/// pseudo-random choice), and the root on the first ten: solvable.
func wideRegistry() -> GeneratedRegistry {
    var r = GeneratedRegistry()
    var seed: UInt64 = 42
    func next() -> UInt64 { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return seed >> 33 }
    for p in 0..<500 {
        for v in 0..<30 {
            var list: [PackageRequirement] = []
            if p < 497 {
                for _ in 0..<3 {
                    let q = p + 1 + Int(next() % UInt64(min(20, 499 - p)))
                    list.append(PackageRequirement("p\(q)", VersionRequirement(">=1.\(Int(next() % 10)).0")!.versionSet))
                }
            }
            r.deps["p\(p)", default: [:]][Version(1, UInt64(v), 0)] = list
        }
    }
    r.deps["root"] = [Version(1, 0, 0): (0..<10).map { PackageRequirement("p\($0)", VersionRequirement("^1.0.0")!.versionSet) }]
    return r
}

/// A conflict found only deep down: every version of `a` but the oldest needs a `c` that `b`
/// rules out, through a chain of 20 packages; and the same with no way out, for the explanation.
func deepConflict(solvable: Bool) -> GeneratedRegistry {
    var r = GeneratedRegistry()
    r.deps["root"] = [Version(1, 0, 0): [PackageRequirement("a", VersionRequirement("^1.0.0")!.versionSet), PackageRequirement("b", VersionRequirement("^1.0.0")!.versionSet)]]
    for v in 0..<30 {
        let needsChain = solvable ? v > 0 : true
        r.deps["a", default: [:]][Version(1, UInt64(v), 0)] = needsChain ? [PackageRequirement("m0", VersionRequirement("^1.\(v).0")!.versionSet)] : []
        r.deps["m0", default: [:]][Version(1, UInt64(v), 0)] = [PackageRequirement("m1", VersionRequirement("^1.0.0")!.versionSet)]
    }
    for i in 1..<20 {
        r.deps["m\(i)"] = [Version(1, 0, 0): [PackageRequirement(i == 19 ? "c" : "m\(i + 1)", VersionRequirement(i == 19 ? "^2.0.0" : "^1.0.0")!.versionSet)]]
    }
    r.deps["b"] = [Version(1, 0, 0): [PackageRequirement("c", VersionRequirement("^1.0.0")!.versionSet)]]
    r.deps["c"] = [Version(1, 0, 0): [], Version(2, 0, 0): []]
    return r
}

do {
    let wide = wideRegistry()
    var chosen = 0
    let wideTime = try median(11) {
        var solver = PubGrubSolver(provider: wide, root: "root", version: Version(1, 0, 0))
        chosen = try solver.solve().count
    }
    row("PubGrub: 500 packages x 30 versions, \(chosen) chosen (11)", ms(wideTime))
    let deep = deepConflict(solvable: true)
    let deepTime = try median(11) {
        var solver = PubGrubSolver(provider: deep, root: "root", version: Version(1, 0, 0))
        _ = try solver.solve()
    }
    row("PubGrub: a conflict 20 packages deep, backtracking (11)", ms(deepTime))
    let failing = deepConflict(solvable: false)
    var explanation = ""
    let failTime = median(11) {
        var solver = PubGrubSolver(provider: failing, root: "root", version: Version(1, 0, 0))
        do { _ = try solver.solve() } catch { explanation = "\(error)" }
    }
    row("PubGrub: the same with no solution, explained (11)", ms(failTime) + "  (\(explanation.split(separator: "\n").count) lines, \(explanation.utf8.count) bytes)")
}

let big = generatedTOML(targetBytes: 1_000_000)
let bigSource = SourceText(big)
let bigMB = Double(bigSource.bytes.count) / 1_000_000
let parseOnly = median(21) { _ = TOMLSyntaxTree.parse(bigSource) }
let parseModel = median(21) { _ = TOMLDocument(parsing: bigSource) }
precondition(TOMLDocument(parsing: bigSource).diagnostics.isEmpty, "generated TOML must be valid")
row("TOML syntax tree, \(String(format: "%.2f", bigMB)) MB document (21)", String(format: "%.1f MB/s  (%@)", bigMB / (parseOnly / 1000), ms(parseOnly)))
row("TOML syntax tree + document model, same document (21)", String(format: "%.1f MB/s  (%@)", bigMB / (parseModel / 1000), ms(parseModel)))

let manifestBytes = Array(manifestText.utf8)
precondition(TOMLDocument(manifestText).diagnostics.isEmpty, "generated manifest must be valid")
let manifestTime = median(201) { _ = TOMLDocument(parsing: SourceText(bytes: manifestBytes)) }
row("manifest with 1,000 dependencies (\(manifestBytes.count / 1000) KB): parse + model (201)", ms(manifestTime))
let manifestRead = median(201) { _ = AsthraEcosystem().readManifest(SourceText(path: "/bench/asthra.toml", bytes: manifestBytes)) }
row("  and read as asthra.toml (model + every check) (201)", ms(manifestRead))
let manifestSyntax = median(201) { _ = TOMLSyntaxTree.parse(SourceText(bytes: manifestBytes)) }
row("  of which the syntax tree alone (201)", ms(manifestSyntax))
let manifestLines = median(201) { _ = SourceText(bytes: manifestBytes) }
row("  of which the line index alone (201)", ms(manifestLines))

// Aria's build.abc: a generated file of 1,000 targets in the INI form real projects write, and
// the largest real file of the corpus when ../shared is there (seed 003's goal: well under 10 ms).
var abcText = "[project]\nname = \"bench\"\nversion = \"0.1.0\"\n\n"
for i in 0..<1000 {
    abcText += "[target.t\(i)]\ntype = \"\(i % 3 == 0 ? "binary" : "library")\"\nsources = [\"src/t\(i)/main.aria\", \"src/t\(i)/util.npk\"]\n"
    abcText += "deps = [\(i > 0 ? "\"t\(i - 1)\"" : "")]\nflags = [\"-O2\", \"-I\", \"src\"]  # comment\n\n"
}
let abcBytes = Array(abcText.utf8)
precondition(ABCDocument(parsing: SourceText(bytes: abcBytes)).diagnostics.isEmpty, "generated build.abc must be valid")
// The text (bytes and line index) is made when the file is read, whatever its format; the parse
// is the document made from it. Reading the targets out of it (AriaProject) is apart.
let abcSource = SourceText(bytes: abcBytes)
row("build.abc with 1,000 targets (\(abcBytes.count / 1000) KB): parse (201)", ms(median(201) { _ = ABCDocument(parsing: abcSource) }))
row("  its text's line index, made when the file is read (201)", ms(median(201) { _ = SourceText(bytes: abcBytes) }))
let abcDocument = ABCDocument(parsing: abcSource)
row("  its 1,000 targets read and checked (AriaProject) (201)", ms(median(201) { _ = AriaProject.read(abcDocument, environment: nil) }))
let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/corpora/aria")
if let files = FileManager.default.enumerator(atPath: corpus.path)?.compactMap({ $0 as? String }).filter({ $0.hasSuffix("build.abc") }),
   let largest = files.max(by: { (try? Data(contentsOf: corpus.appendingPathComponent($0)).count) ?? 0 < (try? Data(contentsOf: corpus.appendingPathComponent($1)).count) ?? 0 }),
   let data = try? Data(contentsOf: corpus.appendingPathComponent(largest)) {
    let bytes = [UInt8](data)
    let text = SourceText(bytes: bytes)
    row("largest real build.abc (\(bytes.count) bytes): parse (2001)", ms(median(2001) { _ = ABCDocument(parsing: text) }))
}

// Rask's package block (issue 18's figures; goal: a parse under 1 ms): the seed's full example,
// read from ../shared when it is there, and a generated block of 1,000 deps and 100 features; and
// the feature selection over it (the block read again, the defaults and `enables` closed, the
// deps filtered).
let seed002 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/seeds/002_a8dac52699fc92c8.txt")
if let seedText = try? String(contentsOf: seed002, encoding: .utf8), let start = seedText.range(of: "## Full Example\n\n```rask\n"),
   let end = seedText[start.upperBound...].range(of: "```") {
    let example = SourceText(path: "/p/rask.build", String(seedText[start.upperBound..<end.lowerBound]))
    precondition(RaskPackageDocument(parsing: example).package != nil, "the seed's full example must hold a package block")
    row("seed 002's full example (\(example.bytes.count) bytes): package block (2001)", ms(median(2001) { _ = RaskPackageDocument(parsing: example) }))
}
var raskText = "package \"bench\" \"1.0.0\" {\n    description: \"generated\"\n    license: \"MIT\"\n\n"
for i in 0..<900 {
    raskText += "    dep \"d\(i)\" \"^\(i % 7 + 1).\(i % 10)\"\(i % 5 == 0 ? " { target: \"linux\" }" : "")\n"
}
for f in 0..<100 {
    raskText += "    feature \"f\(f)\" {\n\(f % 10 == 0 ? "        default: true\n" : "")        enables: [\(f + 1 < 100 && f % 3 == 0 ? "\"f\(f + 1)\"" : "")]\n"
    raskText += "        dep \"g\(f)\" \"^1.0\"\n    }\n"
}
raskText += "}\n"
let raskSource = SourceText(path: "/p/rask.build", raskText)
precondition(RaskPackageDocument(parsing: raskSource).diagnostics.isEmpty, "generated rask.build must be valid")
row("rask.build, 1,000 deps and 100 features (\(raskSource.bytes.count / 1000) KB): parse (201)", ms(median(201) { _ = RaskPackageDocument(parsing: raskSource) }))
let raskManifest = RaskEcosystem().readManifest(raskSource)
precondition(raskManifest.diagnostics.isEmpty && raskManifest.dependencies.count == 1000, "generated rask.build must read clean")
let selection = FeatureSelection(names: ["f50"], defaults: true)
let selectedCount = RaskEcosystem().selectedDependencies(of: raskManifest, features: selection, platform: "macos").dependencies.count
row("  its deps for --features f50 on macos (\(selectedCount)) (201)",
    ms(median(201) { _ = RaskEcosystem().selectedDependencies(of: raskManifest, features: selection, platform: "macos") }))

let encoder = JSONEncoder()
let decoder = JSONDecoder()
for (name, data) in [("didChange 50 KB", try encoder.encode(didChange())), ("publishDiagnostics x200", try encoder.encode(publish()))] {
    let bytes = [UInt8](data)
    let value = try JSON.parse(bytes)
    print("\n\(name) (\(bytes.count / 1000) KB)")
    row("  decode: json-c wrapper -> JSONValue (201)", ms(try median(201) { _ = try JSON.parse(bytes) }))
    if name.hasPrefix("didChange") {
        row("  decode: Foundation JSONDecoder -> Codable (201)", ms(try median(201) { _ = try decoder.decode(DidChange.self, from: data) }))
    } else {
        row("  decode: Foundation JSONDecoder -> Codable (201)", ms(try median(201) { _ = try decoder.decode(Publish.self, from: data) }))
    }
    row("  decode: Foundation JSONSerialization -> Any (201)", ms(try median(201) { _ = try JSONSerialization.jsonObject(with: data) }))
    row("  encode: json-c wrapper <- JSONValue (201)", ms(try median(201) { _ = try JSON.serialize(value) }))
    if name.hasPrefix("didChange") {
        let typed = didChange()
        row("  encode: Foundation JSONEncoder <- Codable (201)", ms(try median(201) { _ = try encoder.encode(typed) }))
    } else {
        let typed = publish()
        row("  encode: Foundation JSONEncoder <- Codable (201)", ms(try median(201) { _ = try encoder.encode(typed) }))
    }
}
