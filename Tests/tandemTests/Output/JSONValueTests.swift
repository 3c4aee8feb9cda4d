import Foundation
import Testing
@testable import tandem

@Suite struct JSONValueTests {
    /// What the renderer writes, Foundation's parser reads back the same.
    @Test func escapingRoundTrips() throws {
        let text = "quote \" backslash \\ newline \n tab \t bell \u{07} é"
        let value = JSONValue.object([("text", .string(text)), ("n", .int(-3)), ("x", .double(1.5)),
                                      ("none", .null), ("list", .array([.bool(true)])), ("empty", .object([]))])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(value.rendered.utf8)) as? [String: Any])
        #expect(parsed["text"] as? String == text)
        #expect(parsed["n"] as? Int == -3)
        #expect(parsed["x"] as? Double == 1.5)
        #expect(parsed["none"] is NSNull)
        #expect(parsed["list"] as? [Bool] == [true])
        #expect(value.rendered.contains("\\u0007"))
    }

    @Test func keysKeepTheirOrder() {
        #expect(JSONValue.object([("b", .int(1)), ("a", .int(2))]).rendered == "{\n  \"b\": 1,\n  \"a\": 2\n}\n")
    }
}
