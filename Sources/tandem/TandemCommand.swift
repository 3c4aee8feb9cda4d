import ArgumentParser
import TandemCore

/// `tandem`: the admin's command for a Tandem SAN. Its help, shell completions and man page
/// tandem(8) all come from these declarations (swift-argument-parser).
@main
struct TandemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "Show and check a Tandem iSCSI SAN (Pacemaker, DRBD, LVM, iSCSI, floating IPs).",
        version: TandemVersion.current,
        subcommands: [StatusCommand.self, DoctorCommand.self])

    /// `--watch` takes an optional value, which ArgumentParser options cannot: a bare
    /// `--watch` gets the default interval before parsing.
    static func main() {
        main(WatchArgument.withDefault(Array(CommandLine.arguments.dropFirst()),
                                       seconds: StatusCommand.defaultWatchSeconds))
    }
}
