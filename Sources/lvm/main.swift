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
        // Every reloadable parameter is read by start only: nothing to apply to a running group.
        .reloadAgent: { agent in
            agent.context.logger.info("\(agent.target): parameters reloaded")
            return .success
        },
    ],
    hostCheck: { _ = try $0.validateHost() },
    hostCheckedActions: [])
exit(agent.run(started: started))
