// swift-tools-version: 6.0
import PackageDescription

// Release builds on Linux link the Swift runtime and Foundation statically: a `vigil` process then
// maps 16 shared libraries instead of 30 and starts in about 6 ms less CPU (every command, and a
// large part of a one-line `vigil extract`). Modules are compiled with the flag too, so that they
// name the static Foundation's libraries for the linker.
let staticRuntime: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
let staticRuntimeLink: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]

let package = Package(
    name: "Vigil",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vigil", targets: ["vigil"]),
        .library(name: "VigilCore", targets: ["VigilCore"]),
        .library(name: "VigilStore", targets: ["VigilStore"]),
        .library(name: "VigilIngest", targets: ["VigilIngest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        // The model: entity kinds, predicates, triples, evidence. No I/O.
        .target(name: "VigilCore", swiftSettings: staticRuntime),
        // SQL lives in files: migrations applied in name order, traversal templates.
        .target(
            name: "Schema",
            path: "Schema",
            resources: [.embedInCode("migrations"), .embedInCode("queries")],
            swiftSettings: staticRuntime
        ),
        .target(
            name: "VigilStore",
            dependencies: [
                "VigilCore", "Schema",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: staticRuntime
        ),
        .target(
            name: "VigilIngest",
            dependencies: ["VigilCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: staticRuntime
        ),
        // The query language: lexer, parser, planner (queries compile to SQL over the store).
        .target(
            name: "VigilQuery",
            dependencies: ["VigilCore", "VigilStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: staticRuntime
        ),
        // DOT, JSON Lines and KGX for a subgraph or a query result.
        .target(name: "VigilExport", dependencies: ["VigilCore", "VigilStore", "VigilQuery"], exclude: ["EXPORT.md"],
                swiftSettings: staticRuntime),
        // Reference graphs at scale: Hetionet, DrugCentral, KGX.
        .target(
            name: "VigilImport",
            dependencies: ["VigilCore", "VigilStore", "CZlib", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["IMPORT.md"],
            swiftSettings: staticRuntime
        ),
        // libedit for the REPL (Debian: libedit-dev).
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // zlib for reading .gz imports (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Hetionet import and Q1–Q5 timings beside the peers: `swift run -c release vigil-bench --help`.
        .executableTarget(name: "vigil-bench",
                          dependencies: ["VigilCore", "VigilStore", "VigilImport", "VigilQuery",
                                         .product(name: "GRDB", package: "GRDB.swift")],
                          exclude: ["FINDINGS.md", "RESULTS.md"],
                          swiftSettings: staticRuntime, linkerSettings: staticRuntimeLink),
        .executableTarget(
            name: "vigil",
            dependencies: [
                "VigilCore", "VigilStore", "VigilIngest", "VigilQuery", "VigilExport", "VigilImport", "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticRuntime, linkerSettings: staticRuntimeLink
        ),
        .testTarget(name: "VigilCoreTests", dependencies: ["VigilCore"]),
        .testTarget(name: "VigilStoreTests", dependencies: ["VigilStore", "VigilCore"]),
        .testTarget(name: "VigilIngestTests", dependencies: ["VigilIngest", "VigilCore"]),
        .testTarget(name: "VigilQueryTests", dependencies: ["VigilQuery", "VigilStore", "VigilCore"]),
        .testTarget(name: "VigilExportTests", dependencies: ["VigilExport", "VigilQuery", "VigilStore", "VigilCore"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "VigilImportTests", dependencies: ["VigilImport", "VigilStore", "VigilCore"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "VigilCLITests", dependencies: ["vigil", "VigilCore"], exclude: ["Fixtures"]),
    ]
)
