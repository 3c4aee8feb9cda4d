import Foundation
import Testing
import TandemCore
import TandemTestSupport
@testable import iscsi_target

/// LIOBackend reads configfs trees captured from the real 6.1 kernel (lab/capture-lio-fixtures):
/// each capture is rebuilt in a temporary directory (directories, attributes with the text the
/// kernel showed, links with the targets configfs reported) — a stand-in for configfs, which
/// the host kernel lacks, holding only real captured output.
@Suite struct LIOCapturedTreeTests {
    static let iqn = "iqn.2026-01.org.tandem.lab:capture"

    /// The capture NAME rebuilt in a temporary directory (TandemTestSupport's CapturedTree).
    static func tree(_ name: String, folder: String = "lio-lab", top: String = "target") throws -> (root: String, cleanup: () -> Void) {
        let tree = try CapturedTree(name, folder: folder, top: top)
        return (tree.root, tree.remove)
    }

    static func backend(_ root: String, promotable: Bool, extra: [String: String] = [:]) -> LIOBackend {
        var variables = ["OCF_RESOURCE_INSTANCE": "p_capture", "OCF_RESKEY_iqn": iqn, "OCF_RESKEY_luns": "0:/dev/drbd0",
                         "OCF_RESKEY_implementation": "lio"]
        if promotable {
            variables["OCF_RESKEY_CRM_meta_promotable"] = "true"
            variables["OCF_RESKEY_CRM_meta_on_node_uuid"] = "1"
        }
        for (key, value) in extra { variables["OCF_RESKEY_" + key] = value }
        let environment = OCFEnvironment(variables)
        let (values, _, _) = ParameterValues.parse(TargetDeclaration.agent, from: environment)
        let configuration = TargetConfiguration(values, resourceName: environment.resourceBaseName,
                                                meta: ResourceMeta(environment), localNode: "s1")
        return LIOBackend(configuration: configuration, root: root,
                          logger: TestLogger.shared,
                          runner: TestCommands.runner())
    }

    @Test func aPrimitiveWithACLAndCHAPReadsAsConfigured() throws {
        let (root, cleanup) = try Self.tree("primitive")
        defer { cleanup() }
        let backend = Self.backend(root, promotable: false, extra: [
            "allowed_initiators": "iqn.2026-01.org.tandem.lab:c1", "incoming_username": "tandem",
            "incoming_password": "capture-secret-1"])
        let state = try #require(try backend.observe())
        #expect(state.enabled)
        #expect(state.luns.map(\.number) == [0] && state.luns.first?.path == "/dev/drbd0")
        #expect(state.luns.first?.serial == backend.configuration.luns.first?.identity.serial)
        #expect(state.initiators == ["iqn.2026-01.org.tandem.lab:c1"] && !state.openToAll)
        #expect(state.incomingUsers == ["tandem"])
        #expect(state.luns.first?.alua == nil, "a primitive's LUN is in no group of the resource (its groups are not read)")
        #expect(try AttributeTree(root: root).read(backend.layout.lun(0) + "/alua_tg_pt_gp").hasPrefix("TG Port Alias: default_tg_pt_gp"))
        #expect(state.discrepancies(from: backend.configuration).isEmpty)
        #expect(state.identityMismatches(from: backend.configuration).isEmpty)
        // The same tree against another configuration names each difference.
        let other = Self.backend(root, promotable: false, extra: ["luns": "0:/dev/drbd1"])
        #expect(state.discrepancies(from: other.configuration).contains("LUN 0 exports /dev/drbd0 instead of /dev/drbd1"))
        // Portals: the capture listens on the default 0.0.0.0:3260.
        #expect(state.portals == .listening(["0.0.0.0:3260"]))
        let vips = Self.backend(root, promotable: false, extra: ["portals": "10.0.0.1:3260 [2001:db8::1]:3260"])
        #expect(state.discrepancies(from: vips.configuration).contains(
            "portal(s) 10.0.0.1:3260 [2001:db8::1]:3260 missing"))
        // One more than configured (added by hand) is no discrepancy: start removes it.
        #expect(state.discrepancies(from: Self.backend(root, promotable: false, extra: [
            "allowed_initiators": "iqn.2026-01.org.tandem.lab:c1", "incoming_username": "tandem",
            "incoming_password": "capture-secret-1", "portals": "[::]:3260"]).configuration)
            == ["portal(s) [::]:3260 missing"])
    }

    @Test func theUnpromotedAndPromotedGroupsReadAsTheirRoles() throws {
        for (name, promoted) in [("unpromoted", false), ("promoted", true)] {
            let (root, cleanup) = try Self.tree(name)
            defer { cleanup() }
            let backend = Self.backend(root, promotable: true)
            #expect(backend.layout.tpg == "iscsi/\(Self.iqn)/tpgt_1")
            let state = try #require(try backend.observe())
            let group = try #require(state.luns.first?.alua)
            #expect(group.name == "tandem_tg1" && group.id == 1, "\(name)")
            #expect(group.state == (promoted ? .activeOptimized : .activeNonOptimized), "\(name)")
            #expect(group.preferred == promoted, "\(name)")
            #expect(state.aluaPromoted == promoted, "\(name)")
            #expect(state.discrepancies(from: backend.configuration).isEmpty, "\(name)")
            #expect(state.aluaDiscrepancies(from: backend.configuration).isEmpty, "\(name)")
            // The group is implicit-only with no delay for non-optimized commands, as written.
            let attributes = AttributeTree(root: root)
            let directory = backend.layout.storageObject(0) + "/alua/tandem_tg1"
            #expect(try attributes.read(directory + "/alua_access_type") == "Implicit")
            #expect(try attributes.read(directory + "/nonop_delay_msecs") == "0")
        }
    }
}
