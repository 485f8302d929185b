/// What Elm's readers make of some bytes, in a few lines: `ampu debug elm`, which the fuzzer
/// drives (the readers are not reachable from `check` or the server yet).
public enum ElmProbe {
    public static func describe(_ bytes: [UInt8]) -> String {
        let manifest = ElmManifestReader.read(SourceText(path: "/p/elm.json", bytes: bytes))
        let (scan, hasMain) = ElmSourceScanner.scan(SourceText(path: "/p/src/Main.elm", bytes: bytes))
        return "elm.json: \(manifest.dependencies.count) dependencies, \(manifest.diagnostics.count) problems\n"
            + "module: \(scan.declaration?.value ?? "-"), \(scan.imports.count) imports, main \(hasMain), \(scan.diagnostics.count) problems\n"
    }
}
