import TandemCore

/// One invocation of the lvm agent: its parameters, typed and checked together, and the tools.
struct LVMAgent {
    let context: AgentContext
    let volumeGroup: LVMName
    /// nil: every LV of the group.
    let logicalVolume: LVMName?
    let mode: AccessMode
    let activation: ActivationMode
    let tag: LVMTag
    let partial: Bool
    let degraded: Bool
    let majorityPVs: Bool
    let lvm: LVMCommands

    init(_ context: AgentContext) throws {
        typealias D = LVMDeclaration
        let parameters = context.parameters
        self.context = context
        volumeGroup = parameters[D.vgname]
        logicalVolume = parameters[D.lvname]
        mode = parameters[D.vgAccessMode]
        var activation = parameters[D.activationMode]
        tag = parameters[D.tag]
        partial = parameters[D.partialActivation]
        degraded = parameters[D.degradedActivation]
        majorityPVs = parameters[D.majorityPVs]
        lvm = LVMCommands(runner: context.runner, logger: context.logger)
        if activation == .shared && mode != .lvmlockd && mode != .clvmd {
            let reason = "activation_mode=shared needs vg_access_mode=lvmlockd (the other modes keep the group to one node)"
            guard context.action.actsOnARunningResource else { throw OCFFailure(.notConfigured, reason) }
            context.logger.warning("\(reason); exclusive for \(context.action.rawValue)")
            activation = .exclusive
        }
        self.activation = activation
        if majorityPVs && mode != .systemID && !context.action.actsOnARunningResource {
            context.logger.warning("majority_pvs applies to vg_access_mode=system_id only; ignored")
        }
    }

    /// `vg` or `vg/lv`, as LVM's commands and the admin name it.
    var target: String { logicalVolume.map { volumeGroup.text + "/" + $0.text } ?? volumeGroup.text }

    var identityFile: String { context.stateFile("ids") }

    /// What the kernel has active of this VG now.
    func activeVolumes() -> ActiveVolumes {
        ActiveVolumes(volumeGroup: volumeGroup, identity: VolumeIdentity.load(identityFile),
                      devices: DeviceMapperDevice.all())
    }

    /// Whether what this resource stands for is active: its LV, or any LV of the group.
    func isActive(_ active: ActiveVolumes) -> Bool {
        logicalVolume.map { active.contains($0.text) } ?? !active.isEmpty
    }
}
