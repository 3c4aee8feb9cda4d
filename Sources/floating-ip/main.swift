import Glibc
import TandemCore

let started = MonotonicInstant.now()
if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == Announcer.actionWord {
    exit(Announcer.main(CommandLine.arguments))
}
let agent = Agent(
    declaration: FloatingIPDeclaration.agent,
    prepare: { try Session.prepare($0) },
    handlers: [
        .start: { try $0.perform { session throws(OCFFailure) in try StartAction(session: session).run() } },
        .stop: { try $0.perform { session throws(OCFFailure) in try StopAction(session: session).run() } },
        .monitor: { try $0.perform { session throws(OCFFailure) in try MonitorAction(session: session).run() } },
        .status: { try $0.perform { session throws(OCFFailure) in try MonitorAction(session: session).run() } },
    ],
    hostCheck: { try $0.hostCheck() })
exit(agent.run(started: started))
