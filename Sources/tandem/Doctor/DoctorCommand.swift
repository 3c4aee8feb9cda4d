import ArgumentParser
import TandemCore

/// `tandem doctor`: checks a cluster's configuration for the mistakes that cause outages.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the cluster configuration (CIB, DRBD, LVM, corosync) for outage-causing mistakes.",
        discussion: """
            Each finding has a severity, why it matters (the outage it causes) and the exact fix. \
            Checks: fencing (stonith-enabled, fence devices); two-node quorum; the DRBD clone \
            (notify, promoted-max, promoted-node-max, clone-max, clone-node-max); distinct \
            monitor intervals per role on every promotable resource; dual-primary against \
            allow-two-primaries, fencing resource-and-stonith and STONITH; the crm-fence-peer \
            handlers; the order and colocation chain DRBD promote, LVM, target, IPs; LVM's \
            global_filter against the disks under DRBD; with --iscsid-conf, a client's iSCSI and \
            multipath timeouts against the failover time of an IP-based SAN. \
            Exit status: 0 clean (notes only), 1 warnings, 2 errors, 3 when the CIB cannot be read.
            """)

    @Option(name: .long, help: ArgumentHelp("Check this CIB file instead of the live CIB (cibadmin -Q).", valueName: "file"))
    var cib: String?

    @Option(name: .long, help: ArgumentHelp("The DRBD configuration, read with drbdadm dump.", valueName: "file"))
    var drbdConf = "/etc/drbd.conf"

    @Option(name: .long, help: ArgumentHelp("Read lvm.conf from this directory (LVM_SYSTEM_DIR) instead of /etc/lvm.", valueName: "dir"))
    var lvmSystemDir: String?

    @Option(name: .long, help: ArgumentHelp("corosync's configuration (for two_node).", valueName: "file"))
    var corosyncConf = "/etc/corosync/corosync.conf"

    @Option(name: .long, help: ArgumentHelp(
        "A client's iscsid.conf: check its timeouts against the failover time.", valueName: "file"))
    var iscsidConf: String?

    @Option(name: .long, help: ArgumentHelp("That client's multipath.conf (with --iscsid-conf).", valueName: "file"))
    var multipathConf: String?

    @Flag(name: .long, help: "Check only the CIB, not this node's DRBD, LVM and corosync configuration.")
    var noLocal = false

    @Flag(name: .long, help: "Print JSON (schema tandem-doctor/1, see the README).")
    var json = false

    /// The CIB could not be read: nothing was checked.
    static let unreadableExitCode: Int32 = 3

    func validate() throws {
        if multipathConf != nil, iscsidConf == nil { throw ValidationError("--multipath-conf needs --iscsid-conf") }
    }

    func run() throws {
        let environment = EnvironmentSnapshot.current()
        let inputs = DoctorInputs(environment: environment)
        let document: CIBDocument
        do {
            document = try inputs.cib(path: cib)
        } catch {
            StandardStreams.error("tandem doctor: \(error)\n")
            throw ExitCode(Self.unreadableExitCode)
        }
        let context = DoctorContext(
            cib: document,
            drbd: noLocal ? .skipped : inputs.drbd(configuration: drbdConf),
            lvmFilter: noLocal ? .skipped : inputs.lvmFilter(systemDirectory: lvmSystemDir),
            corosync: noLocal ? .skipped : inputs.corosync(path: corosyncConf),
            client: iscsidConf.map { inputs.client(iscsid: $0, multipath: multipathConf) } ?? .skipped)
        let report = DoctorReport(context: context, sources: [
            ("cib", cib ?? "cibadmin -Q"),
            ("drbd", Self.describe(context.drbd, drbdConf)),
            ("lvm", Self.describe(context.lvmFilter, "lvmconfig" + (lvmSystemDir.map { " (LVM_SYSTEM_DIR=\($0))" } ?? ""))),
            ("corosync", Self.describe(context.corosync, corosyncConf)),
        ] + (iscsidConf.map { [("client", Self.describe(context.client, ([$0] + (multipathConf.map { [$0] } ?? [])).joined(separator: ", ")))] } ?? []))
        let terminal = json ? Terminal.plain : Terminal.standardOutput(environment: environment)
        StandardStreams.write(json ? report.json.rendered : report.text(terminal))
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    static func describe<Value>(_ local: DoctorContext.Local<Value>, _ source: String) -> String {
        switch local {
        case .read: source
        case .absent: "\(source) not present, not checked"
        case .skipped: "not checked (--no-local)"
        case .failed(let reason): "not checked: \(reason)"
        }
    }
}
