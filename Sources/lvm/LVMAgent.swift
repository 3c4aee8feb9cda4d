import TandemCore

/// One invocation of the lvm agent: its parameters, typed and checked together, and the tools.
struct LVMAgent {
    let context: AgentContext
    let volumeGroup: LVMName
    /// nil: every LV of the group.
    let logicalVolume: LVMName?
    /// nil only in an action on a running group with an invalid vg_access_mode (the runtime
    /// refuses start and validate-all then): stop still deactivates, and skips what needs it.
    let mode: AccessMode?
    let activation: ActivationMode
    let tag: LVMTag
    let partial: Bool
    let degraded: Bool
    let majorityPVs: Bool
    let lvm: LVMCommands

    init(_ context: AgentContext) throws {
        typealias D = LVMDeclaration
        let parameters = context.parameters
        let lenient = context.action.actsOnARunningResource
        func unless(_ reason: String) throws {
            guard lenient else { throw OCFFailure(.notConfigured, reason) }
            context.logger.log(context.action == .monitor ? .debug : .warning, "\(reason); left out for \(context.action.rawValue)")
        }
        self.context = context
        volumeGroup = parameters[D.vgname]
        logicalVolume = parameters[D.lvname]
        mode = parameters.ifValid(D.vgAccessMode)
        var activation = parameters[D.activationMode]
        tag = parameters[D.tag]
        partial = parameters[D.partialActivation]
        var degraded = parameters[D.degradedActivation]
        majorityPVs = parameters[D.majorityPVs]
        lvm = LVMCommands(runner: context.runner, logger: context.logger)
        if activation == .shared, let mode, mode != .lvmlockd, mode != .clvmd {
            try unless("activation_mode=shared needs vg_access_mode=lvmlockd (the other modes keep the group to one node)")
            activation = .exclusive
        }
        if partial && degraded {
            // LVM refuses the two together (rc 3), and only after start changed the group's metadata.
            try unless("partial_activation and degraded_activation cannot be combined (LVM refuses --partial with --activationmode)")
            degraded = false
        }
        self.activation = activation
        self.degraded = degraded
        if majorityPVs && mode != .systemID && (context.action == .start || context.action == .validateAll) {
            context.logger.warning("majority_pvs applies to vg_access_mode=system_id only; ignored")
        }
    }

    /// `vg` or `vg/lv`, as the CIB names them.
    var target: String { logicalVolume.map { volumeGroup.text + "/" + $0.text } ?? volumeGroup.text }

    var identityFile: String { context.stateFile("ids") }

    /// What the kernel has active of this VG now.
    func activeVolumes(identity: VolumeIdentity? = nil) -> ActiveVolumes {
        ActiveVolumes(volumeGroup: volumeGroup, identity: identity ?? VolumeIdentity.load(identityFile),
                      devices: DeviceMapperDevice.all())
    }

    /// What this resource stands for, active: its LV, or every active LV of the group.
    func ownVolumes(_ active: ActiveVolumes, identity: VolumeIdentity?) -> [ActiveVolumes.Volume] {
        guard let logicalVolume else { return active.volumes }
        return active.volume(logicalVolume.text, identity: identity).map { [$0] } ?? []
    }
}
