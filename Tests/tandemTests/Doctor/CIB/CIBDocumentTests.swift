import TandemTestSupport
import Testing
import TandemCore
@testable import tandem

/// The CIB model on CIBs written by crm.
@Suite struct CIBDocumentTests {
    static func load(_ name: String) throws -> CIBDocument {
        try DoctorInputs(environment: [:]).cib(path: DoctorFixture.path(name))
    }

    @Test func clusterA() throws {
        let cib = try Self.load("cluster-a.xml")
        #expect(cib.nodes == ["san1", "san2"])
        #expect(cib.resourceDefaults["resource-stickiness"] == "100")
        #expect(cib.fencingEnabled)
        #expect(cib.fenceDevices.map(\.id) == ["st_san1", "st_san2"])
        let clone = try #require(cib.resource("ms_drbd"))
        #expect(clone.isPromotable)
        #expect(clone.meta("promoted-max", legacy: "master-max") == "1")
        let drbd = try #require(cib.resource("p_drbd"))
        #expect(drbd.agent?.description == "ocf:tandem:drbd")
        #expect(drbd.parameters["drbd_resource"] == "r0")
        #expect(drbd.operations.filter { $0.name == "monitor" }.map(\.intervalMilliseconds) == [20_000, 10_000])
        #expect(drbd.operations.first { $0.intervalMilliseconds == 10_000 }?.role == .promoted)
        #expect(cib.ancestry(of: "p_ip1").map(\.id) == ["g_san", "p_ip1"])
        #expect(cib.colocations == [CIBColocation(id: "col_san_on_drbd", resource: "g_san", role: nil, with: "ms_drbd",
                                                  withRole: .promoted, score: PacemakerValue.infinity)])
        #expect(cib.orders == [CIBOrder(id: "ord_drbd_before_san", first: "ms_drbd", firstAction: "promote",
                                        then: "g_san", thenAction: "start", kind: "Mandatory")])
    }

    /// crm's `order … ms_drbd:promote p_lvm p_ip1 p_ip2 p_target` is two resource sets: the
    /// promote before each member, and the members in sequence.
    @Test func orderedResourceSets() throws {
        let orders = try Self.load("chain-separate.xml").orders
        #expect(orders.filter { $0.first == "ms_drbd" }.map(\.then) == ["p_lvm"])
        #expect(orders.first { $0.first == "ms_drbd" }?.firstAction == "promote")
        #expect(orders.contains(CIBOrder(id: "ord_chain", first: "p_ip2", firstAction: "start", then: "p_target",
                                         thenAction: "start", kind: "Mandatory")))
        #expect(orders.count == 4)
    }

    @Test func propertiesSetByCrmAttribute() throws {
        #expect(!(try Self.load("stonith-disabled.xml").fencingEnabled))
        #expect(try Self.load("no-quorum-ignore.xml").properties["no-quorum-policy"] == "ignore")
    }

    @Test func rejectsWhatIsNotACIB() throws {
        #expect(throws: CIBError.notACIB(root: "pacemaker-result")) {
            try DoctorInputs(environment: [:]).cib(path: FixturePaths.shared("crm_mon/crm_mon-2node-ok.xml"))
        }
        #expect(throws: CIBError.unavailable("cannot read /nonexistent.xml")) {
            try DoctorInputs(environment: [:]).cib(path: "/nonexistent.xml")
        }
    }

    @Test func pacemakerValues() {
        #expect(PacemakerValue.score("-INFINITY") == -PacemakerValue.infinity)
        #expect(PacemakerValue.score("500") == 500)
        #expect(PacemakerValue.milliseconds("10") == 10_000)
        #expect(PacemakerValue.milliseconds("1min") == 60_000)
        #expect(PacemakerValue.milliseconds("250ms") == 250)
        #expect(PacemakerValue.milliseconds("soon") == nil)
        #expect(PacemakerValue.bool("yes") == true)
        #expect(PacemakerValue.bool("maybe") == nil)
    }
}
