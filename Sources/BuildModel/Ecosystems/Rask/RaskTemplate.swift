/// The files of a new Rask package: `rask.build` with its package block, and a source.
enum RaskTemplate {
    /// A package name is a quoted string: letters, digits, `-` and `_`, starting with a letter.
    static func problem(with name: String) -> String? {
        guard let first = name.first else { return "it is empty" }
        guard first.isASCII && first.isLetter else { return "it must start with a letter" }
        if let bad = name.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")) }) {
            return "'\(bad)' cannot be in a package name (letters, digits, '-' and '_')"
        }
        return nil
    }

    /// A valid name made from `name`: what a name cannot hold becomes `-`, and what comes
    /// before the first letter and the `-`s at the end are left out (`1 my app!` → `my-app`).
    static func suggestion(from name: String) -> String {
        var cleaned = Substring(String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" }))
        cleaned = cleaned.drop { !($0.isASCII && $0.isLetter) }
        while cleaned.last == "-" { cleaned = cleaned.dropLast() }
        return cleaned.isEmpty ? "my-package" : String(cleaned)
    }

    static func files(name: String, library: Bool) -> [PackageTemplate.File] {
        let manifest = """
            package "\(name)" "0.1.0" {
                description: ""
                license: "MIT"
            }

            """
        let source = library
            ? """
            public func greeting() -> string {
                return "Hello from \(name)"
            }

            """
            : """
            func main() {
                println("Hello, world!")
            }

            """
        // What a build writes: its outputs, the build script's generated sources, and the
        // compile commands for editors.
        return [PackageTemplate.File("rask.build", manifest), PackageTemplate.File(library ? "lib.rk" : "main.rk", source),
                PackageTemplate.File(".gitignore", "/target/\n/.rk-gen/\n/compile_commands.json\n")]
    }
}
