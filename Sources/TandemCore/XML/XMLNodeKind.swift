import CLibXML2
import CTandem

/// The kinds of reader positions the parsers distinguish (libxml2's `xmlReaderTypes`).
public enum XMLNodeKind: Sendable, Equatable {
    case element
    case endElement
    case text
    case other

    @inline(__always)
    init(readerType: Int32) {
        switch readerType {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): self = .element
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): self = .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue): self = .text
        default: self = .other
        }
    }
}
