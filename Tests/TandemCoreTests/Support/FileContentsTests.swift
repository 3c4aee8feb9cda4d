import Glibc
import Testing
import TandemCore
import TandemTestSupport

@Suite struct FileContentsTests {
    @Test func writesAtomicallyReadsAndTellsTheAge() throws {
        let directory = try TestCommands.temporaryDirectory("file-contents")
        defer { TestCommands.removeDirectory(directory) }
        let path = directory + "/sub/state"
        #expect(FileContents.ageSeconds(path) == nil)
        try FileContents.writeAtomically(path, Array("one\n".utf8), createDirectory: true)
        #expect(FileContents.read(path) == Array("one\n".utf8))
        #expect(FileContents.read(path, limit: 2) == Array("on".utf8))
        #expect(FileContents.ageSeconds(path).map { (0...1).contains($0) } == true)
        // Ninety seconds in the past, as a file written earlier would be.
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var times = [timespec(tv_sec: now.tv_sec - 90, tv_nsec: 0), timespec(tv_sec: now.tv_sec - 90, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(FileContents.ageSeconds(path).map { (90...91).contains($0) } == true)
    }
}
