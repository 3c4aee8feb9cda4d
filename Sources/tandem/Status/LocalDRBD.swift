import TandemCore

/// The DRBD resources of this node, as the drbd agent reads them.
enum LocalDRBD: Equatable, Sendable {
    /// No DRBD module loaded (/proc/drbd absent): not a storage node, or DRBD is down.
    case notLoaded
    /// The state could not be read; the reason says why.
    case unreadable(String)
    case resources(version: String, source: Source, [Resource])

    /// Where the state came from.
    enum Source: String, Sendable {
        /// /proc/drbd (DRBD 8): no process.
        case procDRBD = "/proc/drbd"
        /// `drbdsetup events2 --now --statistics` (DRBD 9, whose /proc/drbd lists no minors).
        case events2 = "drbdsetup events2"
    }

    /// One resource, named when its name is known (/proc/drbd shows only minors: their names
    /// come from the drbd agent's minors files; a minor no file names is shown by number).
    struct Resource: Equatable, Sendable {
        let name: String?
        let state: DRBDResource

        var displayName: String {
            name ?? "minor " + state.devices.compactMap { $0.minor.map(String.init) }.joined(separator: ",")
        }
    }

    var list: [Resource] {
        if case .resources(_, _, let list) = self { return list }
        return []
    }
}
