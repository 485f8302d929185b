/// The files of a new Elm project, as `elm init` writes an application (with elm/browser and
/// elm/html, so that the first page compiles) or a package named `author/project`.
enum ElmPackageTemplate {
    static func files(name: String, library: Bool) -> [PackageTemplate.File] {
        let gitignore = PackageTemplate.File(".gitignore", "elm-stuff\n")
        if library {
            let module = name.split(separator: "/").last.map { $0.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() } ?? "Main"
            return [PackageTemplate.File("elm.json", """
                {
                    "type": "package",
                    "name": \(JSONText.quoted(name)),
                    "summary": "",
                    "license": "BSD-3-Clause",
                    "version": "1.0.0",
                    "exposed-modules": [
                        "\(module)"
                    ],
                    "elm-version": "0.19.0 <= v < 0.20.0",
                    "dependencies": {
                        "elm/core": "1.0.0 <= v < 2.0.0"
                    },
                    "test-dependencies": {}
                }

                """),
                PackageTemplate.File("src/\(module).elm", """
                module \(module) exposing (hello)


                hello : String
                hello =
                    "Hello from \(name)!"

                """), gitignore]
        }
        return [PackageTemplate.File("elm.json", """
            {
                "type": "application",
                "source-directories": [
                    "src"
                ],
                "elm-version": "0.19.1",
                "dependencies": {
                    "direct": {
                        "elm/browser": "1.0.2",
                        "elm/core": "1.0.5",
                        "elm/html": "1.0.0"
                    },
                    "indirect": {
                        "elm/json": "1.1.3",
                        "elm/time": "1.0.0",
                        "elm/url": "1.0.0",
                        "elm/virtual-dom": "1.0.3"
                    }
                },
                "test-dependencies": {
                    "direct": {},
                    "indirect": {}
                }
            }

            """),
            PackageTemplate.File("src/Main.elm", """
            module Main exposing (main)

            import Html exposing (Html, text)


            main : Html msg
            main =
                text "Hello from \(name)!"

            """), gitignore]
    }
}
