import Glibc
import TandemCore

/// Gathers one `StatusReport`: one crm_mon call (or a saved document) and this node's
/// kernel state (DRBD, device-mapper, LIO's configfs, SCST's sysfs). Besides crm_mon, a
/// process runs only on DRBD 9 (`drbdsetup events2`).
struct StatusCollector {
    /// Where the cluster status comes from.
    enum Input: Equatable {
        case live
        /// A saved `crm_mon --output-as=xml` document; `-` is standard input.
        case file(String)
    }

    let input: Input
    let readLocal: Bool
    let environment: [String: String]
    let drbdReader: LocalDRBDReader
    let sysBlock: AttributeTree
    let lioTree = AttributeTree(root: "/sys/kernel/config/target")
    let scstTree = AttributeTree(root: "/sys/kernel/scst_tgt")

    init(input: Input, readLocal: Bool, environment: [String: String]) {
        self.input = input
        self.readLocal = readLocal
        self.environment = environment
        drbdReader = .kernel(stateDirectory: OCFEnvironment(environment).rscTmp)
        sysBlock = AttributeTree(root: "/sys/block")
    }

    /// crm_mon and drbdsetup get this long each; a hung cluster stack must not hang the view.
    static let commandTimeoutMilliseconds = 20_000

    func collect() -> StatusReport {
        let runner = CommandRunner(budget: OperationBudget(timeoutMilliseconds: Self.commandTimeoutMilliseconds,
                                                           reserveMilliseconds: 0))
        var cluster: ClusterStatus?
        var clusterError: String?
        do {
            switch input {
            case .live:
                cluster = try CrmMonSource(runner: runner, sbinDirectory: environment["HA_SBIN_DIR"]).fetch()
            case .file("-"):
                cluster = try CrmMonParser.parse(bytes: StandardStreams.readInput())
            case .file(let path):
                cluster = try CrmMonParser.parse(file: path)
            }
        } catch {
            clusterError = "crm_mon: \(error)"
        }
        let local = readLocal ? StatusReport.LocalState(
            nodeName: Self.nodeName(), drbd: drbdReader.read(runner: runner),
            volumeGroups: ActiveVolumeGroup.groups(from: DeviceMapperDevice.all(in: sysBlock)),
            targets: LocalTarget.all(lio: lioTree, scst: scstTree)) : nil
        return StatusReport(cluster: cluster, clusterError: clusterError, local: local)
    }

    /// This host's name as uname reports it (Pacemaker's node name unless configured otherwise).
    static func nodeName() -> String {
        var names = utsname()
        guard uname(&names) == 0 else { return "this node" }
        return withUnsafeBytes(of: &names.nodename) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
