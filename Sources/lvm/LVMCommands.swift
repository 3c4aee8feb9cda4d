import TandemCore

/// The LVM tools as the agent runs them: argv only, bounded by what is left of the operation's
/// timeout, with LVM's file-descriptor warnings off (they are noise in the agent's log).
struct LVMCommands {
    let runner: CommandRunner
    let logger: Logger

    static let environment = ["LVM_SUPPRESS_FD_WARNINGS": "1"]

    /// Runs `tool arguments…`; a missing tool throws `CommandError.notFound` (5).
    func run(_ tool: String, _ arguments: [String]) throws -> CommandResult {
        let result = try runner.run(Command(tool, arguments, environment: Self.environment))
        logger.debug("\(result.command): \(result.summary)")
        return result
    }

    /// Runs a command that changes something: a failure is logged with LVM's words.
    func change(_ tool: String, _ arguments: [String]) throws -> CommandResult {
        let result = try run(tool, arguments)
        if result.succeeded {
            logger.info("\(result.command)")
        } else {
            logger.warning("\(result.command): \(result.summary)")
        }
        return result
    }

    /// The volume group `name` and its LVs, or nil when LVM does not see it here (exit 5).
    /// Throws a failure when lvs itself failed otherwise (timed out, killed, bad output).
    func report(volumeGroup name: LVMName) throws -> ReportOutcome {
        // --foreign and --shared: a group owned by another node, or shared while this node runs no
        // lvmlockd, is reported (and refused by its mode), not "not found".
        let result = try run("lvs", ["--foreign", "--shared", "--noheadings", "--nameprefixes",
                                     "-o", VolumeGroupReport.fields.joined(separator: ","), name.text])
        if result.timedOut { throw OCFFailure(.genericError, "lvs \(name) did not answer in time: \(result.summary)") }
        if case .exited(5) = result.status { return .notFound(result.stderrText.trimmingWhitespace()) }
        guard result.succeeded else { throw OCFFailure(.genericError, "lvs \(name): \(result.summary)") }
        let rows = LVMReport.rows(result.stdoutText)
        if rows.isEmpty { return .noLogicalVolumes }
        guard let report = VolumeGroupReport(rows: rows, name: name.text) else {
            throw OCFFailure(.genericError, "lvs \(name): output this agent cannot read: \(result.stdoutText.prefix(200))")
        }
        return .found(report)
    }

    enum ReportOutcome {
        case found(VolumeGroupReport)
        case noLogicalVolumes
        /// With LVM's words (not found, foreign without --foreign, …).
        case notFound(String)
    }

    /// The PVs of the group (`pvs -S vg_name=`: `pvs VG` would take the name for a PV).
    func physicalVolumes(of name: LVMName) throws -> [String] {
        let result = try run("pvs", ["--foreign", "--shared", "--noheadings", "--nameprefixes", "-o", "pv_name",
                                     "-S", "vg_name=\"" + name.text + "\""])
        guard result.succeeded else { throw OCFFailure(.genericError, "pvs \(name): \(result.summary)") }
        return LVMReport.rows(result.stdoutText).compactMap { $0["pv_name"] }.filter { $0 != "[unknown]" }
    }

    /// The settings of lvm.conf (and lvmlocal.conf) this agent depends on, in one call.
    func configuration() throws -> LVMConfiguration {
        let result = try run("lvmconfig", ["--typeconfig", "full"] + LVMConfiguration.keys)
        guard result.succeeded else { throw OCFFailure(.genericError, "lvmconfig: \(result.summary)") }
        return LVMConfiguration(lvmconfigOutput: result.stdoutText)
    }

    /// This host's LVM system ID; nil when it has none.
    func localSystemID() throws -> String? {
        let result = try run("lvm", ["systemid"])
        guard result.succeeded else { throw OCFFailure(.genericError, "lvm systemid: \(result.summary)") }
        return LVMConfiguration.systemID(inLVMSystemIDOutput: result.stdoutText)
    }

    /// The installed LVM's version (`lvm version`), nil when it cannot be read.
    func version() throws -> DottedVersion? {
        let result = try run("lvm", ["version"])
        guard result.succeeded else { return nil }
        return LVMConfiguration.version(inLVMVersionOutput: result.stdoutText)
    }
}
