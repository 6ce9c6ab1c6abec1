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
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        .target(name: "Casework"),
        .target(
            name: "CaseStore",
            dependencies: [
                "Postgres", "Casework", .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        // What both front ends show: a case and its events as JSON, times on the congress's clock.
        .target(name: "Presentation", dependencies: ["CaseStore", "Casework"]),
        .target(
            name: "JianyiCLI",
            dependencies: [
                "CaseStore", "Casework", "Presentation",
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
    ]
)
