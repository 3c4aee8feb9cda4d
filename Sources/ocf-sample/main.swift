import Glibc
import TandemCore

let started = MonotonicInstant.now()
let agent = Agent(
    declaration: SampleDeclaration.agent,
    handlers: [
        .start: { try SampleActions(context: $0).start() },
        .stop: { try SampleActions(context: $0).stop() },
        .monitor: { try SampleActions(context: $0).monitor() },
        .promote: { try SampleActions(context: $0).promote() },
        .demote: { try SampleActions(context: $0).demote() },
        .notify: { SampleActions(context: $0).notify() },
    ])
exit(agent.run(started: started))
