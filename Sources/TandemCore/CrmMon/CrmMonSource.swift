/// Runs `crm_mon` once and parses its XML.
///
/// The caller supplies what the agent knows from its environment (feature set, sbin
/// directory); nothing is read from the process environment here.
public struct CrmMonSource: Sendable {
    /// How crm_mon is asked for XML.
    public enum OutputFormat: String, Sendable, CaseIterable {
        /// `--output-as=xml` (Pacemaker ≥ 2.0.3): `<pacemaker-result>` with a `<status>`.
        case xml = "--output-as=xml"
        /// `--as-xml`: legacy `<crm_mon version=…>` root, the only XML before 2.0.3.
        case legacyXML = "--as-xml"
    }

    public let runner: CommandRunner
    /// `OCF_RESKEY_crm_feature_set`, if the agent was given one.
    public let featureSet: String?
    /// `HA_SBIN_DIR`, if set; otherwise `crm_mon` is looked up on the search path.
    public let sbinDirectory: String?
    /// Extra environment for crm_mon (e.g. `CIB_file` for offline rendering).
    public let environment: [String: String]
    /// A time limit of its own for the call (the runner's budget applies anyway).
    public let capMilliseconds: Int?

    /// - Parameters:
    ///   - runner: runs the command within the operation's budget.
    ///   - featureSet: `OCF_RESKEY_crm_feature_set`, selects the output option.
    ///   - sbinDirectory: `HA_SBIN_DIR`, where crm_mon lives.
    ///   - environment: extra variables for crm_mon.
    ///   - capMilliseconds: a limit for this call.
    public init(runner: CommandRunner, featureSet: String? = nil, sbinDirectory: String? = nil,
                environment: [String: String] = [:], capMilliseconds: Int? = nil) {
        self.runner = runner
        self.featureSet = featureSet
        self.sbinDirectory = sbinDirectory
        self.environment = environment
        self.capMilliseconds = capMilliseconds
    }

    /// The option for a given feature set: legacy `--as-xml` up to and including 3.2.0,
    /// `--output-as=xml` above it. Without a (parsable) feature set the agent was not started
    /// by Pacemaker, and every supported distribution ships ≥ 2.0.3, so the modern option.
    public static func outputFormat(forFeatureSet featureSet: String?) -> OutputFormat {
        guard let featureSet, let version = FeatureSet(featureSet) else { return .xml }
        return version <= .legacyCrmMonXML ? .legacyXML : .xml
    }

    /// The command `fetch()` runs: `crm_mon -1 <format option>`, as argv.
    public var command: Command {
        let executable = sbinDirectory.map { $0.hasSuffix("/") ? $0 + "crm_mon" : $0 + "/crm_mon" } ?? "crm_mon"
        // Large clusters produce megabytes of XML; a cut-off document would only fail to parse.
        return Command(executable, ["-1", Self.outputFormat(forFeatureSet: featureSet).rawValue],
                       environment: environment, outputLimit: 256 << 20)
    }

    /// Runs crm_mon and parses its output.
    ///
    /// - Returns: the cluster status.
    /// - Throws: `CrmMonError.notConnected` (exit 102), `.commandFailed` (other exits,
    ///   signals, timeouts; with the command's summary), `.cannotRun`, or a parse error.
    public func fetch() throws(CrmMonError) -> ClusterStatus {
        let result: CommandResult
        do { result = try runner.run(command, capMilliseconds: capMilliseconds) } catch { throw .cannotRun(error) }
        if !result.timedOut, result.status == .exited(Int32(CrmMonResultStatus.notConnectedCode)) {
            throw .notConnected(result.summary)
        }
        guard result.succeeded else { throw .commandFailed(result.summary) }
        let status = try Self.parse(bytes: result.stdout)
        if !status.isConnected, status.result?.code == CrmMonResultStatus.notConnectedCode {
            throw .notConnected(status.result?.message ?? result.summary)
        }
        return status
    }

    /// Parses crm_mon XML held in memory. See `CrmMonParser.parse(bytes:)`.
    public static func parse(bytes: [UInt8]) throws(CrmMonError) -> ClusterStatus {
        try CrmMonParser.parse(bytes: bytes)
    }

    /// Parses crm_mon XML given as text. See `CrmMonParser.parse(string:)`.
    public static func parse(string: String) throws(CrmMonError) -> ClusterStatus {
        try CrmMonParser.parse(string: string)
    }

    /// Parses crm_mon XML saved in a file. See `CrmMonParser.parse(file:)`.
    public static func parse(file path: String) throws(CrmMonError) -> ClusterStatus {
        try CrmMonParser.parse(file: path)
    }
}
