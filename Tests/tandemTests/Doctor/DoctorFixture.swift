import TandemTestSupport
@testable import tandem

/// A doctor run over the committed fixtures (Tests/Fixtures/doctor, made by its
/// make-fixtures): a real CIB, DRBD configuration read by the real drbdadm, lvm.conf read by
/// the real lvmconfig, corosync.conf made by pcs.
struct DoctorFixture {
    var cib = "cluster-a.xml"
    var drbd: String? = "drbd-a.conf"
    var lvm: String? = "lvm-filtered"
    var corosync: String? = "corosync-two-node.conf"

    static func path(_ name: String) -> String { FixturePaths.project("doctor/" + name) }

    func context() throws -> DoctorContext {
        let inputs = DoctorInputs(environment: [:])
        return DoctorContext(
            cib: try inputs.cib(path: Self.path(cib)),
            drbd: drbd.map { inputs.drbd(configuration: Self.path($0)) } ?? .skipped,
            lvmFilter: lvm.map { inputs.lvmFilter(systemDirectory: Self.path($0)) } ?? .skipped,
            corosync: corosync.map { inputs.corosync(path: Self.path($0)) } ?? .skipped)
    }

    /// Every finding of every check.
    func findings() throws -> [Finding] {
        DoctorReport(context: try context(), sources: []).findings
    }

    /// The findings of one check group.
    func findings(_ check: some DoctorCheck) throws -> [Finding] {
        check.findings(try context())
    }
}
