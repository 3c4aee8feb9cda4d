# The body of lab cases 52 (LIO) and 54 (SCST): ocf:tandem:iscsi-target in cluster A's shape
# (lib/cluster-a.sh). Sourced by the case with A_BACKEND (lio|scst) set; see the cases for
# what it checks.
# shellcheck shell=bash
# shellcheck source=cluster-a.sh
source "$LAB_ROOT/lib/cluster-a.sh"
iqn=$a_iqn

step "precondition: examples/cluster-a's ms_drbd; vg_a (lun0) on the Primary, inactive; c1 queues 120 s without paths"
a_precondition
primary=$a_primary
other=$(other_node "$primary")

if [[ $A_BACKEND == scst ]]; then
    # SCST's modules and iscsi-scstd on both nodes (SCST's own service; not Pacemaker's).
    a_scst_start
fi

step "g_san from examples/cluster-a ($A_BACKEND): lvm, two VIPs, the target with its portals on them, after the promotion on $primary"
crm_source=$REPO_ROOT/examples/cluster-a/crm-services.crm
if [[ $A_BACKEND != lio ]]; then
    crm_source=$LAB_RUN/crm-services-$A_BACKEND.crm
    sed "s/implementation=lio/implementation=$A_BACKEND/" "$REPO_ROOT/examples/cluster-a/crm-services.crm" >"$crm_source"
    grep -q "implementation=$A_BACKEND" "$crm_source" || die "the example did not become $A_BACKEND's"
fi
a_load_services "$primary" "$crm_source"

step "c1: discovery on both VIPs, both paths in one map, a pattern written"
a_client_login
mpath=$a_mpath
on c1 "multipath -ll" >&2
before=$(a_wwids)
read -r w1 w2 <<<"$before"
# SCST is given LIO's NAA identifier (6001405 + serial), so both backends show one WWID.
[[ $w1 == "$w2" && $w1 == 36001405* ]] || die "the two paths do not show one WWID in LIO's form: $before"
sum=$(write_pattern c1 "$mpath" clustera 8)
client_writer_start "$mpath" 16
sleep 5

step "the Primary moved to $other: the target follows with the same WWID, the writer goes on"
a_move_to "$other"
[[ $(a_wwids) == "$before" ]] || die "WWIDs after the move: $(a_wwids), before: $before"
verify_pattern c1 "$mpath" 8 "$sum"

step "power cut of $other (active), the writer running: $primary takes the stack over"
power_cut "$other"
wait_crm "$primary" 240 --offline "$other" --promoted ms_drbd "$primary" --started p_target "$primary"
LAB_POLL=2 poll 120 "both paths active/ready on $primary" -- a_both_paths_ready >&2
[[ $(a_wwids) == "$before" ]] || die "WWIDs after the power cut: $(a_wwids), before: $before"
sleep 5
client_writer_verify "the move and the power cut"
verify_pattern c1 "$mpath" 8 "$sum"

step "boot $other: it rejoins and takes nothing"
power_on "$other"
wait_crm "$primary" 300 --online "$other" --started p_target "$primary" --settled
a_both_paths_ready >&2 || die "c1's paths after $other came back"
no_failed_ops s1 || die "failed operations"

step "stop g_san: nothing of the target left; c1 logged out, its multipath.conf back"
a_remove_services
for guest in "${LAB_STORAGE[@]}"; do
    left=$(on "$guest" "find /sys/kernel/config/target /sys/kernel/scst_tgt/devices /sys/kernel/scst_tgt/targets/iscsi -maxdepth 1 -name '*p_target*' -o -maxdepth 1 -name '*$iqn*' 2>/dev/null | head -n 3; find /sys/kernel/config/target -path '*p_target*' 2>/dev/null | head -n 3")
    [[ -z $left ]] || die "$guest still holds: $left"
done
if [[ $A_BACKEND == scst ]]; then a_scst_stop; fi
