/// What the checks read: the CIB, and this node's configuration files where present.
struct DoctorContext {
    /// A local configuration: read, not there, not asked for, or unreadable.
    enum Local<Value> {
        case read(Value)
        /// Not on this node (e.g. no /etc/drbd.conf).
        case absent
        /// Not read (`--no-local`, or `--cib` of another cluster).
        case skipped
        case failed(String)

        var value: Value? {
            if case .read(let value) = self { return value }
            return nil
        }
    }

    let cib: CIBDocument
    let drbd: Local<DRBDConfigurationDump>
    let lvmFilter: Local<LVMFilter>
    let corosync: Local<CorosyncQuorum>
    /// A client's iscsid.conf and multipath.conf, when given (`--iscsid-conf`).
    var client: Local<ClientTimeouts> = .skipped

    var layout: SANLayout { SANLayout(cib: cib) }

    /// Nodes: the CIB's, or corosync's nodelist when the CIB has none yet.
    var nodeCount: Int { max(cib.nodes.count, corosync.value?.nodeCount ?? 0) }
}
