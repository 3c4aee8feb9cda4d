import Foundation
import Testing
import TandemCore
import TandemTestSupport
@testable import iscsi_target

/// SCSTBackend reads sysfs trees captured from SCST on the lab's 6.1 kernel
/// (lab/capture-scst-fixtures), rebuilt in a temporary directory as LIOCapturedTreeTests does:
/// a stand-in for /sys/kernel/scst_tgt, which the host lacks, holding only captured output.
@Suite struct SCSTCapturedTreeTests {
    static let iqn = "iqn.2026-01.org.tandem.lab:capture-scst"

    static func backend(_ root: String, promotable: Bool, extra: [String: String] = [:]) -> SCSTBackend {
        var variables = ["OCF_RESOURCE_INSTANCE": "p_capture", "OCF_RESKEY_iqn": iqn, "OCF_RESKEY_luns": "0:/dev/drbd0",
                         "OCF_RESKEY_implementation": "scst"]
        if promotable {
            variables["OCF_RESKEY_CRM_meta_promotable"] = "true"
            variables["OCF_RESKEY_CRM_meta_notify"] = "true"
            variables["OCF_RESKEY_alua_group_ids"] = "s1=1 s2=2"
        }
        for (key, value) in extra { variables["OCF_RESKEY_" + key] = value }
        let environment = OCFEnvironment(variables)
        let (values, _, _) = ParameterValues.parse(TargetDeclaration.agent, from: environment)
        let configuration = TargetConfiguration(values, resourceName: environment.resourceBaseName,
                                                meta: ResourceMeta(environment), localNode: "s1")
        return SCSTBackend(configuration: configuration, root: root, logger: TestLogger.shared,
                           runner: TestCommands.runner(), budget: OperationBudget(timeoutMilliseconds: 5000))
    }

    static func tree(_ name: String) throws -> (root: String, cleanup: () -> Void) {
        let (root, cleanup) = try LIOCapturedTreeTests.tree(name, folder: "scst-lab", top: "scst_tgt")
        return (root, cleanup)
    }

    @Test func aPrimitiveWithACLAndCHAPReadsAsConfigured() throws {
        let (root, cleanup) = try Self.tree("primitive")
        defer { cleanup() }
        let backend = Self.backend(root, promotable: false, extra: [
            "allowed_initiators": "iqn.2026-01.org.tandem.lab:c1", "incoming_username": "tandem",
            "incoming_password": "capture-secret-12"])
        let state = try #require(try backend.observe())
        #expect(state.enabled)
        #expect(state.luns.map(\.number) == [0] && state.luns.first?.path == "/dev/drbd0")
        #expect(state.luns.first?.serial == backend.configuration.luns.first?.identity.serial, "usn, and the NAA id it calls for")
        #expect(state.initiators == ["iqn.2026-01.org.tandem.lab:c1"] && !state.openToAll)
        #expect(state.incomingUsers == ["tandem"])
        #expect(backend.incomingUsers().map(\.secret) == ["capture-secret-12"])
        #expect(state.discrepancies(from: backend.configuration).isEmpty)
        #expect(state.identityMismatches(from: backend.configuration).isEmpty)
        #expect(try backend.readExisting(backend.layout.device(0) + "/write_through") == "1", "write-through by default")
        let other = Self.backend(root, promotable: false, extra: ["scsi_sn": "0123456789abcdef"])
        #expect(!state.identityMismatches(from: other.configuration).isEmpty)
        // No allowed_portal: every address, as the default portal 0.0.0.0:3260 calls for.
        #expect(state.portals == .allowedAddresses([]))
        let restricted = Self.backend(root, promotable: false, extra: ["portals": "10.0.0.1 10.0.1.1:3260"])
        #expect(state.discrepancies(from: restricted.configuration).contains(
            "portal(s) 10.0.0.1 10.0.1.1 missing"))
    }

    @Test func theUnpromotedAndPromotedGroupsReadAsTheirRoles() throws {
        for (name, promoted) in [("unpromoted", false), ("promoted", true)] {
            let (root, cleanup) = try Self.tree(name)
            defer { cleanup() }
            let backend = Self.backend(root, promotable: true)
            let state = try #require(try backend.observe())
            let group = try #require(state.luns.first?.alua)
            #expect(group.name == "tandem_tg1" && group.id == 1, "\(name)")
            #expect(group.state == (promoted ? .activeOptimized : .activeNonOptimized), "\(name)")
            #expect(group.preferred == promoted, "\(name)")
            #expect(state.aluaPromoted == promoted && state.aluaDiscrepancies(from: backend.configuration).isEmpty, "\(name)")
            // The peer's group: a remote member with the peer's relative port id.
            let tree = AttributeTree(root: root)
            #expect(try tree.read(backend.layout.targetGroup(2) + "/group_id") == "2")
            #expect(try tree.read(backend.layout.targetGroup(2) + "/remote_tg2/rel_tgt_id") == "2")
            #expect(try tree.read(backend.layout.target + "/rel_tgt_id") == "1")
        }
    }
}
