import Foundation
import Glibc
import Testing
import TandemTestSupport
@testable import TandemCore

/// The configfs/sysfs attribute tree on a temporary directory: what the iscsi-target
/// backends and the lvm monitor do with the kernel's trees, minus the kernel's side.
@Suite struct AttributeTreeTests {
    final class Scratch {
        let directory: String
        let tree: AttributeTree
        init() throws {
            directory = try TestCommands.temporaryDirectory("attributes")
            tree = AttributeTree(root: directory)
        }
        deinit { TestCommands.removeDirectory(directory) }
    }

    @Test func objectsAttributesAndLinks() throws {
        let scratch = try Scratch()
        let tree = scratch.tree
        try tree.makeDirectory("iscsi")
        try tree.makeDirectory("iscsi")  // existing: success
        try tree.makeDirectory("iscsi/iqn.2024-01.org.tandem:t1")
        #expect(tree.isDirectory("iscsi/iqn.2024-01.org.tandem:t1"))
        #expect(FileManager.default.createFile(atPath: tree.path("iscsi/enable"), contents: Data("0\n".utf8)))
        #expect(try tree.read("iscsi/enable") == "0")
        try tree.write("iscsi/enable", "1")
        #expect(try tree.read("iscsi/enable") == "1")
        try tree.link("iscsi/lun_0", to: "../core/iblock_0/lun")
        try tree.link("iscsi/lun_0", to: "../core/iblock_0/lun")  // the same link again: success
        #expect(tree.linkTarget("iscsi/lun_0") == "../core/iblock_0/lun")
        #expect(throws: SystemError.self) { try tree.link("iscsi/lun_0", to: "../core/other") }
        #expect(try tree.children("iscsi") == ["enable", "iqn.2024-01.org.tandem:t1", "lun_0"])
        try tree.removeLink("iscsi/lun_0")
        try tree.removeLink("iscsi/lun_0")  // gone: success
        try tree.removeDirectory("iscsi/iqn.2024-01.org.tandem:t1")
        try tree.removeDirectory("iscsi/iqn.2024-01.org.tandem:t1")
        #expect(try tree.children("iscsi") == ["enable"])
        #expect(!tree.exists("iscsi/lun_0"))
    }

    /// Written in place: the inode stays (configfs and sysfs attributes cannot be replaced).
    @Test func writesInPlace() throws {
        let scratch = try Scratch()
        let file = scratch.tree.path("alua_access_state")
        #expect(FileManager.default.createFile(atPath: file, contents: Data("0\n".utf8)))
        var before = stat(), after = stat()
        #expect(stat(file, &before) == 0)
        try scratch.tree.write("alua_access_state", "1")
        #expect(stat(file, &after) == 0)
        #expect(before.st_ino == after.st_ino)
    }

    /// SCST marks a value that is not its default with a `[key]` line.
    @Test(arguments: [("1\n[key]\n", "1"), ("1\n", "1"), ("iqn.x:y\n[key]\n", "iqn.x:y"), ("", ""),
                      ("a\nb\n", "a\nb"), ("[key]\n", "[key]"),
                      ("v\n\n[key]\n", "v\n"), ("v\n\n\n", "v"), ("[key]", "[key]")])
    func valuesWithoutSCSTsKeyMarker(text: String, value: String) {
        #expect(AttributeTree.value(of: text) == value)
    }

    @Test func errorsNameTheCallAndTheErrno() throws {
        let scratch = try Scratch()
        let error = #expect(throws: SystemError.self) { try scratch.tree.read("missing") }
        #expect(error?.code == ENOENT)
        #expect(error?.call == "open(\(scratch.directory)/missing)")
        #expect(throws: SystemError.self) { try scratch.tree.write("missing", "1") }
        #expect(throws: SystemError.self) { try scratch.tree.children("missing") }
    }

    // Links as configfs shows them: relative to the directory they are in (captured from the
    // 6.1 kernel in lab/capture-lio-fixtures).
    static let root = "/sys/kernel/config/target"
    static let lunDirectory = root + "/iscsi/iqn.2026-01.org.tandem.lab:capture/tpgt_1/lun/lun_0"

    @Test(arguments: [
        ("../../../../../../target/core/iblock_549940058/p_capture-lun0", "core/iblock_549940058/p_capture-lun0"),
        ("/sys/kernel/config/target/core/iblock_1/x", "core/iblock_1/x"),
        ("./../../../../.././../target/core//iblock_2/y/", "core/iblock_2/y"),
    ])
    func resolvesLinksUnderTheRoot(link: String, expected: String) {
        #expect(AttributeTree.resolve(link, from: Self.lunDirectory, root: Self.root) == expected)
    }

    @Test(arguments: ["../../../../../../../../etc/passwd", "/sys/kernel/config/target", "/sys/kernel/config/targets/x",
                      "/tmp/target/core/iblock_1/x"])
    func refusesLinksOutsideTheRoot(link: String) {
        #expect(AttributeTree.resolve(link, from: Self.lunDirectory, root: Self.root) == nil)
    }

    @Test func splitsPathsIntoComponents() {
        #expect(AttributeTree.pathComponents("/a//b/c/") == ["a", "b", "c"])
        #expect(AttributeTree.pathComponents("") == [])
        #expect(AttributeTree.pathComponents("x") == ["x"])
    }

    @Test func linkedObjectsFromLinksInTheTree() throws {
        let scratch = try Scratch()
        let tree = scratch.tree
        try tree.makeDirectory("core")
        try tree.makeDirectory("core/so")
        try tree.makeDirectory("lun")
        try tree.makeDirectory("lun/lun_0")
        #expect(FileManager.default.createFile(atPath: tree.path("lun/lun_0/alua_tg_pt_gp"), contents: Data("x\n".utf8)))
        try tree.link("lun/lun_0/anyname", to: "../../core/so")
        #expect(tree.linkedObject("lun/lun_0/anyname") == "core/so")
        #expect(tree.linkedObject("lun/lun_0/alua_tg_pt_gp") == nil)
        #expect(tree.firstLinkedObject(in: "lun/lun_0") == "core/so")
        #expect(tree.firstLinkedObject(in: "lun") == nil)
        #expect(tree.firstLinkedObject(in: "missing") == nil)
    }
}

@Suite struct PollingTests {
    @Test func returnsTheFirstAnswerAndStopsAtTheDeadline() {
        let budget = OperationBudget(timeoutMilliseconds: 10_000)
        var calls = 0
        let found: Int? = budget.poll(every: 10) { calls += 1; return calls == 3 ? calls : nil }
        #expect(found == 3 && calls == 3)
        calls = 0
        let started = MonotonicInstant.now()
        let none: Int? = budget.poll(every: 50, until: started.adding(milliseconds: 300)) { calls += 1; return nil }
        #expect(none == nil)
        #expect(calls >= 3 && calls <= 7, "about 300 ms at 50 ms intervals, got \(calls)")
        #expect(started.milliseconds(until: .now()) < 1_000)
    }

    @Test func neverOutlivesTheBudget() {
        let budget = OperationBudget(timeoutMilliseconds: 500, reserveMilliseconds: 100)
        let started = MonotonicInstant.now()
        let none: Int? = budget.poll(every: 20, until: started.adding(milliseconds: 60_000)) { nil }
        #expect(none == nil)
        #expect(budget.started.milliseconds(until: .now()) <= 450)
    }

}
