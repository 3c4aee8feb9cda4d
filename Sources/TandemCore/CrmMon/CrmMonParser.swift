/// Parses crm_mon XML (`--output-as=xml` or legacy `--as-xml`) into a `ClusterStatus`.
///
/// Unknown elements and attributes are skipped, so newer Pacemaker output still parses;
/// anything that is not well-formed XML is a `CrmMonError`, never a crash.
public enum CrmMonParser {
    /// Parses a complete document held in memory (not copied).
    ///
    /// - Parameter bytes: the document, as crm_mon wrote it.
    /// - Returns: the typed status.
    /// - Throws: `CrmMonError.emptyInput`, `.malformedXML`, `.unexpectedRoot`,
    ///   `.missingAttribute`, `.invalidAttribute`, `.tooLarge`.
    public static func parse(bytes: [UInt8]) throws(CrmMonError) -> ClusterStatus {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(CrmMonError) in try parse(unsafeBuffer: buffer) }
        }.get()
    }

    /// Parses a document given as text.
    ///
    /// - Throws: as `parse(bytes:)`.
    public static func parse(string: String) throws(CrmMonError) -> ClusterStatus {
        var text = string
        return try text.withUTF8 { buffer in
            Result { () throws(CrmMonError) in try parse(unsafeBuffer: UnsafeRawBufferPointer(buffer)) }
        }.get()
    }

    /// Parses the document in the file at `path`.
    ///
    /// - Throws: `CrmMonError.unreadable` when the file cannot be read, else as `parse(bytes:)`.
    public static func parse(file path: String) throws(CrmMonError) -> ClusterStatus {
        let reader: XMLReader
        do { reader = try XMLReader(path: path) } catch { throw CrmMonError(error) }
        return try CrmMonDocumentParser(reader: reader).parseDocument()
    }

    /// Parses a document in memory the caller keeps alive for the duration of the call.
    ///
    /// - Throws: as `parse(bytes:)`.
    public static func parse(unsafeBuffer buffer: UnsafeRawBufferPointer) throws(CrmMonError) -> ClusterStatus {
        let reader: XMLReader
        do { reader = try XMLReader(unsafeBuffer: buffer) } catch { throw CrmMonError(error) }
        return try CrmMonDocumentParser(reader: reader).parseDocument()
    }
}
