/// The files of a new Oats package, as `toasty new` writes them, except that a library's
/// manifest names its entry: toasty's default entry is `src/main.oats`, which a library does
/// not have.
enum OatsPackageTemplate {
    static func files(name: String, library: Bool) -> [PackageTemplate.File] {
        let entry = library ? "entry = \"src/lib.oats\"\n" : ""
        let manifest = """
            [package]
            name = \(TOMLLiteral.renderString(name))
            version = "0.1.0"
            authors = ["Your Name <your.email@example.com>"]
            description = "An Oats project"
            license = "MIT"
            \(entry)
            [dependencies]

            """
        let source = library
            ? """
            // \(name)/src/lib.oats
            // Library entry point

            export function hello(): string {
                return "Hello from \(name)!";
            }

            """
            : """
            // \(name)/src/main.oats
            // Executable entry point

            export function main(): number {
                println("Hello, \(name)!");
                return 0;
            }

            """
        return [
            PackageTemplate.File("Oats.toml", manifest),
            PackageTemplate.File(library ? "src/lib.oats" : "src/main.oats", source),
            PackageTemplate.File(".gitignore", "/target/\n/compile_commands.json\n"),
        ]
    }
}
