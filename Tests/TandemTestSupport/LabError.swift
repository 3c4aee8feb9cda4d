/// A failure of a test's set-up itself (a tool that failed, a namespace that would not
/// come up), as opposed to what the test checks.
public struct LabError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
