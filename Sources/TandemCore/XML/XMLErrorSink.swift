import CLibXML2
import CTandem

/// Collects libxml2's structured errors for one reader.
///
/// Installed per reader with `xmlTextReaderSetStructuredErrorHandler`, so libxml2 never
/// falls back to its generic handler (which prints to stderr) and no global state changes.
final class XMLErrorSink {
    /// The first error or fatal error reported; later ones are usually consequences of it.
    private(set) var first: XMLError?

    /// The C callback; `context` is an unretained pointer to the sink.
    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let sink = Unmanaged<XMLErrorSink>.fromOpaque(context).takeUnretainedValue()
        sink.record(error.pointee)
    }

    private func record(_ error: xmlError) {
        guard first == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = error.message.map { String(cString: $0) } ?? "error \(error.code)"
        message = message.trimmingWhitespace()
        first = .malformed(line: Int(error.line), column: Int(error.int2), message: message)
    }
}
