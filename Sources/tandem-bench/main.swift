import Glibc

// tandem-bench <benchmark> [options]: one file per benchmark, dispatched here by name.
let arguments = Array(CommandLine.arguments.dropFirst())
let status: Int32
switch arguments.first {
case "crm-mon": status = CrmMonBenchmark.run(Array(arguments.dropFirst()))
case "startup": status = StartupBenchmark.run(Array(arguments.dropFirst()))
case "noop": status = 0  // the start-up floor of a Swift executable linked like the agents
default:
    print("usage: tandem-bench <benchmark> [options]\n\nbenchmarks:\n  crm-mon   crm_mon XML parser vs. a bare libxml2 reader pass\n  startup AGENT [ROUNDS]   meta-data start-up vs. heartbeat/Dummy")
    status = 2
}
exit(status)
