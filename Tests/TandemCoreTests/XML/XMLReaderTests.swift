import Glibc
import Testing
@testable import TandemCore

@Suite struct XMLReaderTests {
    @Test func walksElementsAndAttributesWithoutStrings() throws {
        let reader = try XMLReader(bytes: Array("<a x=\"1\" yy=\"true\"><b z=\"10s\"/>text<c/></a>".utf8))
        #expect(try reader.readRootElement())
        #expect(reader.localName.matches("a") && !reader.localName.matches("ab") && !reader.localName.matches(""))
        var seen: [String] = []
        while reader.moveToNextAttribute() {
            switch reader.localName {
            case "x": #expect(reader.value.int == 1)
            case "yy": #expect(reader.value.bool == true)
            default: Issue.record("unexpected attribute")
            }
            seen.append(reader.localName.string)
        }
        #expect(seen == ["x", "yy"])
        var children: [String] = []
        while try reader.nextChildElement(ofDepth: 0) {
            children.append(reader.localName.string)
            if reader.localName.matches("b"), reader.moveToNextAttribute() {
                #expect(reader.value.milliseconds == 10_000)
            }
        }
        #expect(children == ["b", "c"])
        #expect(try !reader.read())
    }

    @Test func values() throws {
        let reader = try XMLReader(bytes: Array("<v a=\"10000ms\" b=\"10000\" c=\"2min\" d=\"-5\" e=\"9223372036854775808\" f=\"off\" g=\"1h\" h=\"3x\" i=\"\"/>".utf8))
        #expect(try reader.readRootElement())
        var values: [String: (Int?, Int?, Bool?)] = [:]
        while reader.moveToNextAttribute() {
            values[reader.localName.string] = (reader.value.milliseconds, reader.value.int, reader.value.bool)
        }
        #expect(values["a"]?.0 == 10_000 && values["a"]?.1 == nil)
        #expect(values["b"]?.0 == 10_000 && values["b"]?.1 == 10_000)
        #expect(values["c"]?.0 == 120_000)
        #expect(values["d"]?.0 == nil && values["d"]?.1 == -5)
        #expect(values["e"]?.1 == nil)
        #expect(values["f"]?.2 == false)
        #expect(values["g"]?.0 == 3_600_000)
        #expect(values["h"]?.0 == nil)
        #expect(values["i"]?.0 == nil && values["i"]?.1 == nil && values["i"]?.2 == nil)
    }

    @Test func elementText() throws {
        let reader = try XMLReader(bytes: Array("<e>one &amp; <![CDATA[two]]></e>".utf8))
        #expect(try reader.readRootElement())
        #expect(try reader.readElementText() == "one & two")
    }

    @Test func missingFileIsTyped() {
        #expect(throws: XMLError.unreadable(path: "/nonexistent/x.xml", errno: ENOENT)) {
            try XMLReader(path: "/nonexistent/x.xml")
        }
    }

    @Test func malformedReportsLineAndWritesNothingToStderr() throws {
        // Redirect fd 2 into a pipe around the parse; libxml2 must not write there.
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        let saved = dup(2)
        dup2(fds[1], 2)
        var thrown: XMLError?
        do {
            let reader = try XMLReader(bytes: Array("<a>\n<b>\n</a>".utf8))
            while try reader.read() {}
        } catch {
            thrown = error
        }
        dup2(saved, 2)
        close(saved)
        close(fds[1])
        var buffer = [UInt8](repeating: 0, count: 4096)
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        let count = read(fds[0], &buffer, buffer.count)
        close(fds[0])
        #expect(count <= 0, "stderr got: \(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self))")
        guard case .malformed(let line, _, let message)? = thrown else { Issue.record("no error"); return }
        #expect(line == 3)
        #expect(message.contains("mismatch"))
    }
}
