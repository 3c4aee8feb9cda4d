import Testing
@testable import iscsi_target

/// How LIOBackend follows a LUN's link to its storage object: configfs shows each link relative
/// to the directory it is in (as captured from the 6.1 kernel in lab/capture-lio-fixtures).
@Suite struct LIOBackendTests {
    static let root = "/sys/kernel/config/target"
    static let lunDirectory = root + "/iscsi/iqn.2026-01.org.tandem.lab:capture/tpgt_1/lun/lun_0"

    @Test(arguments: [
        ("../../../../../../target/core/iblock_549940058/p_capture-lun0", "core/iblock_549940058/p_capture-lun0"),
        ("/sys/kernel/config/target/core/iblock_1/x", "core/iblock_1/x"),
        ("./../../../../.././../target/core//iblock_2/y/", "core/iblock_2/y"),
    ])
    func resolvesLinksUnderTheRoot(link: String, expected: String) {
        #expect(LIOBackend.resolve(link, from: Self.lunDirectory, root: Self.root) == expected)
    }

    @Test(arguments: ["../../../../../../../../etc/passwd", "/sys/kernel/config/target", "/sys/kernel/config/targets/x",
                      "/tmp/target/core/iblock_1/x"])
    func refusesLinksOutsideTheRoot(link: String) {
        #expect(LIOBackend.resolve(link, from: Self.lunDirectory, root: Self.root) == nil)
    }

    @Test func splitsPathsIntoComponents() {
        #expect(LIOBackend.pathComponents("/a//b/c/") == ["a", "b", "c"])
        #expect(LIOBackend.pathComponents("") == [])
        #expect(LIOBackend.pathComponents("x") == ["x"])
    }
}
