import Testing
@testable import tandem

/// global_filter as the real lvmconfig prints it for the fixtures' lvm.conf directories.
@Suite struct LVMFilterTests {
    static func filter(_ directory: String) throws -> LVMFilter {
        let local = DoctorInputs(environment: [:]).lvmFilter(systemDirectory: DoctorFixture.path(directory))
        return try #require(local.value, "lvmconfig for \(directory): \(local)")
    }

    @Test func clusterAFilter() throws {
        let filter = try Self.filter("lvm-filtered")
        #expect(filter.patterns.map(\.text) == ["a|^/dev/drbd.*|", "r|.*|"])
        #expect(filter.accepts("/dev/drbd0"))
        #expect(!filter.accepts("/dev/sdb"))
        #expect(filter.decidingPattern(for: "/dev/sdb")?.text == "r|.*|")
    }

    @Test func defaultAcceptsEverything() throws {
        let filter = try Self.filter("lvm-default")
        #expect(filter.patterns.map(\.text) == ["a|.*|"])
        #expect(filter.accepts("/dev/sdb"))
    }

    /// lvmconfig prints a one-pattern list as a bare string.
    @Test func singlePattern() throws {
        let filter = try Self.filter("lvm-rejects-drbd")
        #expect(filter.patterns.map(\.text) == ["r|.*|"])
        #expect(!filter.accepts("/dev/drbd0"))
    }

    @Test func patternsWithOtherDelimiters() {
        #expect(LVMFilter.pattern("r/^\\/dev\\/sd.*/") == LVMFilter.Pattern(accept: false, expression: "^\\/dev\\/sd.*", text: "r/^\\/dev\\/sd.*/"))
        #expect(LVMFilter.pattern("x|y|") == nil)
        #expect(LVMFilter(patterns: []).accepts("/dev/anything"))
    }
}
