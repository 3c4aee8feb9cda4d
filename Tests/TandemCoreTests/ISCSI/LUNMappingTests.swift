import Testing
@testable import TandemCore

@Suite struct LUNMappingTests {
    @Test func lunMaps() throws {
        let map = try #require(WordList<LUNMapping>(ocfText: "0:/dev/vg0/lun0 1:/dev/drbd/by-res/r0/0"))
        #expect(map.map(\.number) == [0, 1])
        #expect(map.last?.path.text == "/dev/drbd/by-res/r0/0")
        #expect(LUNMapping("16383:/dev/x")?.number == 16383)
    }

    @Test(arguments: ["", "0", "0:", ":/dev/x", "-1:/dev/x", "16384:/dev/x", "a:/dev/x", "+1:/dev/x",
                      "0:dev/x", "0:/dev/../etc/passwd", "0:/dev/./x", "0:/dev/x y", "0:/dev/x\n",
                      "00000000001:/dev/x", "0:/dev/x,y", "1 :/dev/x"])
    func invalid(text: String) { #expect(LUNMapping(text) == nil, "\(text.debugDescription)") }

    @Test func pathProblemsSayWhy() {
        #expect(DevicePath.problem("relative") == "is not an absolute path")
        #expect(DevicePath.problem("/a/../b") == "has a . or .. component")
        #expect(DevicePath.problem("/a\tb") == "has white space or control characters")
        #expect(DevicePath.problem("/dev/vg0/lun0") == nil)
        #expect(DevicePath.problem("/a\u{7F}b") == "has white space or control characters")
        #expect(DevicePath.problem("/a\u{00A0}b") == "has white space or control characters")  // Unicode's white space
        #expect(DevicePath.problem("/a\u{2028}b") == "has white space or control characters")
        #expect(DevicePath.problem("/dev/disk/by-label/données") == nil)
        #expect(DevicePath.problem("/a/.../b") == nil && DevicePath.problem("/a/.b") == nil)
        #expect(DevicePath.problem("/a//b/") == nil)
        #expect(DevicePath.problem("/a,b") == "has a comma")
        #expect(LUNMapping("007:/dev/x")?.number == 7)
    }
}
