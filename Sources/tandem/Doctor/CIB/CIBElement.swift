import TandemCore

/// One element of a CIB document with its attributes and children: the CIB is small (kilobytes
/// to a few megabytes) and the checks walk it in every direction, so it is read into a tree once.
struct CIBElement: Equatable, Sendable {
    let name: String
    let attributes: [String: String]
    let children: [CIBElement]

    subscript(_ attribute: String) -> String? { attributes[attribute] }

    func children(named name: String) -> [CIBElement] { children.filter { $0.name == name } }
    func child(named name: String) -> CIBElement? { children.first { $0.name == name } }

    /// Every descendant named `name`, depth first.
    func descendants(named name: String) -> [CIBElement] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(named: name) }
    }

    /// Reads a whole document.
    ///
    /// - Throws: `XMLError` when it is not well-formed, or has no root element.
    static func parse(_ reader: XMLReader) throws(XMLError) -> CIBElement {
        guard try reader.readRootElement() else { throw .emptyDocument }
        return try element(reader)
    }

    private static func element(_ reader: XMLReader) throws(XMLError) -> CIBElement {
        let name = reader.localName.string
        let depth = reader.depth
        let empty = reader.isEmptyElement
        var attributes: [String: String] = [:]
        while reader.moveToNextAttribute() { attributes[reader.localName.string] = reader.value.string }
        reader.moveToElement()
        var children: [CIBElement] = []
        if !empty {
            while try reader.nextChildElement(ofDepth: depth) { children.append(try element(reader)) }
        }
        return CIBElement(name: name, attributes: attributes, children: children)
    }
}
