import Testing
import TandemTestSupport
@testable import iscsi_target

/// The agent speaks tgtd's control protocol itself (no tgtadm process, no secret in argv):
/// each request is compared with the bytes the real tgtadm sends for the same command.
@Suite struct TgtRequestTests {
    static let cases: [(arguments: [String], request: TgtRequest)] = [
        (["--lld", "iscsi", "--op", "new", "--mode", "target", "--tid", "3", "-T", "iqn.2026-01.org.example:t"],
         TgtRequest(mode: .target, operation: .new, tid: 3, parameters: "targetname=iqn.2026-01.org.example:t")),
        (["--lld", "iscsi", "--op", "new", "--mode", "logicalunit", "--tid", "3", "--lun", "1", "-b", "/dev/vg/lv",
          "--bstype", "rdwr", "--bsoflags", "sync"],
         TgtRequest(mode: .logicalUnit, operation: .new, tid: 3, lun: 1, parameters: "path=/dev/vg/lv,bstype=rdwr,bsoflags=sync")),
        (["--lld", "iscsi", "--op", "update", "--mode", "logicalunit", "--tid", "3", "--lun", "1", "--params",
          "scsi_id=p-1,scsi_sn=00ff0001"],
         TgtRequest(mode: .logicalUnit, operation: .update, tid: 3, lun: 1, parameters: "targetOps scsi_id=p-1,scsi_sn=00ff0001,")),
        (["--lld", "iscsi", "--op", "delete", "--mode", "logicalunit", "--tid", "3", "--lun", "2"],
         TgtRequest(mode: .logicalUnit, operation: .delete, tid: 3, lun: 2)),
        (["--lld", "iscsi", "--op", "bind", "--mode", "target", "--tid", "3", "-I", "ALL"],
         TgtRequest(mode: .target, operation: .bind, tid: 3, parameters: "initiator-address=ALL")),
        (["--lld", "iscsi", "--op", "unbind", "--mode", "target", "--tid", "3", "-Q", "iqn.2026-01.org.example:c"],
         TgtRequest(mode: .target, operation: .unbind, tid: 3, parameters: "initiator-name=iqn.2026-01.org.example:c")),
        (["--lld", "iscsi", "--op", "new", "--mode", "account", "--user", "u", "--password", "p4ssw0rd-long"],
         TgtRequest(mode: .account, operation: .new, parameters: "user=u,password=p4ssw0rd-long", carriesSecret: true)),
        (["--lld", "iscsi", "--op", "bind", "--mode", "account", "--tid", "3", "--user", "u"],
         TgtRequest(mode: .account, operation: .bind, tid: 3, parameters: "user=u")),
        (["--lld", "iscsi", "--op", "delete", "--mode", "account", "--user", "u"],
         TgtRequest(mode: .account, operation: .delete, parameters: "user=u")),
        (["--lld", "iscsi", "--op", "show", "--mode", "target"], TgtRequest(mode: .target, operation: .show)),
        (["--lld", "iscsi", "--op", "delete", "--mode", "conn", "--tid", "3", "--sid", "2", "--cid", "1"],
         TgtRequest(mode: .connection, operation: .delete, tid: 3, sid: 2, cid: 1)),
        (["--lld", "iscsi", "--op", "delete", "--force", "--mode", "target", "--tid", "3"],
         TgtRequest(mode: .target, operation: .delete, tid: 3, force: true)),
        (["--lld", "iscsi", "--op", "update", "--mode", "target", "--tid", "3", "-n", "state", "-v", "ready"],
         TgtRequest(mode: .target, operation: .update, tid: 3, parameters: "state=ready")),
    ]

    @Test(arguments: 0..<cases.count)
    func requestIsWhatTgtadmSends(index: Int) throws {
        let (arguments, request) = Self.cases[index]
        let sent = try TgtadmSpy.bytes(of: arguments)
        #expect(request.bytes == sent, "\(arguments.joined(separator: " "))")
    }

    @Test func aSecretNeverReachesTheSummary() {
        let request = TgtRequest(mode: .account, operation: .new, parameters: "user=u,password=topsecret99", carriesSecret: true)
        #expect(!request.summary.contains("topsecret99"))
        #expect(TgtError(code: 4).description == "tgtd: no such target" && TgtError(code: 99).description == "tgtd: error 99")
    }
}
