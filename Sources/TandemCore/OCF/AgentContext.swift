/// Everything an action handler needs, built once per invocation.
public struct AgentContext: Sendable {
    public let declaration: AgentDeclaration
    public let action: ActionName
    public let environment: OCFEnvironment
    public let parameters: ParameterValues
    public let logger: Logger
    public let budget: OperationBudget
    public let runner: CommandRunner

    public var meta: ResourceMeta { environment.meta }

    /// `OCF_RESOURCE_INSTANCE`, e.g. `p_drbd:0`.
    public var instance: String { environment.resourceInstance }

    /// A monitor with interval 0: Pacemaker asking what runs here, before it acts.
    public var isProbe: Bool { action == .monitor && meta.intervalMilliseconds == 0 }

    /// This node's name as Pacemaker knows it (`CRM_meta_on_node`, else the host name).
    public var localNode: String? { meta.onNode ?? Syscalls.hostName() }

    /// The notification being delivered, for the notify action.
    public var notification: NotifyEvent? { NotifyEvent(environment) }

    /// A file under `HA_RSCTMP` owned by this agent and instance (clone suffix kept out,
    /// so that an anonymous clone's state survives a change of instance number).
    public func stateFile(_ suffix: String) -> String {
        environment.rscTmp + "/tandem-\(declaration.name)-\(environment.resourceBaseName).\(suffix)"
    }
}
