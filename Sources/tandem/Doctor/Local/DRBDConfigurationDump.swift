/// What `tandem doctor` needs from `drbdadm dump all`: per resource, the fencing policy,
/// the handlers, dual-primary and the backing disks. `drbdadm dump` has already resolved
/// includes and common sections and written every statement on its own line; this reads
/// its statements (`words… ;` and `words… { … }`) into a tree first.
struct DRBDConfigurationDump: Equatable, Sendable {
    struct Resource: Equatable, Sendable {
        let name: String
        /// `allow-two-primaries yes` (or bare) in `net`.
        let allowsTwoPrimaries: Bool
        /// `fencing` from `disk` (DRBD 8.4) or `net` (DRBD 9); nil when unset (dont-care).
        let fencing: String?
        /// `handlers { name value; }`.
        let handlers: [String: String]
        /// `disk` of every `on HOST` section (and of the resource, for a shared one).
        let backingDisks: [String]
        /// `device` paths (`/dev/drbd0`).
        let devices: [String]
    }

    let resources: [Resource]

    func resource(_ name: String) -> Resource? { resources.first { $0.name == name } }

    init(resources: [Resource]) { self.resources = resources }

    init(dump text: String) {
        resources = DRBDStatement.parse(text).compactMap { statement in
            guard statement.words.first == "resource", statement.words.count >= 2, let body = statement.block else {
                return nil
            }
            return Self.resource(named: statement.words[1], body)
        }
    }

    private static func resource(named name: String, _ body: [DRBDStatement]) -> Resource {
        func section(_ word: String) -> [DRBDStatement] {
            body.filter { $0.words.first == word }.flatMap { $0.block ?? [] }
        }
        func value(_ key: String, in statements: [DRBDStatement]) -> String? {
            statements.last { $0.words.first == key && $0.block == nil }.map { $0.words.dropFirst().joined(separator: " ") }
        }
        // DRBD 9 may put net options per connection too (`connection { net { … } }`).
        let net = section("net") + section("connection").filter { $0.words.first == "net" }.flatMap { $0.block ?? [] }
        let twoPrimaries = value("allow-two-primaries", in: net).map { $0.isEmpty || $0 == "yes" } ?? false
        let fencing = value("fencing", in: section("disk")) ?? value("fencing", in: net)
        var handlers: [String: String] = [:]
        for statement in section("handlers") where statement.block == nil && statement.words.count >= 2 {
            handlers[statement.words[0]] = statement.words.dropFirst().joined(separator: " ")
        }
        // Volumes: `disk`/`device` in the host sections, or in `volume N { }` inside them.
        var hosts = body.filter { ["on", "stacked-on-top-of", "floating"].contains($0.words.first ?? "") }
            .flatMap { $0.block ?? [] }
        hosts += hosts.filter { $0.words.first == "volume" }.flatMap { $0.block ?? [] }
        hosts += body.filter { $0.block == nil }
        func all(_ key: String) -> [String] {
            var seen: [String] = []
            for statement in hosts where statement.words.first == key && statement.block == nil && statement.words.count >= 2 {
                // `device minor 0` (DRBD 9's dump) is /dev/drbd0.
                var word = statement.words[1]
                if key == "device", word == "minor", statement.words.count >= 3 { word = "/dev/drbd" + statement.words[2] }
                if word != "none", !seen.contains(word) { seen.append(word) }
            }
            return seen
        }
        return Resource(name: name, allowsTwoPrimaries: twoPrimaries, fencing: fencing, handlers: handlers,
                        backingDisks: all("disk"), devices: all("device"))
    }
}
