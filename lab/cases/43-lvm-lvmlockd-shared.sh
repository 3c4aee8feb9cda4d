# Cluster B's LVM (#12): a shared volume group on dual-primary DRBD, active on both nodes
# through lvmlockd and dlm, with STONITH through sbd (dlm waits for fencing, and controld
# refuses to start without it). examples/cluster-b as written: r0.res and crm-drbd.crm (both
# Primary), crm-services.crm (cl_lock: ocf:pacemaker:controld + ocf:heartbeat:lvmlockd;
# cl_lvm: ocf:tandem:lvm vg_access_mode=lvmlockd activation_mode=shared on vg1).
# 1. sbd + fence_sbd, both Primary, use_lvmlockd=1; cl_lock on both nodes;
# 2. vg1 made shared (vgcreate --shared) with lun0; cl_lvm activates lun0 on both nodes;
# 3. data written through /dev/vg1/lun0 on s1 reads back on s2, and the other way round;
# 4. the monitor runs no process in lvmlockd mode either;
# 5. cl_lvm stopped: lun0 inactive on both, and each node's lockspace stopped.
# Starts from fresh r0 meta-data (drbd_fresh). Leaves the lab as 39 does: STONITH and sbd out,
# the cluster restarted without them, ms_drbd removed, DRBD down, the lab's r0.res and lvm.conf.

active_on_both() {
    local guest have
    for guest in "${LAB_STORAGE[@]}"; do
        have=$(vg_devices "$guest" vg1 | tr '\n' ' ')
        [[ $have == "vg1-lun0 " ]] || { echo "vg1 on $guest: [$have]"; return 1; }
    done
}
lockspaces() { on "$1" "dlm_tool ls 2>/dev/null | sed -n 's/^name *//p' | tr '\n' ' '"; }

step "precondition: nothing above r0, fresh r0 meta-data, r0 down"
drbd_fresh

step "sbd on s1 and s2 (shared disk, watchdog); STONITH: fence_sbd, stonith-enabled=true"
sbd_stonith_enable

step "examples/cluster-b: both Primary; lvm.conf with use_lvmlockd=1"
drbd_use_example cluster-b
crm_load s1 "$REPO_ROOT/examples/cluster-b/crm-drbd.crm"
wait_crm_roles s1 ms_drbd Promoted "s1 s2" 240
wait_drbd s1 "Connected Primary/Primary UpToDate/UpToDate" 180
wait_drbd s2 "Connected Primary/Primary UpToDate/UpToDate" 30
lvm_conf_use lvmlockd

step "cl_lock (dlm + lvmlockd) from examples/cluster-b/crm-services.crm on both nodes"
# The example's part before the LVM resource: the lock managers must run before vg1 can be made.
lock_part=$(mktemp)
sed '/^primitive p_lvm_vg1/,$d' "$REPO_ROOT/examples/cluster-b/crm-services.crm" >"$lock_part"
crm_load s1 "$lock_part"
rm -f "$lock_part"
wait_crm s1 240 --started p_lvmlockd s1 --started p_lvmlockd s2 --settled
for guest in "${LAB_STORAGE[@]}"; do
    on "$guest" "test -S /run/lvm/lvmlockd.socket && pidof lvmlockd >/dev/null && pidof dlm_controld >/dev/null" \
        || die "lvmlockd or dlm_controld does not run on $guest"
done

step "vg1: a shared volume group (lock type dlm) on /dev/drbd0, lun0 made inactive"
on_bash s1 <<'SCRIPT'
set -e
pvcreate -q -ff -y /dev/drbd0
vgcreate -q --shared vg1 /dev/drbd0
lvcreate -q -y -an -Wn -Zn -n lun0 -L 48M vg1
vgs --noheadings -o vg_name,vg_lock_type,vg_attr vg1
SCRIPT
[[ $(on s2 "vgs --noheadings -o vg_lock_type vg1" | tr -d ' ') == dlm ]] || die "s2 does not see vg1 as a shared (dlm) group"

step "cl_lvm (ocf:tandem:lvm, lvmlockd, shared): lun0 active on both nodes"
crm_load s1 "$REPO_ROOT/examples/cluster-b/crm-services.crm"
wait_crm s1 240 --started cl_lvm s1 --started cl_lvm s2 --settled
poll 30 "vg1/lun0 active on s1 and s2" -- active_on_both
poll 10 "no failed operation" -- no_failed_ops
for guest in "${LAB_STORAGE[@]}"; do
    [[ " $(lockspaces "$guest") " == *" lvm_vg1 "* ]] || die "no lvm_vg1 lockspace on $guest: $(lockspaces "$guest")"
done

step "data through /dev/vg1/lun0: written on s1 read on s2, and back"
sum=$(write_pattern s1 /dev/vg1/lun0 shared1 8)
verify_pattern s2 /dev/vg1/lun0 8 "$sum"
sum=$(write_pattern s2 /dev/vg1/lun0 shared2 8)
verify_pattern s1 /dev/vg1/lun0 8 "$sum"

step "the monitor runs no process in lvmlockd mode (strace -f on s2)"
execs=$(on_bash s2 <<'SCRIPT'
env OCF_ROOT=/usr/lib/ocf OCF_RESOURCE_INSTANCE=p_lvm_vg1 OCF_RESKEY_vgname=vg1 OCF_RESKEY_vg_access_mode=lvmlockd \
    OCF_RESKEY_activation_mode=shared OCF_RESKEY_CRM_meta_interval=30000 OCF_RESKEY_CRM_meta_timeout=30000 \
    HA_RSCTMP=/run/resource-agents strace -f -qq -e trace=execve -o /tmp/lvm-monitor.strace \
    /usr/lib/ocf/resource.d/tandem/lvm monitor
echo "rc=$? execs=$(grep -c 'execve(' /tmp/lvm-monitor.strace)"
SCRIPT
)
[[ $execs == "rc=0 execs=1" ]] || die "monitor on s2: $execs (want rc=0 and only the agent's own execve)"

step "cl_lvm stopped: lun0 inactive and the lockspace stopped on both; vg1 removed, cl_lock and cl_lvm deleted"
on s1 "crm resource stop cl_lvm"
wait_crm s1 120 --stopped cl_lvm --settled
for guest in "${LAB_STORAGE[@]}"; do
    [[ -z $(vg_devices "$guest" vg1) ]] || die "vg1 still active on $guest after cl_lvm stopped"
    [[ " $(lockspaces "$guest") " != *" lvm_vg1 "* ]] || die "lvm_vg1 lockspace still on $guest: $(lockspaces "$guest")"
done
# vg1 goes while lvmlockd still runs (a shared group needs its lock to be removed).
on s1 "vgchange -q --lockstart vg1 && vgremove -q -y vg1 && pvremove -q -y /dev/drbd0" >&2
on s1 "crm resource stop cl_lock"
wait_crm s1 180 --stopped cl_lock --settled
poll 10 "no failed operation after cl_lvm and cl_lock stopped" -- no_failed_ops
cib_remove_above_drbd

step "back to the lab without STONITH: ms_drbd and st_sbd removed, sbd disabled, cluster restarted"
drbd_clone_remove
sbd_stonith_disable
lvm_conf_use lab
drbd_use_lab_config
