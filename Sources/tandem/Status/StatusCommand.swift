import ArgumentParser
import TandemCore

/// `tandem status`: the whole SAN on one screen.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the cluster, DRBD, LVM, floating IPs, failed and pending actions; problems first.",
        discussion: """
            Reads the cluster with one crm_mon call and this node's state from the kernel: DRBD \
            from /proc/drbd (DRBD 8; drbdsetup events2 on DRBD 9), LVM activation from \
            /sys/block/dm-*/dm, as the agents do. Colour only on a terminal; NO_COLOR turns it off. \
            Exit status: 0 nothing wrong, 1 warnings, 2 errors (the first frame's, with --watch).
            """)

    @Flag(name: .long, help: "Print JSON (schema tandem-status/1, see the README).")
    var json = false

    @Option(name: .long, help: ArgumentHelp(
        "Redraw every SECONDS (default 2) until Ctrl-C; the value may be left out.", valueName: "seconds"))
    var watch: Int?

    @Option(name: .long, help: ArgumentHelp(
        "Read saved crm_mon XML (crm_mon -1 --output-as=xml) instead of running crm_mon; - is standard input. "
            + "This node's DRBD and LVM are then not shown.", valueName: "file"))
    var file: String?

    @Flag(name: .long, help: "Show only the cluster, not this node's DRBD and LVM.")
    var noLocal = false

    /// `--watch` alone means every 2 seconds.
    static let defaultWatchSeconds = 2

    func validate() throws {
        if let watch, watch < 1 { throw ValidationError("--watch needs at least 1 second") }
        if watch != nil, file == "-" { throw ValidationError("--watch cannot read standard input again") }
    }

    func run() throws {
        let environment = EnvironmentSnapshot.current()
        let collector = StatusCollector(input: file.map(StatusCollector.Input.file) ?? .live,
                                        readLocal: file == nil && !noLocal, environment: environment)
        let terminal = json ? Terminal.plain : Terminal.standardOutput(environment: environment)
        let render = { (report: StatusReport) in
            json ? StatusJSON(report: report).document.rendered : StatusText(report: report, terminal: terminal).render()
        }
        guard let watch else {
            let report = collector.collect()
            StandardStreams.write(render(report))
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
            return
        }
        var firstCode: Int32?
        _ = WatchLoop(intervalSeconds: watch, interactive: terminal.isInteractive && !json).run {
            let report = collector.collect()
            if firstCode == nil { firstCode = report.exitCode }
            return render(report)
        }
        if let firstCode, firstCode != 0 { throw ExitCode(firstCode) }
    }
}
