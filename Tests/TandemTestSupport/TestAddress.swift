import TandemNetwork

/// A parsed address for tests; throws on a typo in the test itself.
public func addr(_ text: String) throws -> IPAddress {
    guard let address = IPAddress(text) else { throw LabError("test address \(text) does not parse") }
    return address
}
