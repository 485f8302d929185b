/// What Elm's readers make of some bytes, in a few lines: `ampu debug probe elm`, which the
/// fuzzer drives: the bytes as an elm.json, as a module, and as elm's d.dat.
public enum ElmProbe {
    public static func describe(_ bytes: [UInt8]) -> String {
        let manifest = ElmManifestReader.read(SourceText(path: "/p/elm.json", bytes: bytes))
        let scan = ElmSourceScanner.scan(SourceText(path: "/p/src/Main.elm", bytes: bytes))
        return "elm.json: \(manifest.dependencies.count) dependencies, \(manifest.diagnostics.count) problems\n"
            + "module: \(scan.declaration?.value ?? "-"), \(scan.imports.count) imports, main \(scan.definesEntryPoint), \(scan.diagnostics.count) problems\n"
            + "d.dat: " + ((try? ElmBuildDetails(bytes)).map { "\($0.locals.count) local and \($0.foreigns.count) foreign modules" } ?? "not one elm wrote") + "\n"
    }
}
