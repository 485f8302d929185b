/// What the build.abc reader makes of some bytes, in a few lines: `ampu debug probe abc`, which
/// the fuzzer drives (Aria is not registered yet).
public enum ABCProbe {
    public static func describe(_ bytes: [UInt8]) -> String {
        let document = ABCDocument(parsing: SourceText(path: "/p/build.abc", bytes: bytes))
        func count(_ node: ABCDocument.Node?) -> Int {
            guard let node else { return 0 }
            switch node.value {
            case .object(let members): return members.reduce(1) { $0 + count($1.value) }
            case .array(let elements): return elements.reduce(1) { $0 + count($1) }
            default: return 1
            }
        }
        let values = document.keywordFile.map { ($0.name == nil ? 0 : 1) + $0.sources.count + $0.dependencies.count } ?? count(document.root)
        return "build.abc: \(document.form.rawValue) form, \(values) values, \(document.diagnostics.count) problems\n"
    }
}
