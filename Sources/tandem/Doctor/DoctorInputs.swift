import Glibc
import TandemCore

/// Reads what `tandem doctor` checks: the CIB (a file, or `cibadmin -Q`) and this node's
/// DRBD, LVM and corosync configuration. Every command runs from an argv, bounded in time.
struct DoctorInputs {
    let runner: CommandRunner
    let environment: [String: String]

    static let timeoutMilliseconds = 30_000

    init(environment: [String: String]) {
        self.environment = environment
        runner = CommandRunner(budget: OperationBudget(timeoutMilliseconds: Self.timeoutMilliseconds, reserveMilliseconds: 0))
    }

    /// The CIB from `path`, or the live one from `cibadmin -Q` (which honours CIB_file).
    func cib(path: String?) throws(CIBError) -> CIBDocument {
        if let path {
            guard let bytes = FileContents.read(path, limit: 64 << 20) else { throw .unavailable("cannot read \(path)") }
            return try CIBDocument.parse(bytes: bytes)
        }
        let result: CommandResult
        do {
            result = try runner.run(Command("cibadmin", ["-Q"], outputLimit: 64 << 20))
        } catch {
            throw .unavailable("cibadmin -Q: \(error)")
        }
        guard result.succeeded else { throw .unavailable("cibadmin -Q: \(result.summary)") }
        return try CIBDocument.parse(bytes: result.stdout)
    }

    /// `drbdadm -c FILE dump all`, through drbdadm-84 where DRBD 8.4 is loaded (drbd-utils 9's
    /// drbdadm reads 8.4 syntax only then), or when no module is loaded and drbdadm refuses it.
    func drbd(configuration path: String) -> DoctorContext.Local<DRBDConfigurationDump> {
        guard access(path, R_OK) == 0 else { return .absent }
        let candidates: [String] = ["/usr/lib/drbd/drbdadm-84", "/lib/drbd/drbdadm-84"]
        let legacy = candidates.first { access($0, X_OK) == 0 }
        let module = FileContents.read("/sys/module/drbd/version", limit: 64)
            .flatMap { DottedVersion(String(decoding: $0, as: UTF8.self).trimmingWhitespace()) }
        var tools: [String] = ["drbdadm"] + (legacy.map { [$0] } ?? [])
        if let module, module < DottedVersion(components: [9]), let legacy { tools = [legacy] }
        var failure = ""
        for tool in tools {
            do {
                let result = try runner.run(Command(tool, ["-c", path, "dump", "all"], outputLimit: 8 << 20))
                if result.succeeded { return .read(DRBDConfigurationDump(dump: result.stdoutText)) }
                failure = "\(tool) dump: \(result.summary)"
            } catch {
                failure = "\(tool): \(error)"
            }
        }
        return .failed(failure)
    }

    /// `lvmconfig --type full devices/global_filter` (the default when unset), with
    /// LVM_SYSTEM_DIR when given.
    func lvmFilter(systemDirectory: String?) -> DoctorContext.Local<LVMFilter> {
        guard runner.resolve("lvmconfig") != nil else { return .absent }
        var extra: [String: String] = [:]
        if let systemDirectory { extra["LVM_SYSTEM_DIR"] = systemDirectory }
        do {
            let result = try runner.run(Command("lvmconfig", ["--type", "full", "devices/global_filter"], environment: extra))
            guard result.succeeded else { return .failed("lvmconfig: \(result.summary)") }
            guard let filter = LVMFilter(lvmconfig: result.stdoutText) else {
                return .failed("lvmconfig printed no global_filter: \(result.stdoutText)")
            }
            return .read(filter)
        } catch {
            return .failed("lvmconfig: \(error)")
        }
    }

    /// A client's iscsid.conf and, when given, its multipath.conf.
    func client(iscsid: String, multipath: String?) -> DoctorContext.Local<ClientTimeouts> {
        guard let iscsidBytes = FileContents.read(iscsid) else { return .failed("cannot read \(iscsid)") }
        var multipathText: String?
        if let multipath {
            guard let bytes = FileContents.read(multipath) else { return .failed("cannot read \(multipath)") }
            multipathText = String(decoding: bytes, as: UTF8.self)
        }
        return .read(ClientTimeouts(iscsid: String(decoding: iscsidBytes, as: UTF8.self), multipath: multipathText))
    }

    func corosync(path: String) -> DoctorContext.Local<CorosyncQuorum> {
        guard access(path, F_OK) == 0 else { return .absent }
        guard let bytes = FileContents.read(path) else { return .failed("cannot read \(path)") }
        return .read(CorosyncQuorum(configuration: String(decoding: bytes, as: UTF8.self)))
    }
}
