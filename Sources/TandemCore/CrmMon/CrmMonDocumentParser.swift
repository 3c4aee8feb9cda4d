/// The recursive-descent walk over one crm_mon document. Each `parse…` function starts on
/// its element's start tag and returns on its end tag (or on the tag itself when empty).
struct CrmMonDocumentParser {
    let reader: XMLReader

    func parseDocument() throws(CrmMonError) -> ClusterStatus {
        guard try wrap({ () throws(XMLError) in try reader.readRootElement() }) else { throw .emptyInput }
        var status = ClusterStatus()
        let root = reader.localName
        let depth = reader.depth, empty = reader.isEmptyElement
        if root.matches("pacemaker-result") {
            var apiVersion = ""
            while reader.moveToNextAttribute() {
                let name = reader.localName
                if name.matches("api-version") { apiVersion = reader.value.string }
                else if name.matches("request") { status.request = reader.value.string }
            }
            status.format = .apiResult(apiVersion: apiVersion)
        } else if root.matches("crm_mon") {
            var version = ""
            while reader.moveToNextAttribute() { if reader.localName.matches("version") { version = reader.value.string } }
            status.format = .legacy(pacemakerVersion: version)
        } else {
            throw .unexpectedRoot(root.string)
        }
        if !empty {
            while try next(depth) { try parseSection(into: &status) }
        }
        // Read to the end so trailing garbage after the root is reported, not ignored.
        while try wrap({ () throws(XMLError) in try reader.read() }) {}
        return status
    }

    private func parseSection(into status: inout ClusterStatus) throws(CrmMonError) {
        let depth = reader.depth, empty = reader.isEmptyElement
        switch reader.localName {
        case "summary": status.summary = try parseSummary()
        case "nodes": if !empty { try forEachChild(of: depth, named: "node") { () throws(CrmMonError) in status.nodes.append(try parseNode()) } }
        case "resources": if !empty { status.resources = try parseResourceList(depth: depth) }
        case "node_attributes": if !empty { status.nodeAttributes = try parseNodeAttributes(depth: depth) }
        case "node_history": if !empty { status.nodeHistory = try parseNodeHistory(depth: depth) }
        case "failures": if !empty { try forEachChild(of: depth, named: "failure") { () throws(CrmMonError) in status.failures.append(try parseFailure()) } }
        case "fence_history": if !empty { try forEachChild(of: depth, named: "fence_event") { () throws(CrmMonError) in status.fenceHistory.append(parseFenceEvent()) } }
        case "tickets": if !empty { try forEachChild(of: depth, named: "ticket") { () throws(CrmMonError) in status.tickets.append(try parseTicket()) } }
        case "bans": if !empty { try forEachChild(of: depth, named: "ban") { () throws(CrmMonError) in status.bans.append(try parseBan()) } }
        case "status": status.result = try parseResultStatus()
        case "pacemakerd":
            while reader.moveToNextAttribute() { if reader.localName.matches("state") { status.pacemakerdState = reader.value.string } }
        case "crm-mon-disconnected":
            var disconnected = ClusterStatus.Disconnected()
            while reader.moveToNextAttribute() {
                let name = reader.localName
                if name.matches("description") { disconnected.description = reader.value.string }
                else if name.matches("pacemakerd-state") { disconnected.pacemakerdState = reader.value.string }
            }
            status.disconnected = disconnected
        default: break  // newer sections: skipped by the caller's walk
        }
    }

    private func parseResultStatus() throws(CrmMonError) -> CrmMonResultStatus {
        let depth = reader.depth, empty = reader.isEmptyElement
        var result = CrmMonResultStatus(code: 0, message: "")
        while reader.moveToNextAttribute() {
            switch reader.localName {
            case "code": result.code = try int("status", "code")
            case "message": result.message = reader.value.string
            default: break
            }
        }
        guard !empty else { return result }
        try forEachChild(of: depth, named: "errors") { () throws(CrmMonError) in
            let errorsDepth = reader.depth
            guard !reader.isEmptyElement else { return }
            try forEachChild(of: errorsDepth, named: "error") { () throws(CrmMonError) in
                result.errors.append(try wrap { () throws(XMLError) in try reader.readElementText() })
            }
        }
        return result
    }

    // MARK: - Walking and attribute helpers

    /// Moves to the next child element of the element at `depth`; false at its end tag.
    @inline(__always)
    func next(_ depth: Int) throws(CrmMonError) -> Bool {
        do { return try reader.nextChildElement(ofDepth: depth) } catch { throw CrmMonError(error) }
    }

    /// Calls `body` on each child element of the element at `depth` named `name`.
    @inline(__always)
    func forEachChild(of depth: Int, named name: StaticString,
                      _ body: () throws(CrmMonError) -> Void) throws(CrmMonError) {
        while try next(depth) { if reader.localName.matches(name) { try body() } }
    }

    @inline(__always)
    func wrap<T>(_ body: () throws(XMLError) -> T) throws(CrmMonError) -> T {
        do { return try body() } catch { throw CrmMonError(error) }
    }

    /// The current attribute as a boolean, or `invalidAttribute`.
    @inline(__always)
    func bool(_ element: StaticString, _ attribute: StaticString) throws(CrmMonError) -> Bool {
        guard let value = reader.value.bool else { throw invalid(element, attribute) }
        return value
    }

    /// The current attribute as an integer, or `invalidAttribute`.
    @inline(__always)
    func int(_ element: StaticString, _ attribute: StaticString) throws(CrmMonError) -> Int {
        guard let value = reader.value.int else { throw invalid(element, attribute) }
        return value
    }

    /// The current attribute as a duration in milliseconds, or `invalidAttribute`.
    @inline(__always)
    func milliseconds(_ element: StaticString, _ attribute: StaticString) throws(CrmMonError) -> Int {
        guard let value = reader.value.milliseconds else { throw invalid(element, attribute) }
        return value
    }

    /// The current attribute as a Pacemaker score (`INFINITY` allowed), or `invalidAttribute`.
    func score(_ element: StaticString, _ attribute: StaticString) throws(CrmMonError) -> Int {
        if let value = reader.value.int { return min(max(value, -PacemakerScore.infinity), PacemakerScore.infinity) }
        guard let value = PacemakerScore.parse(reader.value.string) else { throw invalid(element, attribute) }
        return value
    }

    func invalid(_ element: StaticString, _ attribute: StaticString) -> CrmMonError {
        .invalidAttribute(element: element.description, attribute: attribute.description,
                          value: reader.value.string, line: reader.lineNumber)
    }

    func missing(_ element: StaticString, _ attribute: StaticString) -> CrmMonError {
        .missingAttribute(element: element.description, attribute: attribute.description, line: reader.lineNumber)
    }
}
