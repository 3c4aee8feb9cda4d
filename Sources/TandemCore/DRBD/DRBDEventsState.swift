/// The resources known from a sequence of `drbdsetup events2` lines; used by both the
/// one-shot `--now` reader and the streaming reader.
///
/// Lines are applied atomically: when a line throws, the state is as before it. Unknown keys
/// are ignored, as are `call`/`response` helper lines, `path` objects and object kinds this
/// library does not model (they cannot affect the derived flags). Contradictions — a device
/// of a resource never announced, a second `create` for the same object — are errors, since
/// state built on a lost line would be silently wrong.
struct DRBDEventsState: Sendable {
    typealias Location = DRBDStateError.Location

    /// Resources in the order they appeared.
    private(set) var resources: [DRBDResource] = []
    /// True once `exists -` has been seen.
    private(set) var initialStateComplete = false

    func resource(named name: String) -> DRBDResource? { resources.first { $0.name == name } }

    mutating func apply(_ line: DRBDEventsLine) throws(DRBDStateError) -> DRBDEventsUpdate? {
        let at = Location.line(line.number)
        switch line.action {
        case .call, .response: return nil
        case .rename: return try rename(line, at: at)
        case .exists, .create, .change, .destroy: break
        }
        if line.object == "-" {
            guard line.action == .exists else { throw malformed(line, "'-' only follows 'exists'") }
            initialStateComplete = true
            return .initialStateComplete
        }
        guard let object = DRBDEventsUpdate.Object(rawValue: line.object), let name = line.resourceName else {
            return nil
        }
        if object == .resource { return try applyResource(line, name: name, at: at) }
        guard let index = resources.firstIndex(where: { $0.name == name }) else {
            throw .inconsistent(at: at, reason: "\(line.object) of unknown resource '\(name)'")
        }
        var resource = resources[index]
        var notes = resource.unrecognizedWords
        switch object {
        case .connection: try applyConnection(line, to: &resource, notes: &notes, at: at)
        case .device: try applyDevice(line, to: &resource, notes: &notes, at: at)
        case .peerDevice: try applyPeerDevice(line, to: &resource, notes: &notes, at: at)
        case .resource: break
        }
        resource.unrecognizedWords = notes
        resources[index] = resource
        return .changed(resource: name, object: object)
    }

    // MARK: - Objects

    private mutating func applyResource(_ line: DRBDEventsLine, name: String,
                                        at: Location) throws(DRBDStateError) -> DRBDEventsUpdate? {
        let index = resources.firstIndex { $0.name == name }
        switch (line.action, index) {
        case (.exists, nil), (.create, nil):
            var resource = DRBDResource(name: name, role: try required(Self.roleKey, in: line, at: at))
            var notes: [String] = []
            try Self.applyResourceFields(line.fields, to: &resource, at: at, notes: &notes)
            resource.unrecognizedWords += notes
            resources.append(resource)
        case (.change, let index?):
            var resource = resources[index]
            var notes = resource.unrecognizedWords
            try Self.applyResourceFields(line.fields, to: &resource, at: at, notes: &notes)
            resource.unrecognizedWords = notes
            resources[index] = resource
        case (.destroy, let index?):
            resources.remove(at: index)
            return .removed(resource: name)
        default:
            throw conflict(line, name, exists: index != nil)
        }
        return .changed(resource: name, object: .resource)
    }

    private func applyConnection(_ line: DRBDEventsLine, to resource: inout DRBDResource, notes: inout [String],
                                 at: Location) throws(DRBDStateError) {
        let peer = try DRBDFieldParser.integer(try field("peer-node-id", in: line, at: at), key: "peer-node-id", at: at)
        let index = resource.connections.firstIndex { $0.peerNodeID == peer }
        switch (line.action, index) {
        case (.exists, nil), (.create, nil):
            var connection = DRBDConnection(
                peerNodeID: peer, state: try tolerated(ConnectionState.self, key: "connection", in: line, at: at,
                                                      placeholder: .unconnected, notes: &notes),
                peerRole: try required(Self.roleKey, in: line, at: at))
            try Self.applyConnectionFields(line.fields, to: &connection, at: at, notes: &notes)
            resource.connections.append(connection)
        case (.change, let index?):
            try Self.applyConnectionFields(line.fields, to: &resource.connections[index], at: at, notes: &notes)
        case (.destroy, let index?):
            resource.connections.remove(at: index)
        default:
            throw conflict(line, "\(resource.name) peer \(peer)", exists: index != nil)
        }
    }

