/// The files of a new Aria project: a build.abc in the form real projects write, with one
/// target (a program, or a library and its test program), and its source.
enum AriaTemplate {
    /// Target names are section names (`[target.NAME]`): letters, digits, `-` and `_`.
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if let bad = name.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")) }) {
            return "'\(bad)' cannot be in a target name (letters, digits, '-' and '_')"
        }
        return nil
    }

    /// A valid name made from `name`: what a name cannot hold becomes `-`, and the `-`s at
    /// the end are left out (`my app!` → `my-app`).
    static func suggestion(from name: String) -> String {
        var cleaned = Substring(String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" }))
        while cleaned.last == "-" { cleaned = cleaned.dropLast() }
        return cleaned.isEmpty ? "my-project" : String(cleaned)
    }

    static func files(name: String, library: Bool) -> [PackageTemplate.File] {
        let file = name.replacing("-", with: "_")
        let manifest = library
            ? """
            [project]
            name = "\(name)"
            version = "0.1.0"

            [target.\(name)]
            type = "library"
            sources = ["src/\(file).aria"]
            deps = []
            flags = []

            [target.test-\(name)]
            type = "test"
            sources = ["tests/test_\(file).aria"]
            deps = ["\(name)"]
            flags = []

            """
            : """
            [project]
            name = "\(name)"
            version = "0.1.0"

            [target.\(name)]
            type = "binary"
            sources = ["src/main.aria"]
            deps = []
            flags = []

            """
        let program = """
            // \(name): the program's entry point.

            func:failsafe = NIL(int32:code) { pass(NIL); };

            func:main = int32() {
                pass(0i32);
            };

            """
        var files = [PackageTemplate.File("build.abc", manifest), PackageTemplate.File(".gitignore", "/.aria_make/\n/compile_commands.json\n")]
        if library {
            files.append(PackageTemplate.File("src/\(file).aria", """
                // \(name): a library.

                pub func:answer = int64() {
                    pass(42i64);
                };

                """))
            files.append(PackageTemplate.File("tests/test_\(file).aria", """
                use "../src/\(file).aria".*;

                func:failsafe = NIL(int32:code) { pass(NIL); };

                func:main = int32() {
                    if (answer() == 42i64) { pass(0i32); }
                    pass(1i32);
                };

                """))
        } else {
            files.append(PackageTemplate.File("src/main.aria", program))
        }
        return files
    }
}
