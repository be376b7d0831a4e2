// swift-tools-version:6.0
import PackageDescription

// The dependency graph points one way (STYLE.md §1):
// piiscan (CLI) → PIIScanKit (core) → PCRE2 / Zstd / Zlib (wrappers) → C shims.
let package = Package(
  name: "piiscan",
  products: [
    .executable(name: "piiscan", targets: ["piiscan"]),
    .library(name: "PIIScanKit", targets: ["PIIScanKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // The findings catalog (SQLite, WAL, migrations); issue #4.
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // C shims: module.modulemap + shim.h, nothing else.
    .systemLibrary(
      name: "CPCRE2", path: "Sources/CPCRE2", pkgConfig: "libpcre2-8",
      providers: [.apt(["libpcre2-dev"])]),
    .systemLibrary(
      name: "CZstd", path: "Sources/CZstd", pkgConfig: "libzstd",
      providers: [.apt(["libzstd-dev"])]),
    .systemLibrary(
      name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]),

    // Swift wrappers: the only modules that import a C shim.
    .target(name: "PCRE2", dependencies: ["CPCRE2"]),
    .target(name: "Zstd", dependencies: ["CZstd"]),
    .target(name: "Zlib", dependencies: ["CZlib"]),

    // The core library.
    .target(
      name: "PIIScanKit",
      dependencies: [
        "PCRE2", "Zstd", "Zlib",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Yams", package: "Yams"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),

    // The thin executable.
    .executableTarget(
      name: "piiscan",
      dependencies: [
        "PIIScanKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ]),

    .target(name: "TestSupport", dependencies: ["PIIScanKit"], path: "Tests/TestSupport"),
    .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
    .testTarget(name: "CodecTests", dependencies: ["Zstd", "Zlib", "PIIScanKit", "TestSupport"]),
    .testTarget(
      name: "PIIScanKitTests",
      dependencies: [
        "PIIScanKit", "PCRE2", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .testTarget(name: "PatternTests", dependencies: ["PIIScanKit", "TestSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["PIIScanKit", "TestSupport"]),
  ]
)