    private func applyDevice(_ line: DRBDEventsLine, to resource: inout DRBDResource, notes: inout [String],
                             at: Location) throws(DRBDStateError) {
        let volume = try DRBDFieldParser.integer(try field("volume", in: line, at: at), key: "volume", at: at)
        let index = resource.devices.firstIndex { $0.volume == volume }
        switch (line.action, index) {
        case (.exists, nil), (.create, nil):
            var device = DRBDDevice(volume: volume, disk: try tolerated(DiskState.self, key: "disk", in: line, at: at,
                                                                     placeholder: .unknown, notes: &notes))
            try Self.applyDeviceFields(line.fields, to: &device, at: at, notes: &notes)
            resource.devices.append(device)
        case (.change, let index?):
            try Self.applyDeviceFields(line.fields, to: &resource.devices[index], at: at, notes: &notes)
        case (.destroy, let index?):
            resource.devices.remove(at: index)
        default:
            throw conflict(line, "\(resource.name) volume \(volume)", exists: index != nil)
        }
    }

    private func applyPeerDevice(_ line: DRBDEventsLine, to resource: inout DRBDResource, notes: inout [String],
                                 at: Location) throws(DRBDStateError) {
        let peer = try DRBDFieldParser.integer(try field("peer-node-id", in: line, at: at), key: "peer-node-id", at: at)
        let volume = try DRBDFieldParser.integer(try field("volume", in: line, at: at), key: "volume", at: at)
        guard let connectionIndex = resource.connections.firstIndex(where: { $0.peerNodeID == peer }) else {
            throw .inconsistent(at: at, reason: "peer-device of unknown connection \(resource.name) peer \(peer)")
        }
        var connection = resource.connections[connectionIndex]
        let index = connection.peerDevices.firstIndex { $0.volume == volume }
        switch (line.action, index) {
        case (.exists, nil), (.create, nil):
            var peerDevice = DRBDPeerDevice(
                volume: volume,
                replication: try tolerated(ReplicationState.self, key: "replication", in: line, at: at,
                                           placeholder: .off, notes: &notes),
                peerDisk: try tolerated(DiskState.self, key: "peer-disk", in: line, at: at,
                                        placeholder: .unknown, notes: &notes))
            try Self.applyPeerDeviceFields(line.fields, to: &peerDevice, at: at, notes: &notes)
            connection.peerDevices.append(peerDevice)
        case (.change, let index?):
            try Self.applyPeerDeviceFields(line.fields, to: &connection.peerDevices[index], at: at, notes: &notes)
        case (.destroy, let index?):
            connection.peerDevices.remove(at: index)
        default:
            throw conflict(line, "\(resource.name) peer \(peer) volume \(volume)", exists: index != nil)
        }
        resource.connections[connectionIndex] = connection
    }

    private mutating func rename(_ line: DRBDEventsLine, at: Location) throws(DRBDStateError) -> DRBDEventsUpdate? {
        guard line.object == "resource", let old = line.resourceName else { return nil }
        let new = try field("new_name", in: line, at: at)
        guard let index = resources.firstIndex(where: { $0.name == old }) else {
            throw .inconsistent(at: at, reason: "rename of unknown resource '\(old)'")
        }
        guard resource(named: new) == nil else {
            throw .inconsistent(at: at, reason: "rename to existing resource '\(new)'")
        }
        resources[index].name = new
        return .renamed(from: old, to: new)
    }

    // MARK: - Helpers

    private static let roleKey = "role"

    private func field(_ key: String, in line: DRBDEventsLine, at: Location) throws(DRBDStateError) -> String {
        guard let value = line.fields[key] else { throw .missingField(at: at, key: key) }
        return value
    }

    private func required<Word: DRBDVocabulary>(_ type: Word.Type, key: String, in line: DRBDEventsLine,
                                                at: Location) throws(DRBDStateError) -> Word {
        try DRBDFieldParser.word(Word.self, try field(key, in: line, at: at), key: key, at: at)
    }

    /// A required state word other than the role: unknown words are noted and stand in as
    /// `placeholder` (the agent then leaves the promotion score alone).
    private func tolerated<Word: DRBDVocabulary>(_ type: Word.Type, key: String, in line: DRBDEventsLine, at: Location,
                                                 placeholder: Word, notes: inout [String]) throws(DRBDStateError) -> Word {
        DRBDFieldParser.word(Word.self, try field(key, in: line, at: at), key: key, at: at, unrecognized: &notes)
            ?? placeholder
    }

    private func required(_ key: String, in line: DRBDEventsLine, at: Location) throws(DRBDStateError) -> DRBDRole {
        try required(DRBDRole.self, key: key, in: line, at: at)
    }

    private func conflict(_ line: DRBDEventsLine, _ what: String, exists: Bool) -> DRBDStateError {
        .inconsistent(at: .line(line.number), reason: exists
            ? "\(line.action.rawValue) \(line.object) \(what), which already exists"
            : "\(line.action.rawValue) \(line.object) \(what), which does not exist")
    }

    private func malformed(_ line: DRBDEventsLine, _ reason: String) -> DRBDStateError {
        .malformedLine(.events2, line: line.number, text: "\(line.action.rawValue) \(line.object)", reason: reason)
    }
}
