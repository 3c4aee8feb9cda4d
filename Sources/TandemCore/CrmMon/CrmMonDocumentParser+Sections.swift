// <node_attributes>, <node_history>, <failures>, <fence_history>, <tickets>, <bans>.
extension CrmMonDocumentParser {
    func parseNodeAttributes(depth: Int) throws(CrmMonError) -> [NodeAttributes] {
        var result: [NodeAttributes] = []
        try forEachChild(of: depth, named: "node") { () throws(CrmMonError) in
            let nodeDepth = reader.depth, empty = reader.isEmptyElement
            var entry = NodeAttributes(node: try nodeName())
            if !empty {
                try forEachChild(of: nodeDepth, named: "attribute") { () throws(CrmMonError) in
                    var attribute = NodeAttributes.Attribute(name: "", value: "")
                    while reader.moveToNextAttribute() {
                        switch reader.localName {
                        case "name": attribute.name = reader.value.string
                        case "value": attribute.value = reader.value.string
                        case "expected": attribute.expected = reader.value.string
                        default: break
                        }
                    }
                    entry.attributes.append(attribute)
                }
            }
            result.append(entry)
        }
        return result
    }

    func parseNodeHistory(depth: Int) throws(CrmMonError) -> [NodeHistory] {
        var result: [NodeHistory] = []
        try forEachChild(of: depth, named: "node") { () throws(CrmMonError) in
            let nodeDepth = reader.depth, empty = reader.isEmptyElement
            var entry = NodeHistory(node: try nodeName())
            if !empty {
                try forEachChild(of: nodeDepth, named: "resource_history") { () throws(CrmMonError) in
                    entry.resources.append(try parseResourceHistory())
                }
            }
            result.append(entry)
        }
        return result
    }

    /// The `name` attribute of a per-node section entry.
    private func nodeName() throws(CrmMonError) -> String {
        while reader.moveToNextAttribute() {
            if reader.localName.matches("name") { return reader.value.string }
        }
        throw missing("node", "name")
    }

    private func parseResourceHistory() throws(CrmMonError) -> ResourceHistory {
        let depth = reader.depth, empty = reader.isEmptyElement
        var history = ResourceHistory()
        while reader.moveToNextAttribute() {
            switch reader.localName {
            case "id": history.id = reader.value.string
            case "orphan": history.orphan = try bool("resource_history", "orphan")
            case "migration-threshold": history.migrationThreshold = try score("resource_history", "migration-threshold")
            case "fail-count": history.failCount = try score("resource_history", "fail-count")
            case "last-failure": history.lastFailure = reader.value.string
            default: break
            }
        }
        guard !empty else { return history }
        try forEachChild(of: depth, named: "operation_history") { () throws(CrmMonError) in
            var operation = OperationHistory()
            while reader.moveToNextAttribute() {
                switch reader.localName {
                case "call": operation.call = try int("operation_history", "call")
                case "task": operation.task = reader.value.string
                case "interval": operation.intervalMilliseconds = try milliseconds("operation_history", "interval")
                case "rc": operation.rc = try int("operation_history", "rc")
                case "rc_text": operation.rcText = reader.value.string
                case "last-rc-change": operation.lastRCChange = reader.value.string
                case "last-run": operation.lastRun = reader.value.string
                case "exec-time": operation.execMilliseconds = try milliseconds("operation_history", "exec-time")
                case "queue-time": operation.queueMilliseconds = try milliseconds("operation_history", "queue-time")
                default: break
                }
            }
            history.operations.append(operation)
        }
        return history
    }

    func parseFailure() throws(CrmMonError) -> ResourceFailure {
        var failure = ResourceFailure()
        while reader.moveToNextAttribute() {
            switch reader.localName {
            case "op_key", "id": failure.operationKey = reader.value.string
            case "node": failure.node = reader.value.string
            case "exitstatus": failure.exitStatus = reader.value.string
            case "exitreason": failure.exitReason = reader.value.matches("none") ? "" : reader.value.string
            case "exitcode": failure.exitCode = try int("failure", "exitcode")
            case "call": failure.call = try int("failure", "call")
            case "status": failure.status = reader.value.string
            case "last-rc-change": failure.lastRCChange = reader.value.string
            case "queued": failure.queuedMilliseconds = try milliseconds("failure", "queued")
            case "exec": failure.execMilliseconds = try milliseconds("failure", "exec")
            case "interval": failure.intervalMilliseconds = try milliseconds("failure", "interval")
            case "task": failure.task = reader.value.string
            default: break
            }
        }
        return failure
    }

    func parseFenceEvent() -> FenceEvent {
        var event = FenceEvent()
        while reader.moveToNextAttribute() {
            switch reader.localName {
            // 2.0.1–2.0.2 wrote the status as `state`.
            case "status", "state": event.status = FenceEvent.Status(rawValue: reader.value.string) ?? .unknown
            case "extended-status": event.extendedStatus = reader.value.string
            case "exit-reason": event.exitReason = reader.value.string
            case "delegate": event.delegate = reader.value.string
            case "action": event.action = reader.value.string
            case "target": event.target = reader.value.string
            case "client": event.client = reader.value.string
            case "origin": event.origin = reader.value.string
            case "completed": event.completed = reader.value.string
            default: break
            }
        }
        return event
    }

    func parseTicket() throws(CrmMonError) -> Ticket {
        var ticket = Ticket()
        while reader.moveToNextAttribute() {
            switch reader.localName {
            case "id": ticket.id = reader.value.string
            case "status": ticket.granted = reader.value.matches("granted")
            case "standby": ticket.standby = try bool("ticket", "standby")
            case "last-granted": ticket.lastGranted = reader.value.string
            default: break
            }
        }
        return ticket
    }

    func parseBan() throws(CrmMonError) -> ResourceBan {
        var ban = ResourceBan()
        var sawPromotedOnly = false
        while reader.moveToNextAttribute() {
            switch reader.localName {
            case "id": ban.id = reader.value.string
            case "resource": ban.resource = reader.value.string
            case "node": ban.node = reader.value.string
            case "weight": ban.weight = try score("ban", "weight")
            // `promoted-only` (≥ 2.1) wins over the deprecated duplicate `master_only`.
            case "promoted-only": ban.promotedOnly = try bool("ban", "promoted-only"); sawPromotedOnly = true
            case "master_only": if !sawPromotedOnly { ban.promotedOnly = try bool("ban", "master_only") }
            default: break
            }
        }
        return ban
    }
}
