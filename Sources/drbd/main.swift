import Glibc
import TandemCore

let started = MonotonicInstant.now()
let agent = Agent(
    declaration: DRBDAgentDeclaration.agent,
    handlers: [
        .start: { try DRBDAgent($0).start() },
        .stop: { try DRBDAgent($0).stop() },
        .monitor: { try DRBDAgent($0).monitor() },
        .promote: { try DRBDAgent($0).promote() },
        .demote: { try DRBDAgent($0).demote() },
        .notify: { try DRBDAgent($0).notify() },
        .reload: { try DRBDAgent($0).reload() },
        .reloadAgent: { try DRBDAgent($0).reloadAgent() },
    ],
    hostCheck: { try DRBDAgent($0).validateHost() },
    hostCheckedActions: [.start, .promote, .reload, .reloadAgent])
exit(agent.run(started: started))
