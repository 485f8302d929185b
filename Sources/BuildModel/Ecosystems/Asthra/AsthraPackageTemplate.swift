/// The files of a new Asthra package: a manifest, a first source file and a .gitignore.
enum AsthraPackageTemplate {
    /// The files of a new package, by path relative to its directory.
    static func files(name: String, library: Bool) -> [PackageTemplate.File] {
        let module = Paths.lastComponent(name).replacingDashes
        let manifest = """
            [package]
            name = \(TOMLLiteral.renderString(name))
            version = "0.1.0"
            asthra_version = "1.0"

            [dependencies]

            """
        let source = library
            ? """
            package \(module);

            pub fn answer(none) -> i32 {
                return 42;
            }

            """
            : """
            package main;

            pub fn main(none) -> void {
                log("Hello, world!");
                return ();
            }

            """
        return [
            PackageTemplate.File("asthra.toml", manifest),
            PackageTemplate.File(library ? "src/lib.asthra" : "src/main.asthra", source),
            PackageTemplate.File(".gitignore", "/target/\n/compile_commands.json\n"),
        ]
    }
}

extension String {
    /// A package name as a module identifier: `json-utils` → `json_utils`.
    var replacingDashes: String { String(map { $0 == "-" || $0 == "." ? "_" : $0 }) }
}
