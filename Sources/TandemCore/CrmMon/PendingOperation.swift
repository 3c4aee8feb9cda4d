/// Something the cluster is in the middle of doing, as crm_mon shows it.
public enum PendingOperation: Sendable, Equatable {
    /// A resource action in flight: `pending` is set (with `record-pending`) or the
    /// role is transitional (Starting, Stopping, Promoting, Demoting, Migrating).
    case resource(id: String, role: ResourceRole, task: String?, nodes: [String])
    /// A fencing action whose status (or legacy `state`) is `pending`.
    case fencing(FenceEvent)
}
