// swift-tools-version:6.0
import PackageDescription

// The agents link only TandemCore (and TandemNetwork): the Swift runtime (statically),
// glibc, libxml2 and libqb, so an installed agent needs nothing from the toolchain and starts
// in ~2 ms. The one package dependency, swift-argument-parser, is linked only into the admin
// command `tandem` (subcommands, help, completions, its man page); no agent may depend on it.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Tandem",
    products: [
        .library(name: "TandemCore", targets: ["TandemCore"]),
        .library(name: "TandemNetwork", targets: ["TandemNetwork"]),
        .executable(name: "drbd", targets: ["drbd"]),
        .executable(name: "lvm", targets: ["lvm"]),
        .executable(name: "iscsi-target", targets: ["iscsi-target"]),
        .executable(name: "ocf-sample", targets: ["ocf-sample"]),
        .executable(name: "tandem-bench", targets: ["tandem-bench"]),
        .executable(name: "floating-ip", targets: ["floating-ip"]),
        .executable(name: "tandem-crm-wait", targets: ["tandem-crm-wait"]),
        .executable(name: "tandem", targets: ["tandem"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CLibQB", pkgConfig: "libqb",
                       providers: [.apt(["libqb-dev"])]),
        // libqb and libxml2 are dlopen'ed by CTandem when first needed (they cost ~2 ms
        // per exec when linked); their system-library targets provide the headers.
        .target(name: "CTandem", dependencies: ["CLibQB", "CLibXML2"],
                linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "TandemCore", dependencies: ["CTandem", "CLibXML2"],
                swiftSettings: swiftSettings),
        .target(name: "TandemNetwork", dependencies: ["TandemCore", "CTandem"],
                swiftSettings: swiftSettings),
        .executableTarget(name: "drbd", dependencies: ["TandemCore"],
                          swiftSettings: swiftSettings),
        .executableTarget(name: "lvm", dependencies: ["TandemCore"],
                          swiftSettings: swiftSettings),
        .executableTarget(name: "iscsi-target", dependencies: ["TandemCore", "TandemNetwork"],
                          swiftSettings: swiftSettings),
        .executableTarget(name: "floating-ip", dependencies: ["TandemCore", "TandemNetwork"],
                          swiftSettings: swiftSettings),
        .executableTarget(name: "ocf-sample", dependencies: ["TandemCore"],
                          swiftSettings: swiftSettings),
        .executableTarget(name: "tandem-bench", dependencies: ["TandemCore", "CLibXML2"],
                          swiftSettings: swiftSettings),
        // The storage lab waits for cluster states with it (on the guests, from crm_mon XML).
        .executableTarget(name: "tandem-crm-wait", dependencies: ["TandemCore"],
                          swiftSettings: swiftSettings),
        // The admin command (`tandem status`, `tandem doctor`; `make demo` shows the cluster with
        // it): the only target with ArgumentParser.
        .executableTarget(name: "tandem",
                          dependencies: ["TandemCore",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          swiftSettings: swiftSettings),
        // Helpers the test targets share: fixture paths, running tools and built agents, and
        // the network-namespace lab (which reads addresses over rtnetlink, hence TandemNetwork).
        .target(name: "TandemTestSupport", dependencies: ["TandemCore", "TandemNetwork"], path: "Tests/TandemTestSupport",
                swiftSettings: swiftSettings),
        .testTarget(name: "TandemCoreTests", dependencies: ["TandemCore", "TandemTestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "drbdTests", dependencies: ["drbd", "TandemCore", "TandemTestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "lvmTests", dependencies: ["lvm", "TandemCore", "TandemTestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "iscsi-targetTests", dependencies: ["iscsi-target", "TandemCore", "TandemNetwork", "TandemTestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "TandemNetworkTests", dependencies: ["TandemNetwork", "floating-ip", "TandemCore", "TandemTestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "tandemTests", dependencies: ["tandem", "TandemCore", "TandemTestSupport"],
                    swiftSettings: swiftSettings),
        // A real Pacemaker cluster in network namespaces (scripts/cluster/nscluster); root.
        .testTarget(name: "ClusterIntegrationTests", dependencies: ["TandemCore", "TandemTestSupport"],
                    swiftSettings: swiftSettings),
    ]
)
