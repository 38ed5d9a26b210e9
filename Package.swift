// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ThreadNet",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "threadnet", targets: ["threadnet"]),
        .library(name: "ThreadNetCore", targets: ["ThreadNetCore"]),
        .library(name: "ThreadNetGraphviz", targets: ["ThreadNetGraphviz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Model, importers, repairs, metrics and every text writer. No Graphviz, no printing.
        .target(
            name: "ThreadNetCore",
            dependencies: [
                "CZstd", "CZlib", "CCrypto", "CCmarkGFM", "CStemmer",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        // SHA-256 of the input for the provenance line, from the system's libcrypto.
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // GitHub's CommonMark parser, for report.html (report.md as GitHub shows it).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Snowball stemmers (English, German, French, … as the C library libstemmer publishes them).
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // DOT text in, rendered bytes out, through libgvc in-process.
        .target(name: "ThreadNetGraphviz", dependencies: ["CGraphviz"]),
        // The thin command-line front end: parsing, reading, printing, atomic writes.
        .executableTarget(
            name: "threadnet",
            dependencies: [
                "ThreadNetCore", "ThreadNetGraphviz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzz harness (scripts/fuzz.sh builds it with libFuzzer; plain builds replay files).
        .executableTarget(
            name: "threadnet-fuzz",
            dependencies: ["ThreadNetCore", "ThreadNetGraphviz", "CCmarkGFM", .product(name: "CSV", package: "CSV.swift")],
            path: "Fuzz",
            exclude: ["seeds"]
        ),
        .testTarget(name: "ThreadNetCoreTests", dependencies: ["ThreadNetCore"], exclude: ["Fixtures"]),
        .testTarget(name: "ThreadNetGraphvizTests", dependencies: ["ThreadNetGraphviz"]),
        .testTarget(name: "threadnetTests", dependencies: ["ThreadNetCore", "ThreadNetGraphviz"]),
    ],
    swiftLanguageModes: [.v6]
)

// DocC's plugin, for `THREADNET_DOCS=1 swift package generate-documentation --target ThreadNetCore`:
// only when asked, so that other builds neither fetch it nor compile its two plugins (about 5 s
// of a fresh clone's `swift test`, spent before anything else builds).
if Context.environment["THREADNET_DOCS"] != nil {
    package.dependencies.append(.package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"))
}
