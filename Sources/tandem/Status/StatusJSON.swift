import TandemCore

/// `tandem status --json`: schema `tandem-status/1`, documented in the README
/// ("tandem status --json"). Fields are only ever added within a version; a change of
/// meaning or a removal is a new version.
struct StatusJSON {
    let report: StatusReport

    var document: JSONValue {
        .object([
            ("schema", .string(StatusReport.schema)),
            ("problems", .array(report.problems.map(\.json))),
            ("cluster", cluster),
            ("drbd", drbd),
            ("lvm", report.local.map { .array($0.volumeGroups.map(Self.volumeGroup)) } ?? .null),
            ("floatingIPs", .array(report.floatingIPs.map { ip in
                .object([("id", .string(ip.id)), ("agent", .string(ip.agent)), ("nodes", .strings(ip.nodes))])
            })),
            ("failures", .array((report.cluster?.failures ?? []).map(Self.failure))),
            ("pending", .array((report.cluster?.pendingOperations ?? []).map(Self.pending))),
            ("targets", report.local.map { .array($0.targets.map(Self.target)) } ?? .null),
        ])
    }

    private var cluster: JSONValue {
        guard let status = report.cluster else {
            return .object([("connected", .bool(false)), ("error", .optional(report.clusterError))])
        }
        let options = status.summary?.options
        return .object([
            ("connected", .bool(status.isConnected)),
            ("error", .null),
            ("dc", .optional(status.dcName)),
            ("quorum", .bool(status.hasQuorum)),
            ("maintenanceMode", .optional(options?.maintenanceMode)),
            ("stonithEnabled", .optional(options?.stonithEnabled)),
            ("noQuorumPolicy", .optional(options?.noQuorumPolicy?.rawValue)),
            ("nodes", .array(status.nodes.map { node in
                .object([("name", .string(node.name)), ("state", .string(StatusText.nodeState(node))),
                         ("dc", .bool(node.isDC))])
            })),
            ("resources", .array(status.resources.map(Self.resource))),
        ])
    }

    private static func resource(_ resource: ClusterResource) -> JSONValue {
        let kind: String
        var promotable = false
        switch resource {
        case .primitive: kind = "primitive"
        case .group: kind = "group"
        case .clone(let clone): kind = "clone"; promotable = clone.promotable
        case .bundle: kind = "bundle"
        }
        return .object([
            ("id", .string(resource.id)), ("kind", .string(kind)), ("promotable", .bool(promotable)),
            ("instances", .array(resource.primitives.map { primitive in
                .object([("id", .string(primitive.id)), ("agent", .string(primitive.agent?.description ?? primitive.agentText)),
                         ("role", .string(primitive.role.rawValue)), ("nodes", .strings(primitive.nodeNames)),
                         ("failed", .bool(primitive.failed)), ("managed", .bool(primitive.managed))])
            })),
        ])
    }

    private var drbd: JSONValue {
        guard let local = report.local else { return .null }
        switch local.drbd {
        case .notLoaded:
            return .object([("loaded", .bool(false)), ("node", .string(local.nodeName))])
        case .unreadable(let reason):
            return .object([("loaded", .bool(true)), ("node", .string(local.nodeName)), ("error", .string(reason))])
        case .resources(let version, let source, let resources):
            return .object([
                ("loaded", .bool(true)), ("node", .string(local.nodeName)), ("error", .null),
                ("version", .string(version)), ("source", .string(source.rawValue)),
                ("resources", .array(resources.map(drbdResource))),
            ])
        }
    }

    private func drbdResource(_ resource: LocalDRBD.Resource) -> JSONValue {
        let state = resource.state
        return .object([
            ("name", .optional(resource.name)),
            ("role", .string(state.role.rawValue)),
            ("suspended", .bool(state.suspended)),
            ("devices", .array(state.devices.map { device in
                .object([("volume", .int(device.volume)), ("minor", .optional(device.minor)),
                         ("disk", .string(device.disk.rawValue))])
            })),
            ("connections", .array(state.connections.map { connection in
                .object([
                    ("peer", .optional(connection.name)), ("peerNodeId", .int(connection.peerNodeID)),
                    ("peerNode", .optional(report.peerNode(connection))),
                    ("state", .string(connection.state.rawValue)), ("peerRole", .string(connection.peerRole.rawValue)),
                    ("volumes", .array(connection.peerDevices.map { peer in
                        .object([("volume", .int(peer.volume)), ("peerDisk", .string(peer.peerDisk.rawValue)),
                                 ("replication", .string(peer.replication.rawValue)),
                                 ("syncPercent", peer.replication.isResyncing ? .optional(peer.sync?.donePercent) : .null),
                                 ("etaSeconds", peer.replication.isResyncing ? .optional(peer.sync?.finishSeconds) : .null)])
                    })),
                ])
            })),
        ])
    }

    private static func volumeGroup(_ group: ActiveVolumeGroup) -> JSONValue {
        .object([("name", .string(group.name)), ("volumes", .array(group.volumes.map { volume in
            .object([("name", .string(volume.name)), ("device", .string(volume.device)),
                     ("suspended", .bool(volume.suspended)), ("holders", .strings(volume.holders))])
        }))])
    }

    private static func target(_ target: LocalTarget) -> JSONValue {
        .object([("backend", .string(target.backend.rawValue)), ("iqn", .string(target.iqn)),
                 ("portalGroup", target.portalGroup.map { .int($0) } ?? .null), ("enabled", .bool(target.enabled)),
                 ("portals", .strings(target.portals)), ("sessions", .strings(target.sessions)),
                 ("luns", .array(target.luns.map { lun in
                     .object([("number", .int(lun.number)), ("device", .optional(lun.device)), ("serial", .string(lun.serial)),
                              ("groups", .array(lun.groups.map { group in
                                  .object([("name", .string(group.name)), ("id", group.id.map { .int($0) } ?? .null),
                                           ("state", .optional(group.state?.rawValue)), ("preferred", .bool(group.preferred)),
                                           ("local", .bool(group.local))])
                              }))])
                 }))])
    }

    private static func failure(_ failure: ResourceFailure) -> JSONValue {
        .object([("operation", .string(failure.operationKey)), ("resource", .string(failure.resourceID)),
                 ("node", .string(failure.node)), ("exitStatus", .string(failure.exitStatus)),
                 ("exitCode", .int(failure.exitCode)), ("exitReason", .string(failure.exitReason)),
                 ("status", .string(failure.status)), ("lastChange", .optional(failure.lastRCChange))])
    }

    private static func pending(_ operation: PendingOperation) -> JSONValue {
        switch operation {
        case .resource(let id, let role, let task, let nodes):
            return .object([("kind", .string("resource")), ("id", .string(id)), ("role", .string(role.rawValue)),
                            ("task", .optional(task)), ("nodes", .strings(nodes))])
        case .fencing(let event):
            return .object([("kind", .string("fencing")), ("id", .string(event.target)),
                            ("role", .null), ("task", .string(event.action)), ("nodes", .strings([event.target]))])
        }
    }
}
