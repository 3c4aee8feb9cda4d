import Glibc
import TandemCore

let started = MonotonicInstant.now()
if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == Announcer.actionWord {
    exit(Announcer.main(CommandLine.arguments))
}
let agent = Agent(
    declaration: FloatingIPDeclaration.agent,
    handlers: [
        .start: { try Session.perform($0) { session throws(OCFFailure) in try StartAction(session: session).run() } },
        .stop: { try Session.perform($0) { session throws(OCFFailure) in try StopAction(session: session).run() } },
        .monitor: { try Session.perform($0) { session throws(OCFFailure) in try MonitorAction(session: session).run() } },
        .status: { try Session.perform($0) { session throws(OCFFailure) in try MonitorAction(session: session).run() } },
    ],
    hostCheck: { try Session.hostCheck($0) })
exit(agent.run(started: started))
