/// What Pacemaker (or ocf-tester, or an admin) tells an agent through the environment,
/// read once. The only place that knows the `OCF_*`/`HA_*` variable names.
public struct OCFEnvironment: Sendable {
    /// The raw variables, for parameters (`OCF_RESKEY_<name>`) and diagnostics.
    public let variables: [String: String]
    /// The meta-attributes, typed once (each action reads them several times).
    public let meta: ResourceMeta

    public init(_ variables: [String: String]) {
        self.variables = variables
        meta = ResourceMeta(variables: variables)
    }

    enum Key {
        static let resourceInstance = "OCF_RESOURCE_INSTANCE"
        static let resourceType = "OCF_RESOURCE_TYPE"
        static let resourceProvider = "OCF_RESOURCE_PROVIDER"
        static let raVersionMajor = "OCF_RA_VERSION_MAJOR"
        static let raVersionMinor = "OCF_RA_VERSION_MINOR"
        static let checkLevel = "OCF_CHECK_LEVEL"
        static let checkLevelParameter = "OCF_RESKEY_OCF_CHECK_LEVEL"
        static let exitReasonPrefix = "OCF_EXIT_REASON_PREFIX"
        static let featureSet = "OCF_RESKEY_crm_feature_set"
        static let parameterPrefix = "OCF_RESKEY_"
        static let metaPrefix = "OCF_RESKEY_CRM_meta_"
        static let rscTmp = "HA_RSCTMP"
        static let sbinDir = "HA_SBIN_DIR"
        static let logFacility = ["HA_LOGFACILITY", "PCMK_logfacility"]
        static let logFile = ["HA_LOGFILE", "PCMK_logfile"]
        static let debug = ["HA_debug", "PCMK_debug"]
        static let testerFailHaveBinary = "OCF_TESTER_FAIL_HAVE_BINARY"
    }

    /// `OCF_RESOURCE_INSTANCE` as given, e.g. `p_drbd:1` for a clone instance;
    /// "default" when unset, as ocf-shellfuncs does for init-script mode.
    public var resourceInstance: String { variables[Key.resourceInstance].nonEmpty ?? "default" }

    /// The instance without a clone suffix (`p_drbd:1` → `p_drbd`).
    public var resourceBaseName: String {
        let instance = resourceInstance
        guard let colon = instance.lastIndex(of: ":"),
              !instance[instance.index(after: colon)...].isEmpty,
              instance[instance.index(after: colon)...].allSatisfy({ $0.isNumber }) else { return instance }
        return String(instance[..<colon])
    }

    public var resourceType: String? { variables[Key.resourceType].nonEmpty }
    public var resourceProvider: String? { variables[Key.resourceProvider].nonEmpty }

    /// `OCF_RA_VERSION_MAJOR`.`MINOR`, when the caller says (Pacemaker ≥ 2.1 passes 1.1).
    public var raVersion: (major: Int, minor: Int)? {
        guard let major = variables[Key.raVersionMajor].flatMap({ Int($0) }) else { return nil }
        return (major, variables[Key.raVersionMinor].flatMap { Int($0) } ?? 0)
    }

    /// `OCF_CHECK_LEVEL` (or the parameter form Pacemaker passes), 0 when unset or garbage.
    public var checkLevel: Int {
        (variables[Key.checkLevel].nonEmpty ?? variables[Key.checkLevelParameter].nonEmpty).flatMap { Int($0) } ?? 0
    }

    public var exitReasonPrefix: String { variables[Key.exitReasonPrefix].nonEmpty ?? "ocf-exit-reason:" }

    /// `OCF_RESKEY_crm_feature_set`, e.g. 3.16.2.
    public var featureSet: FeatureSet? { variables[Key.featureSet].flatMap(FeatureSet.init) }

    /// Where agents keep state that lives until reboot (`HA_RSCTMP`).
    public var rscTmp: String { variables[Key.rscTmp].nonEmpty ?? "/run/resource-agents" }

    /// Where the Pacemaker tools are (`HA_SBIN_DIR`); nil means look them up in PATH.
    public var sbinDir: String? { variables[Key.sbinDir].nonEmpty }

    /// ocf-tester's hook: pretend that needed binaries are missing.
    public var testerFailsHaveBinary: Bool { variables[Key.testerFailHaveBinary] == "1" }

    /// The raw text of parameter `name` (`OCF_RESKEY_<name>`), nil when unset.
    public func parameterText(_ name: String) -> String? { variables[Key.parameterPrefix + name] }

    /// The variable a parameter travels in (`OCF_RESKEY_<name>`), for a child that reads
    /// one itself (DRBD's unfence handler reads `unfence_extra_args`).
    public static func parameterVariable(_ name: String) -> String { Key.parameterPrefix + name }

    /// The raw text of meta-attribute `name` (`OCF_RESKEY_CRM_meta_<name>`, dashes as underscores).
    public func metaText(_ name: String) -> String? { Self.metaText(name, in: variables) }

    static func metaText(_ name: String, in variables: [String: String]) -> String? {
        variables[Key.metaPrefix + name.replacingAll("-", with: "_")]
    }

    /// Where and how to log, from the variables Pacemaker passes.
    public var logSettings: LogSettings {
        let facility = Key.logFacility.lazy.compactMap { variables[$0].nonEmpty }.first
        let file = Key.logFile.lazy.compactMap { variables[$0].nonEmpty }.first
        let debugText = Key.debug.lazy.compactMap { variables[$0].nonEmpty }.first
        let debug = debugText.map { $0 != "0" && $0.lowercased() != "no" && $0.lowercased() != "false" } ?? false
        return LogSettings(facilityName: facility, file: file, debug: debug)
    }
}

extension Optional where Wrapped == String {
    /// The string, or nil when it is nil or empty.
    var nonEmpty: String? {
        guard let value = self, !value.isEmpty else { return nil }
        return value
    }
}
