/// tgtd's `show` of every target (`tgtadm --op show --mode target`), parsed: the text of
/// `tgt_target_show_all` (tgt 1.0.85, `usr/target.c`), nested by four-space indents.
struct TgtTargetList: Sendable, Equatable {
    struct Target: Sendable, Equatable {
        var tid: Int
        var name: String
        var state: String = ""
        var nexuses: [Nexus] = []
        var luns: [LUN] = []
        var incomingUsers: [String] = []
        var outgoingUsers: [String] = []
        /// `ALL`, addresses and initiator names, as bound.
        var acl: [String] = []

        /// "ready": logins and I/O are served (tgt's other state is "offline").
        var isReady: Bool { state == "ready" }
        /// The LUNs that serve data (LUN 0 is tgtd's own controller).
        var dataLUNs: [LUN] { luns.filter { $0.type != "controller" } }
    }

    /// An I_T nexus: one initiator's session.
    struct Nexus: Sendable, Equatable {
        var id: UInt64
        var initiator: String = ""
        var connections: [UInt32] = []
    }

    struct LUN: Sendable, Equatable {
        var number: Int
        var type: String = ""
        var scsiID: String = ""
        var scsiSerial: String = ""
        var online = true
        var backingType: String = ""
        /// nil for "None" (the controller).
        var backingPath: String?
        var backingFlags: String = ""
    }

    var targets: [Target]
    /// Why the text is not what tgtd prints, nil when it is. tgtd prints an initiator's own
    /// name and alias as they are, line breaks included, so an initiator that logs in can add
    /// lines; the shape tgtd always prints (each tid once, in increasing order; each target
    /// with its five sections, in order) is checked, and nothing is decided on a text that
    /// fails it.
    var problem: String?
    /// Every `Target N: name` header line, forged ones included (for a stop that must still
    /// find its own target when the text is malformed).
    var headers: [Header] = []

    struct Header: Sendable, Equatable {
        var tid: Int
        var name: String
    }

    static let sections = ["System information:", "I_T nexus information:", "LUN information:",
                           "Account information:", "ACL information:"]

    func target(tid: Int) -> Target? { targets.first { $0.tid == tid } }
    func target(named name: String) -> Target? { targets.first { $0.name == name } }

    /// Parses the text; lines it does not know are skipped (a newer tgtd may add some).
    init(parsing text: String) {
        var targets: [Target] = []
        var section = ""
        var sectionsSeen: [[String]] = []
        var problem: String?
        var headers: [Header] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let indent = rawLine.prefix { $0 == " " }.count / 4
            let line = rawLine.drop { $0 == " " }
            if indent == 0 {
                // "Target 3: iqn…"
                guard line.hasPrefix("Target "), let colon = line.firstIndex(of: ":"),
                      let tid = Int(line[line.index(line.startIndex, offsetBy: 7)..<colon]) else {
                    problem = problem ?? "an unexpected line at the top level"
                    continue
                }
                let name = String(line[line.index(after: colon)...].drop { $0 == " " })
                headers.append(Header(tid: tid, name: name))
                if let previous = targets.last, previous.tid >= tid {
                    problem = problem ?? "target \(tid) is listed after target \(previous.tid)"
                }
                targets.append(Target(tid: tid, name: name))
                sectionsSeen.append([])
                section = ""
                continue
            }
            guard !targets.isEmpty else {
                problem = problem ?? "lines before the first target"
                continue
            }
            let last = targets.count - 1
            if indent == 1 {
                section = String(line)
                sectionsSeen[last].append(section)
                continue
            }
            let (key, value) = Self.field(line)
            switch section {
            case "System information:":
                if key == "State" { targets[last].state = value }
            case "I_T nexus information:":
                if key == "I_T nexus", let id = UInt64(value) {
                    targets[last].nexuses.append(Nexus(id: id))
                } else if key == "Initiator", !targets[last].nexuses.isEmpty {
                    // "iqn… alias: none"
                    let name = value.split(separator: " ").first.map(String.init) ?? value
                    targets[last].nexuses[targets[last].nexuses.count - 1].initiator = name
                } else if key == "Connection", let cid = UInt32(value), !targets[last].nexuses.isEmpty {
                    targets[last].nexuses[targets[last].nexuses.count - 1].connections.append(cid)
                }
            case "LUN information:":
                if key == "LUN", let number = Int(value) {
                    targets[last].luns.append(LUN(number: number))
                    continue
                }
                guard !targets[last].luns.isEmpty else { continue }
                let index = targets[last].luns.count - 1
                switch key {
                case "Type": targets[last].luns[index].type = value
                case "SCSI ID": targets[last].luns[index].scsiID = value
                case "SCSI SN": targets[last].luns[index].scsiSerial = value
                case "Online": targets[last].luns[index].online = value == "Yes"
                case "Backing store type": targets[last].luns[index].backingType = value
                case "Backing store path": targets[last].luns[index].backingPath = value == "None" ? nil : value
                case "Backing store flags": targets[last].luns[index].backingFlags = value
                default: break
                }
            case "Account information:":
                if line.hasSuffix(" (outgoing)") {
                    targets[last].outgoingUsers.append(String(line.dropLast(" (outgoing)".count)))
                } else {
                    targets[last].incomingUsers.append(String(line))
                }
            case "ACL information:":
                targets[last].acl.append(String(line))
            default:
                problem = problem ?? "a line outside the sections tgtd prints"
            }
        }
        for (index, seen) in sectionsSeen.enumerated() where seen != Self.sections {
            problem = problem ?? "target \(targets[index].tid) does not have tgtd's five sections in order"
        }
        self.targets = targets
        self.problem = problem
        self.headers = headers
    }

    /// `Key: value` (the value may be empty; "Size: 67 MB, Block size: 512" keeps its tail).
    private static func field(_ line: Substring) -> (String, String) {
        guard let colon = line.firstIndex(of: ":") else { return (String(line), "") }
        return (String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
    }
}
