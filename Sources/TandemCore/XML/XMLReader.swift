import CLibXML2
import CTandem
import Glibc

/// A thin, forward-only reader over libxml2's `xmlTextReader`.
///
/// The network is never touched (`XML_PARSE_NONET`), entities are not substituted and no
/// external DTD is loaded; blank text nodes are dropped. Errors go to a per-reader
/// structured handler and surface as `XMLError` values; nothing is printed to stderr.
/// Names and values are borrowed views (`XMLName`, `XMLValue`) valid until the next move.
public final class XMLReader {
    private let reader: xmlTextReaderPtr
    private let sink: XMLErrorSink
    /// A copy of the document owned by this reader (nil when the caller owns the bytes).
    private let ownedBuffer: UnsafeMutableRawBufferPointer?
    /// A NUL byte standing in for "no name"/"no value" (kept per reader: no shared state).
    private let emptyString: UnsafeMutablePointer<UInt8>

    /// The options every reader uses.
    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue
                                    | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Reads a document from memory the caller keeps alive and unchanged while the reader exists.
    ///
    /// - Parameter unsafeBuffer: the document bytes; not copied.
    /// - Throws: `XMLError.emptyDocument`, `.tooLarge`, `.readerUnavailable`.
    public convenience init(unsafeBuffer: UnsafeRawBufferPointer) throws(XMLError) {
        try self.init(buffer: unsafeBuffer, owned: nil)
    }

    /// Reads a document from a copy of `bytes`.
    ///
    /// - Throws: `XMLError.emptyDocument`, `.tooLarge`, `.readerUnavailable`.
    public convenience init(bytes: [UInt8]) throws(XMLError) {
        guard !bytes.isEmpty else { throw .emptyDocument }
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        bytes.withUnsafeBytes { copy.copyMemory(from: $0) }
        try self.init(buffer: UnsafeRawBufferPointer(copy), owned: copy)
    }

    /// Reads the document in the file at `path` (read with plain syscalls, so a missing
    /// file is an `XMLError.unreadable`, not a libxml2 message on stderr).
    ///
    /// - Throws: `XMLError.unreadable`, `.emptyDocument`, `.tooLarge`, `.readerUnavailable`.
    public convenience init(path: String) throws(XMLError) {
        let buffer = try Self.readFile(path)
        try self.init(buffer: UnsafeRawBufferPointer(buffer), owned: buffer)
    }

