import Glibc
import TandemCore

let started = MonotonicInstant.now()
let agent = Agent(
    declaration: TargetDeclaration.agent,
    prepare: { try ISCSITargetAgent($0) },
    handlers: [
        .start: { try $0.start() },
        .stop: { try $0.stop() },
        .monitor: { try $0.monitor() },
        .promote: { try $0.requirePromotable(); return try $0.promote() },
        .demote: { try $0.requirePromotable(); return try $0.demote() },
        .notify: { try $0.notify() },
        .reloadAgent: { try $0.reloadAgent() },
    ],
    hostCheck: { try $0.validateHost() },
    hostCheckedActions: [.start])
exit(agent.run(started: started))
