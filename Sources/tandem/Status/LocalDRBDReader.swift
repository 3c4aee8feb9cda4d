import Glibc
import TandemCore

/// Reads this node's DRBD state the way the drbd agent does: /proc/drbd on DRBD 8 (no
/// process at all), `drbdsetup events2 --now` on DRBD 9. Paths are fields so that tests can
/// point them at captured files; `kernel` is the real one.
struct LocalDRBDReader: Sendable {
    let procPath: String
    let versionPath: String
    /// HA_RSCTMP, where ocf:tandem:drbd keeps `tandem-drbd-<instance>.minors` ("r0 0 1").
    let stateDirectory: String

    static func kernel(stateDirectory: String) -> LocalDRBDReader {
        LocalDRBDReader(procPath: "/proc/drbd", versionPath: "/sys/module/drbd/version", stateDirectory: stateDirectory)
    }

    static let minorsPrefix = "tandem-drbd-"
    static let minorsSuffix = ".minors"

    /// - Parameter runner: runs `drbdsetup events2` on DRBD 9 only.
    func read(runner: CommandRunner) -> LocalDRBD {
        guard access(procPath, F_OK) == 0 else { return .notLoaded }
        guard let bytes = FileContents.read(procPath) else { return .unreadable("cannot read \(procPath)") }
        let text = String(decoding: bytes, as: UTF8.self)
        let version = FileContents.read(versionPath, limit: 64)
            .map { String(decoding: $0, as: UTF8.self).trimmingWhitespace() }
            ?? DRBDProcReader.version(in: text) ?? "?"
        if let parsed = DottedVersion(version), parsed >= DottedVersion(components: [9]) {
            return events2(runner: runner, version: version)
        }
        return procDRBD(text, version: version)
    }

    /// DRBD 8: every configured minor, grouped into the resources the minors files name.
    func procDRBD(_ text: String, version: String) -> LocalDRBD {
        let status: DRBDProcStatus
        do { status = try DRBDProcReader.parse(text) } catch { return .unreadable("\(procPath): \(error)") }
        var resources: [LocalDRBD.Resource] = []
        var named = Set<Int>()
        for (name, minors) in knownMinors() {
            let state = status.resource(named: name, minors: minors)
            guard state.isConfigured else { continue }
            named.formUnion(minors)
            resources.append(LocalDRBD.Resource(name: name, state: state))
        }
        for minor in status.minors where !named.contains(minor.minor) {
            let state = status.resource(named: "", minors: [minor.minor])
            resources.append(LocalDRBD.Resource(name: nil, state: state))
        }
        return .resources(version: version, source: .procDRBD, resources)
    }

    /// DRBD 9: one `drbdsetup events2 --now --statistics` for all resources.
    func events2(runner: CommandRunner, version: String) -> LocalDRBD {
        let result: CommandResult
        do {
            result = try runner.run(Command("drbdsetup", ["events2", "--now", "--statistics"], outputLimit: 16 << 20))
        } catch {
            return .unreadable("drbdsetup events2: \(error)")
        }
        guard result.succeeded else { return .unreadable("drbdsetup events2: \(result.summary)") }
        return Self.events2(result.stdoutText, version: version)
    }

    static func events2(_ text: String, version: String) -> LocalDRBD {
        do {
            let resources = try DRBDEvents2Reader.parse(text)
            return .resources(version: version, source: .events2,
                              resources.map { LocalDRBD.Resource(name: $0.name, state: $0) })
        } catch {
            return .unreadable("drbdsetup events2: \(error)")
        }
    }

    /// The agent's minors files (format: Sources/drbd/DRBDMinors.swift), sorted by resource
    /// name; a resource cached under two instance names counts once.
    func knownMinors() -> [(String, [Int])] {
        let tree = AttributeTree(root: stateDirectory)
        guard let entries = try? tree.children("") else { return [] }
        var found: [String: [Int]] = [:]
        for entry in entries where entry.hasPrefix(Self.minorsPrefix) && entry.hasSuffix(Self.minorsSuffix) {
            guard let bytes = FileContents.read(tree.path(entry), limit: 4096) else { continue }
            let words = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace)
            guard let name = words.first else { continue }
            let minors = words.dropFirst().compactMap { Int($0) }
            guard !minors.isEmpty, minors.count == words.count - 1 else { continue }
            found[String(name)] = minors
        }
        return found.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
