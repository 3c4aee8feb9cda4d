import Glibc
import TandemCore

let started = MonotonicInstant.now()
let agent = Agent(
    declaration: LVMDeclaration.agent,
    prepare: { try LVMAgent($0) },
    handlers: [
        .start: { try $0.start() },
        .stop: { try $0.stop() },
        .monitor: { try $0.monitor() },
        .reloadAgent: { try $0.reloadAgent() },
    ],
    hostCheck: { _ = try $0.validateHost() },
    hostCheckedActions: [])
exit(agent.run(started: started))
