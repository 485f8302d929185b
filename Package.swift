// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ampu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ampu", targets: ["ampu"]),
        .library(name: "BuildModel", targets: ["BuildModel"]),
        .library(name: "LSPServer", targets: ["LSPServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CJSONC",
            pkgConfig: "json-c",
            providers: [.apt(["libjson-c-dev"])]
        ),
        .target(
            name: "BuildModel",
            dependencies: [
                "CJSONC",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .target(
            name: "LSPServer",
            dependencies: [
                "BuildModel",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .executableTarget(
            name: "ampu",
            dependencies: [
                "BuildModel",
                "LSPServer",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .executableTarget(
            name: "ampu-bench",
            dependencies: ["BuildModel"],
            path: "Benchmarks/ampu-bench"
        ),
        // What several test targets share: real git repositories in a temporary directory.
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "BuildModelTests",
            dependencies: ["BuildModel", "TestSupport"]
        ),
        .testTarget(
            name: "LSPServerTests",
            dependencies: ["LSPServer", "BuildModel", "TestSupport"]
        ),
        .testTarget(
            name: "ampuTests",
            dependencies: ["ampu", "TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
