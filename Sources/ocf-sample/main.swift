import Glibc
import TandemCore

let started = MonotonicInstant.now()
let agent = Agent(
    declaration: SampleDeclaration.agent,
    prepare: { SampleActions(context: $0) },
    handlers: [
        .start: { try $0.start() },
        .stop: { try $0.stop() },
        .monitor: { try $0.monitor() },
        .promote: { try $0.promote() },
        .demote: { try $0.demote() },
        .notify: { try $0.notify() },
    ])
exit(agent.run(started: started))
