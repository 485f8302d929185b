import Foundation
import Testing
import TestSupport

/// `ampu check` against the real `elm make` on random module graphs of one application (the
/// fixture's elm.json: elm/browser, elm/core and elm/html direct, elm/json, elm/time, elm/url
/// and elm/virtual-dom indirect; source directories `src` and `lib`). Each module sits in one of
/// the two directories (now and then in both), declares its name (now and then another), and
/// imports at random: other modules, one that does not exist, a module of a direct package, one
/// of an indirect package, one a direct package does not expose. elm make is given every file,
/// so that it reads every module ampu checks: ampu must report an error exactly when elm stops.
/// Skipped, saying so, without elm or ../shared/elm-home.
@Suite("ampu check against elm make on random modules", .serialized)
struct ElmModulesDifferentialTests {
    static let names = ["Main", "Alpha", "Page.Home", "Page.About", "Util.Text"]
    static let foreign = ["Html", "Html.Attributes", "Dict", "Browser", "Json.Decode", "Time", "Html.Internal", "Missing.Module"]

    static func path(of name: String) -> String { name.replacingOccurrences(of: ".", with: "/") + ".elm" }

    @Test("ampu reports an error exactly when elm make stops", arguments: Array(UInt64(1)...24))
    func agree(seed: UInt64) throws {
        guard let (scratch, home) = try elmScratch() else { return }
        var random = SeededRandom(state: seed)
        try scratch.write("app/elm.json", try String(contentsOfFile: fixtures + "/elm/app/elm.json", encoding: .utf8))
        let app = scratch.path + "/app"

        var files: [String] = []
        var described: [String] = []
        let modules = Self.names.filter { $0 == "Main" || random.next(3) > 0 }
        for name in modules {
            let directories = random.chance(10) ? ["src", "lib"] : [random.next(3) == 0 ? "lib" : "src"]
            let declared = random.chance(10) ? Self.names[random.next(Self.names.count)] : name
            var imports: [String] = []
            for _ in 0..<random.next(4) {
                let target = random.next(3) == 0 ? Self.foreign[random.next(Self.foreign.count)] : modules[random.next(modules.count)]
                if target != name && !imports.contains(target) { imports.append(target) }
            }
            let text = "module \(declared) exposing (value)\n\n" + imports.map { "import \($0)\n" }.joined() + "\n\nvalue : Int\nvalue =\n    1\n"
            for directory in directories {
                try scratch.write("app/\(directory)/\(Self.path(of: name))", text)
                files.append("\(directory)/\(Self.path(of: name))")
            }
            described.append("\(directories.joined(separator: "+"))/\(name) (module \(declared)) imports \(imports)")
        }

        let environment = plain.merging(["ELM_HOME": home, "HOME": scratch.path, "https_proxy": "http://127.0.0.1:9"]) { $1 }
        let check = try AmpuProcess.run(["check"], environment: environment, directory: app)
        let elm = try elmMake(files + ["--output=/dev/null"], environment: environment, directory: app)
        let ampuRefuses = check.stderr.contains("error[")
        #expect(ampuRefuses == (elm.status != 0), "seed \(seed):\n\(described.joined(separator: "\n"))\nampu: \(check.stderr)\nelm: \(elm.stdout)\(elm.stderr)")
    }
}
