import Glibc
import TandemCore

extension DRBDAgent {
    /// Clone meta-attributes that can never work (6). Only checked inside a clone: an
    /// admin's `crm_resource --validate` passes no clone meta at all.
    func validateCloneMeta() throws {
        let meta = context.meta
        guard meta.isClone else { return }
        if meta.notify == false && !context.parameters[DRBDAgentDeclaration.ignoreMissingNotifications] {
            throw OCFFailure(.notConfigured, "the clone needs meta notify=true (or ignore_missing_notifications=true)")
        }
        if let nodeMax = meta.cloneNodeMax, nodeMax != 1 {
            throw OCFFailure(.notConfigured, "clone-node-max must be 1, not \(nodeMax)")
        }
        if let nodeMax = meta.promotedNodeMax, nodeMax != 1 {
            throw OCFFailure(.notConfigured, "promoted-node-max must be 1, not \(nodeMax)")
        }
        if let promotedMax = meta.promotedMax, promotedMax > 2 {
            throw OCFFailure(.notConfigured, "promoted-max must be 1 or 2 (dual-primary), not \(promotedMax)")
        }
    }

    /// DRBD 8 replicates between two nodes only.
    func validateCloneSize(moduleVersion: DottedVersion) throws {
        if let cloneMax = context.meta.cloneMax, cloneMax > 2, moduleVersion < DottedVersion(components: [9]) {
            throw OCFFailure(.notConfigured, "clone-max must be at most 2 with DRBD \(moduleVersion) (has \(cloneMax))")
        }
    }

    /// What this host must provide (5, not installed), and the dual-primary rule that
    /// needs the configuration (6). Used by validate-all, start, promote and reload.
    func validateHost() throws {
        try validateCloneMeta()
        for tool in ["drbdadm", "drbdsetup"] where context.runner.resolve(tool) == nil {
            throw OCFFailure(.notInstalled, "Setup problem: couldn't find command: \(tool)")
        }
        if context.environment.testerFailsHaveBinary {
            throw OCFFailure(.notInstalled, "Setup problem: couldn't find command: drbdadm (ocf-tester)")
        }
        guard access(control.configuration, R_OK) == 0 else {
            throw OCFFailure(.notInstalled, "cannot read the DRBD configuration \(control.configuration): "
                             + Errno.describe(Errno.current))
        }
        let dump = try control.drbdadm(["dump"])
        // Slow or killed is not "not defined": 5 would ban this node, perhaps the only survivor.
        if dump.timedOut {
            throw OCFFailure(.genericError, "cannot read the DRBD configuration of \(resource): \(dump.summary)")
        }
        if case .signaled = dump.status { throw OCFFailure(.genericError, "drbdadm dump \(resource): \(dump.summary)") }
        guard dump.succeeded else {
            throw OCFFailure(.notInstalled, "DRBD resource \(resource) is not defined in \(control.configuration) "
                             + "for this host: \(dump.summary)")
        }
        if context.meta.promotedLimit >= 2 && !DRBDConfigurationDump(dump: dump.stdoutText).allowsTwoPrimaries {
            throw OCFFailure(.notConfigured, "promoted-max=2 (dual-primary) needs allow-two-primaries in the net "
                             + "section of DRBD resource \(resource)")
        }
        try validateCloneSize(moduleVersion: try moduleVersion(loading: context.action == .start))
        if context.action == .validateAll { try refreshMinors() }
    }

    /// validate-all re-learns the minors when the state comes from /proc/drbd (the other
    /// refreshing actions do it at their first state read).
    func refreshMinors() throws {
        guard control.module.isLoaded, control.source(moduleVersion: control.module.version) == .procDRBD else { return }
        _ = try control.minors()
    }

    /// The DRBD kernel module's version, checked against the required range (5 outside it).
    /// With `loading`, a module that is not loaded yet is loaded (start); otherwise its
    /// version is read from the installed module.
    func moduleVersion(loading: Bool) throws -> DottedVersion {
        if !control.module.isLoaded && loading {
            let result = try context.runner.run(Command("modprobe", ["drbd"]))
            if result.timedOut { throw OCFFailure(.genericError, "loading the DRBD kernel module: \(result.summary)") }
            guard result.succeeded, control.module.isLoaded else {
                throw OCFFailure(.notInstalled, "cannot load the DRBD kernel module: \(result.summary)")
            }
        }
        let version: DottedVersion
        if let loaded = control.module.version {
            version = loaded
        } else {
            // No modinfo: the module is not installed either, as far as can be told.
            let info = context.runner.resolve("modinfo") == nil ? nil
                : try context.runner.run(Command("modinfo", ["-F", "version", "drbd"]))
            if let info, info.timedOut {
                throw OCFFailure(.genericError, "reading the DRBD module version: \(info.summary)")
            }
            guard let info, info.succeeded, let installed = DottedVersion(info.stdoutText.trimmingWhitespace()) else {
                throw OCFFailure(.notInstalled, "the DRBD kernel module is neither loaded nor installed")
            }
            version = installed
        }
        let parameters = context.parameters
        let lowest = parameters[DRBDAgentDeclaration.requireVersionAtLeast]
        if version < lowest {
            throw OCFFailure(.notInstalled, "DRBD kernel module \(version) is older than the required \(lowest)")
        }
        let limit = parameters[DRBDAgentDeclaration.requireVersionBelow]
        if version >= limit {
            throw OCFFailure(.notInstalled, "DRBD kernel module \(version) is not below the required \(limit)")
        }
        return version
    }
}
