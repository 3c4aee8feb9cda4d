// <summary> and <nodes>.
extension CrmMonDocumentParser {
    func parseSummary() throws(CrmMonError) -> ClusterSummary {
        let depth = reader.depth
        var summary = ClusterSummary()
        guard !reader.isEmptyElement else { return summary }
        while try next(depth) {
            switch reader.localName {
            case "stack":
                while reader.moveToNextAttribute() {
                    switch reader.localName {
                    case "type": summary.stack = reader.value.string
                    case "pacemakerd-state": summary.pacemakerdState = reader.value.string
                    default: break
                    }
                }
            case "current_dc": summary.dc = try parseCurrentDC()
            case "last_update":
                while reader.moveToNextAttribute() { if reader.localName.matches("time") { summary.lastUpdate = reader.value.string } }
            case "last_change":
                var change = ClusterSummary.Change()
                while reader.moveToNextAttribute() {
                    switch reader.localName {
                    case "time": change.time = reader.value.string
                    case "user": change.user = reader.value.string
                    case "client": change.client = reader.value.string
                    case "origin": change.origin = reader.value.string
                    default: break
                    }
                }
                summary.lastChange = change
            case "nodes_configured":
                while reader.moveToNextAttribute() {
                    if reader.localName.matches("number") { summary.nodesConfigured = try int("nodes_configured", "number") }
                }
            case "resources_configured":
                while reader.moveToNextAttribute() {
                    switch reader.localName {
                    case "number": summary.resourcesConfigured = try int("resources_configured", "number")
                    case "disabled": summary.resourcesDisabled = try int("resources_configured", "disabled")
                    case "blocked": summary.resourcesBlocked = try int("resources_configured", "blocked")
                    default: break
                    }
                }
            case "cluster_options": summary.options = try parseClusterOptions()
            default: break
            }
        }
        return summary
    }

    private func parseCurrentDC() throws(CrmMonError) -> ClusterSummary.DesignatedController {
        var dc = ClusterSummary.DesignatedController()
        while reader.moveToNextAttribute() {
            switch reader.localName {
            case "present": dc.present = try bool("current_dc", "present")
            case "name": dc.name = reader.value.string
            case "id": dc.id = reader.value.string
            case "version": dc.version = reader.value.string
            case "with_quorum": dc.withQuorum = try bool("current_dc", "with_quorum")
            case "mixed_version": dc.mixedVersion = try bool("current_dc", "mixed_version")
            default: break
            }
        }
        return dc
    }

    private func parseClusterOptions() throws(CrmMonError) -> ClusterOptions {
        var options = ClusterOptions()
        while reader.moveToNextAttribute() {
            switch reader.localName {
            case "stonith-enabled": options.stonithEnabled = try bool("cluster_options", "stonith-enabled")
            case "fencing-enabled": options.fencingEnabled = try bool("cluster_options", "fencing-enabled")
            case "symmetric-cluster": options.symmetricCluster = try bool("cluster_options", "symmetric-cluster")
            case "no-quorum-policy": options.noQuorumPolicy = .init(parsing: reader.value.string)
            case "maintenance-mode": options.maintenanceMode = try bool("cluster_options", "maintenance-mode")
            case "stop-all-resources": options.stopAllResources = try bool("cluster_options", "stop-all-resources")
            case "stonith-timeout-ms", "fencing-timeout-ms":
                options.stonithTimeoutMilliseconds = try milliseconds("cluster_options", "stonith-timeout-ms")
            case "priority-fencing-delay-ms":
                options.priorityFencingDelayMilliseconds = try milliseconds("cluster_options", "priority-fencing-delay-ms")
            default: break
            }
        }
        return options
    }

    func parseNode() throws(CrmMonError) -> ClusterNode {
        var node = ClusterNode()
        var named = false
        while reader.moveToNextAttribute() {
            switch reader.localName {
            case "name": node.name = reader.value.string; named = true
            case "id": node.id = reader.value.string
            case "online": node.online = try bool("node", "online")
            case "standby": node.standby = try bool("node", "standby")
            case "standby_onfail": node.standbyOnFail = try bool("node", "standby_onfail")
            case "maintenance": node.maintenance = try bool("node", "maintenance")
            case "pending": node.pending = try bool("node", "pending")
            case "unclean": node.unclean = try bool("node", "unclean")
            case "shutdown": node.shutdown = try bool("node", "shutdown")
            case "expected_up": node.expectedUp = try bool("node", "expected_up")
            case "is_dc": node.isDC = try bool("node", "is_dc")
            case "resources_running": node.resourcesRunning = try int("node", "resources_running")
            case "type": node.type = ClusterNode.Kind(rawValue: reader.value.string) ?? .unknown
            case "health": node.health = ClusterNode.Health(rawValue: reader.value.string) ?? .unknown
            case "feature_set": node.featureSet = reader.value.string
            default: break
            }
        }
        guard named else { throw missing("node", "name") }
        return node
    }
}
