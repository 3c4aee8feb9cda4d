/// The findings of one `tandem doctor` run and how they are shown.
struct DoctorReport {
    /// The `--json` schema (README "tandem doctor").
    static let schema = "tandem-doctor/1"

    static let checks: [any DoctorCheck] = [
        FencingCheck(), QuorumCheck(), DRBDCloneCheck(), MonitorIntervalCheck(), DualPrimaryCheck(),
        DRBDHandlerCheck(), StackChainCheck(), ISCSITargetCheck(), LVMFilterCheck(), ClientTimeoutCheck(),
        LocalInputCheck(),
    ]

    let findings: [Finding]
    /// What was read besides the CIB, for the header and the JSON.
    let sources: [(String, String)]

    init(context: DoctorContext, sources: [(String, String)]) {
        let all = Self.checks.flatMap { $0.findings(context) }
        findings = all.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
            .map(\.element)
        self.sources = sources
    }

    /// 0 clean (notes only), 1 warnings, 2 errors.
    var exitCode: Int32 {
        let worst = findings.map(\.severity).min()
        return worst == .error ? 2 : worst == .warning ? 1 : 0
    }

    func text(_ terminal: Terminal) -> String {
        var lines = sources.map { "\($0.0): \($0.1)" }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        for finding in findings {
            lines.append("")
            lines.append(terminal.paint(finding.severity.label, finding.severity.style) + "  "
                         + terminal.paint(finding.message, .bold) + "  [\(finding.check)]")
            lines.append("       why: " + finding.why)
            lines.append("       fix: " + finding.fix)
        }
        lines.append("")
        let summary = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), "
            + "\(findings.count - errors - warnings) note\(findings.count - errors - warnings == 1 ? "" : "s")"
        lines.append(errors + warnings == 0 ? terminal.paint("clean: " + summary, .green) : summary)
        return lines.joined(separator: "\n") + "\n"
    }

    var json: JSONValue {
        .object([
            ("schema", .string(Self.schema)),
            ("exitCode", .int(Int(exitCode))),
            ("sources", .object(sources.map { ($0.0, .string($0.1)) })),
            ("findings", .array(findings.map(\.json))),
        ])
    }
}