    private init(buffer: UnsafeRawBufferPointer, owned: UnsafeMutableRawBufferPointer?) throws(XMLError) {
        func fail(_ error: XMLError) -> XMLError { owned?.deallocate(); return error }
        guard let base = buffer.baseAddress, buffer.count > 0 else { throw fail(.emptyDocument) }
        guard buffer.count <= Int(Int32.max) else { throw fail(.tooLarge(bytes: buffer.count)) }
        let created = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
            ctandem_xmlReaderForMemory(chars, Int32(buffer.count), Self.parseOptions)
        }
        guard let created else { throw fail(.readerUnavailable) }
        reader = created
        sink = XMLErrorSink()
        ownedBuffer = owned
        emptyString = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        emptyString.initialize(to: 0)
        ctandem_xmlTextReaderSetStructuredErrorHandler(reader, XMLErrorSink.callback,
                                               Unmanaged.passUnretained(sink).toOpaque())
    }

    deinit {
        ctandem_xmlFreeTextReader(reader)
        ownedBuffer?.deallocate()
        emptyString.deallocate()
    }

    /// Moves to the next node in document order.
    ///
    /// - Returns: false at the end of the document.
    /// - Throws: `XMLError.malformed` with libxml2's line and message when the input is not
    ///   well-formed (including truncated input).
    @inline(__always)
    public func read() throws(XMLError) -> Bool {
        let result = ctandem_xmlTextReaderRead(reader)
        if result == 1 { return true }
        if result == 0, sink.first == nil { return false }
        throw sink.first ?? .malformed(line: lineNumber, column: 0, message: "parse error")
    }

    /// What the reader is positioned on.
    @inline(__always)
    public var kind: XMLNodeKind { XMLNodeKind(readerType: ctandem_xmlTextReaderNodeType(reader)) }

    /// Nesting depth of the current node; the root element is at depth 0.
    @inline(__always)
    public var depth: Int { Int(ctandem_xmlTextReaderDepth(reader)) }

    /// True for `<x/>`, which has no end-element node. Ask before moving to attributes.
    @inline(__always)
    public var isEmptyElement: Bool { ctandem_xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The local name of the current element or attribute.
    @inline(__always)
    public var localName: XMLName {
        // libxml2 returns NULL only for nodes without a name (text); "" stands in.
        XMLName(ctandem_xmlTextReaderConstLocalName(reader) ?? UnsafePointer(emptyString))
    }

    /// The value of the current attribute or text node.
    @inline(__always)
    public var value: XMLValue { XMLValue(ctandem_xmlTextReaderConstValue(reader) ?? UnsafePointer(emptyString)) }

    /// Moves to the element's first attribute, then to each next one.
    ///
    /// - Returns: false when there are no more attributes.
    @inline(__always)
    public func moveToNextAttribute() -> Bool { ctandem_xmlTextReaderMoveToNextAttribute(reader) == 1 }

    /// Moves back from an attribute to its element.
    public func moveToElement() { _ = ctandem_xmlTextReaderMoveToElement(reader) }

    /// The line libxml2 has reached (for error messages).
    public var lineNumber: Int { Int(ctandem_xmlTextReaderGetParserLineNumber(reader)) }

    /// Moves to the next element at the start of the document (the root).
    ///
    /// - Returns: false when the document has no element.
    public func readRootElement() throws(XMLError) -> Bool {
        while try read() { if kind == .element { return true } }
        return false
    }

    /// Moves to the next child element of the element at `parentDepth`, passing over text
    /// and anything nested deeper (unknown subtrees are read through, never an error).
    /// Call only on a parent that is not `isEmptyElement`.
    ///
    /// - Returns: false at the parent's end tag.
    @inline(__always)
    public func nextChildElement(ofDepth parentDepth: Int) throws(XMLError) -> Bool {
        while try read() {
            let type = ctandem_xmlTextReaderNodeType(reader)
            if type == Int32(XML_READER_TYPE_ELEMENT.rawValue) {
                if ctandem_xmlTextReaderDepth(reader) == Int32(parentDepth + 1) { return true }
            } else if type == Int32(XML_READER_TYPE_END_ELEMENT.rawValue) {
                if ctandem_xmlTextReaderDepth(reader) == Int32(parentDepth) { return false }
            }
        }
        return false
    }

    /// The concatenated text inside the current element, leaving the reader on its end tag.
    public func readElementText() throws(XMLError) -> String {
        if isEmptyElement { return "" }
        let elementDepth = depth
        var text = ""
        while try read() {
            switch kind {
            case .text: text += value.string
            case .endElement where depth == elementDepth: return text
            default: continue
            }
        }
        return text
    }

    private static func readFile(_ path: String) throws(XMLError) -> UnsafeMutableRawBufferPointer {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, errno: Errno.current) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, errno: Errno.current) }
        var capacity = max(Int(info.st_size), 0) + 1
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
        var used = 0
        while true {
            if used == capacity {
                // The file grew (or st_size was 0 for a pipe-like file): double the buffer.
                let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity * 2, alignment: 1)
                bigger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<used]))
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
            let count = Glibc.read(fd, buffer.baseAddress.map { $0 + used }, capacity - used)
            if count > 0 { used += count; continue }
            if count == 0 { break }
            if Errno.current == EINTR { continue }
            let code = Errno.current
            buffer.deallocate()
            throw .unreadable(path: path, errno: code)
        }
        guard used > 0 else { buffer.deallocate(); throw .emptyDocument }
        return UnsafeMutableRawBufferPointer(rebasing: buffer[0..<used])
    }
}
