// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "jianyi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "jianyi", targets: ["jianyi"]),
        .library(name: "Postgres", targets: ["Postgres"]),
        .library(name: "Casework", targets: ["Casework"]),
        .library(name: "CaseStore", targets: ["CaseStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.0.0"),
        // The web service (issue 13): HTTP server and testing client, and graceful shutdown.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        // NIOThreadPool runs the blocking libpq calls off the event loop.
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        // The browser's pages (issue 14): logic-less templates, HTML-escaped by default.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The second factor's HMAC (TOTP, RFC 6238); already pulled in by hummingbird-auth.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        // .xlsx output (issue 15): Debian's libxlsxwriter, behind a small typed, safe API.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        .target(name: "Spreadsheet", dependencies: ["CXLSXWriter", "Casework"]),
        .target(name: "Casework"),
        .target(
            name: "CaseStore",
            dependencies: [
                "Postgres", "Casework", .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // `jianyi serve`: HTTP in front of CaseStore; no SQL and no rules here.
        .target(
            name: "JianyiServer",
            dependencies: [
                "CaseStore", "Casework", "Presentation",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // What both front ends show: a case and its events as JSON, times on the congress's clock.
        .target(name: "Presentation", dependencies: ["CaseStore", "Casework"]),
        .target(
            name: "JianyiCLI",
            dependencies: [
                "CaseStore", "Casework", "Presentation", "JianyiServer", "Spreadsheet",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "jianyi", dependencies: ["JianyiCLI"]),
        // Fresh databases for tests; depends on CaseStore only for its migrations.
        .target(name: "TestSupport", dependencies: ["Postgres", "CaseStore"], path: "Tests/TestSupport"),
        .testTarget(name: "CaseworkTests", dependencies: ["Casework"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "CaseStoreTests", dependencies: ["CaseStore", "Casework", "Postgres", "TestSupport"]),
        .testTarget(name: "JianyiCLITests", dependencies: ["JianyiCLI", "CaseStore", "Postgres", "TestSupport"]),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet", "Casework", "TestSupport"]),
        .testTarget(
            name: "JianyiServerTests",
            dependencies: [
                "JianyiServer", "CaseStore", "Casework", "Presentation", "Postgres", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
