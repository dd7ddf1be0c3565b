// swift-tools-version: 6.0

import PackageDescription

let package = Package(
    name: "lineage",
    products: [
        .executable(name: "lineage", targets: ["LineageCLI"]),
        .executable(name: "lineage-bench", targets: ["LineageBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // SHA-1 for object ids and pack checksums (BoringSSL's, with the processor's SHA instructions).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // libgit2 from the system (Debian: libgit2-dev), found through pkg-config; zlib for the packs GitStore writes.
        .systemLibrary(
            name: "CGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev", "zlib1g-dev"])]
        ),
        // The only module that calls libgit2. Swift values in, Swift values out.
        .target(name: "GitStore", dependencies: ["CGit2", .product(name: "Crypto", package: "swift-crypto")]),
        // poppler's GLib API from the system (Debian: libpoppler-glib-dev), found through pkg-config.
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        // The only module that calls poppler: a PDF's pages as positioned words, Swift values out.
        .target(name: "PDFText", dependencies: ["CPoppler"]),
        // Pure Swift: reading messy resolution texts, metadata, the canonical document format.
        .target(name: "ResolutionText"),
        // Published formats read into resolutions, recognised by content: text (ResolutionText),
        // PDF (through PDFText), Word and OpenDocument (ZIPFoundation, Foundation's XML parser),
        // the UN's Akoma Ntoso.
        .target(
            name: "ResolutionFormats",
            dependencies: [
                "ResolutionText", "PDFText",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Pure Swift: tokens, word diff, paragraph alignment, clause identity and provenance.
        .target(name: "LineageCore", dependencies: ["ResolutionText"]),
        // The corpus and the history: ties text, alignment and git storage together.
        .target(name: "Lineage", dependencies: ["ResolutionText", "ResolutionFormats", "PDFText", "LineageCore", "GitStore"]),
        // Pure Swift: the HTML report, SVG charts and Akoma Ntoso export drawn from the lineage.
        .target(name: "LineageReport", dependencies: ["Lineage", "LineageCore", "ResolutionText"]),
        // The command-line tool: parsing arguments and printing, nothing else.
        .executableTarget(
            name: "LineageCLI",
            dependencies: [
                "Lineage",
                "LineageReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark: synthetic series with known truth, lineage against git (scripts/bench.sh).
        .executableTarget(name: "LineageBench", dependencies: ["LineageCore", "ResolutionText"]),
        // Shared test helpers: scratch folders, the corpus, running git and the lineage tool.
        .target(name: "TestSupport", path: "Tests/Support"),
        .testTarget(name: "ResolutionTextTests", dependencies: ["ResolutionText"]),
        .testTarget(
            name: "ResolutionFormatsTests", dependencies: ["ResolutionFormats", "ResolutionText", "PDFText", "TestSupport"],
            // Renderings of the bundled texts: PDF (scripts/fixtures/make-pdf-fixtures.py), Word and
            // OpenDocument (scripts/fixtures/make-word-fixtures.py).
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "LineageCoreTests", dependencies: ["LineageCore"]),
        .testTarget(name: "GitStoreTests", dependencies: ["GitStore", "TestSupport"]),
        .testTarget(name: "LineageTests", dependencies: ["Lineage", "TestSupport"]),
        .testTarget(name: "LineageCLITests", dependencies: ["Lineage", "TestSupport", "LineageCLI"]),
        .testTarget(name: "LineageReportTests", dependencies: ["LineageReport", "Lineage", "LineageCore", "ResolutionFormats", "ResolutionText", "TestSupport"]),
    ]
)
