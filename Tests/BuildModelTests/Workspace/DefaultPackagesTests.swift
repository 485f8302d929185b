import Testing
@testable import BuildModel

/// What a build, run or test that names no package is about, as Cargo chooses it from the
/// directory it runs in (`WorkspaceLocator.defaultPackages`).
@Suite("The packages a command is about when it names none")
struct DefaultPackagesTests {
    static func package(_ name: String, workspace: String = "") -> String {
        "[package]\nname = \"\(name)\"\nversion = \"0.1.0\"\n" + workspace
    }

    static let members = "\n[workspace]\nmembers = [\"app\", \"libs/*\"]\n"

    func packages(_ files: [String: String], from directory: String, ecosystem: any Ecosystem = AsthraEcosystem()) -> [String]? {
        WorkspaceLocator(ecosystem: ecosystem, fileSystem: InMemoryFileSystem(currentDirectory: directory, files: files)).defaultPackages(from: directory)
    }

    let tree = [
        "/w/app/asthra.toml": package("app"),
        "/w/app/src/main.ast": "",
        "/w/libs/json/asthra.toml": package("json"),
        "/w/libs/http/asthra.toml": package("http"),
    ]

    @Test("a root with no [package] is about every member; a root that is a package, about itself; a member's directory, about that member")
    func byPlace() {
        let virtual = tree.merging(["/w/asthra.toml": String(Self.members.dropFirst())]) { a, _ in a }
        #expect(packages(virtual, from: "/w") == nil)
        #expect(packages(virtual, from: "/w/app/src") == ["app"])
        #expect(packages(virtual, from: "/w/libs/json") == ["json"])
        let rooted = tree.merging(["/w/asthra.toml": Self.package("hub", workspace: Self.members)]) { a, _ in a }
        #expect(packages(rooted, from: "/w") == ["hub"])
        #expect(packages(rooted, from: "/w/app") == ["app"])
        #expect(packages(["/p/asthra.toml": Self.package("alone")], from: "/p") == nil, "a package with no workspace is the whole build")
    }

    @Test("default-members says what the root is about, patterns too, each a member; an empty list names none")
    func defaultMembers() {
        func root(_ list: String, package: Bool) -> [String: String] {
            let workspace = Self.members + "default-members = \(list)\n"
            return tree.merging(["/w/asthra.toml": package ? Self.package("hub", workspace: workspace) : String(workspace.dropFirst())]) { a, _ in a }
        }
        #expect(packages(root(#"["libs/*"]"#, package: false), from: "/w") == ["http", "json"])
        #expect(packages(root(#"[".", "app"]"#, package: true), from: "/w") == ["hub", "app"])
        #expect(packages(root(#"["app", "nowhere"]"#, package: true), from: "/w") == nil, "an entry that is no member is the check's error (M030), which stops the whole build")
        #expect(packages(root("[1]", package: true), from: "/w") == nil, "a list that cannot be read is the check's error (M002)")
        #expect(packages(root("[]", package: false), from: "/w") == [])
        #expect(packages(root(#"["libs/json"]"#, package: true), from: "/w/app") == ["app"], "a member's directory is about that member")
    }

    @Test("where every root is a package (Rask's members in its package block), the root is about the whole workspace")
    func raskRoot() {
        let files = [
            "/w/build.rk": "package \"db\" \"0.1.0\" {\n    members: [\"core\", \"cli\"]\n}\n",
            "/w/core/build.rk": "package \"core\" \"0.1.0\" {\n}\n",
            "/w/cli/build.rk": "package \"cli\" \"0.1.0\" {\n}\n",
        ]
        #expect(packages(files, from: "/w", ecosystem: RaskEcosystem()) == nil)
        #expect(packages(files, from: "/w/cli", ecosystem: RaskEcosystem()) == ["cli"])
    }
}
