/// A parameter holding several values separated by whitespace (portals, initiator names,
/// LUN maps), each parsed once into `Element`; one bad word makes the whole text invalid, so
/// the exit reason names the parameter as it stands in the CIB.
public struct WordList<Element: OCFParameterValue>: OCFParameterValue, RandomAccessCollection {
    public let elements: [Element]

    public init(_ elements: [Element]) { self.elements = elements }

    public static var contentType: ParameterContentType { .string }

    /// Whitespace-separated words, each a valid `Element`; an empty text is an empty list.
    public init?(ocfText: String) {
        var elements: [Element] = []
        for word in ocfText.words() {
            guard let element = Element(ocfText: word) else { return nil }
            elements.append(element)
        }
        self.elements = elements
    }

    public var ocfText: String { elements.map { $0.ocfText }.joined(separator: " ") }
    public static var expectation: String { "a space-separated list, each \(Element.expectation)" }

    public var startIndex: Int { elements.startIndex }
    public var endIndex: Int { elements.endIndex }
    public subscript(position: Int) -> Element { elements[position] }
}
