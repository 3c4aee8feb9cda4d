# The body of lab cases 51 (LIO) and 53 (SCST): ocf:tandem:iscsi-target as a promotable clone
# in cluster B's shape (lib/cluster-b.sh). Sourced by the case with ALUA_BACKEND (lio|scst)
# set; see the cases for what it checks.
# shellcheck shell=bash
# shellcheck source=cluster-b.sh
source "$LAB_ROOT/lib/cluster-b.sh"

foreign=iqn.2026-01.org.tandem.lab:byhand-$ALUA_BACKEND
# A target made by hand on s1 (checked to survive the clone's stop), and its removal.
foreign_make() {
    if [[ $ALUA_BACKEND == lio ]]; then
        # Without targetcli's default portal 0.0.0.0:3260 (the target's own portals hold port
        # 3260); targetcli's saved preference is put back.
        on_bash s1 "$foreign" <<'SCRIPT' || die "targetcli could not make $foreign"
set -e
was=$(targetcli get global auto_add_default_portal | sed -n 's/.*=//p')
targetcli set global auto_add_default_portal=false >/dev/null
targetcli /iscsi create "$1" >/dev/null
targetcli set global auto_add_default_portal="${was:-true}" >/dev/null
SCRIPT
    else
        # SCST's management interface: the write may answer EAGAIN and finish in the background.
        on s1 "echo 'add_target $foreign' > /sys/kernel/scst_tgt/targets/iscsi/mgmt 2>/dev/null; true"
        poll 20 "$foreign in SCST" -- on s1 "test -d /sys/kernel/scst_tgt/targets/iscsi/$foreign"
    fi
}
foreign_exists() {
    if [[ $ALUA_BACKEND == lio ]]; then on s1 "test -d /sys/kernel/config/target/iscsi/$foreign"
    else on s1 "test -d /sys/kernel/scst_tgt/targets/iscsi/$foreign"; fi
}
foreign_remove() {
    if [[ $ALUA_BACKEND == lio ]]; then
        on s1 "targetcli /iscsi delete $foreign >/dev/null 2>&1; true"
    elif on s1 "test -d /sys/kernel/scst_tgt/targets/iscsi"; then
        on s1 "echo 'del_target $foreign' > /sys/kernel/scst_tgt/targets/iscsi/mgmt 2>/dev/null; true"
        poll 20 "$foreign gone from SCST" -- on s1 "! test -d /sys/kernel/scst_tgt/targets/iscsi/$foreign"
    fi
}

step "precondition: examples/cluster-b's ms_drbd, Primary on both; no target; c1 logged out"
alua_precondition
if foreign_exists; then foreign_remove; fi  # what an aborted run left

step "ms_target: the target promotable on both nodes ($ALUA_BACKEND), one promoted"
alua_load_target
promoted=$alua_promoted
other=$alua_other
for guest in "${LAB_STORAGE[@]}"; do
    id=$(on "$guest" "crm_node -i")
    if [[ $ALUA_BACKEND == lio ]]; then
        dir=$(on "$guest" "ls -d /sys/kernel/config/target/core/iblock_*/p_target-lun0/alua/tandem_tg$id")
        group=$(on "$guest" "cat $dir/tg_pt_gp_id")
        state=$(on "$guest" "cat $dir/alua_access_state")
    else
        dir=/sys/kernel/scst_tgt/device_groups/p_target/target_groups/tandem_tg$id
        group=$(on "$guest" "head -n 1 $dir/group_id")
        state=$(on "$guest" "head -n 1 $dir/state")
    fi
    [[ $group == "$id" ]] || die "$guest: target port group tandem_tg$id has id '$group', want $id"
    lab_log "$guest: nodeid $id, target port group $group, state $state"
done

step "the recurring monitor of the promoted instance ($promoted) runs no process (strace)"
# As Pacemaker runs it (same instance, so the same score cache); the second run is measured:
# an unchanged promotion score is not sent again.
execs=$(on_bash "$promoted" "$agent" "$iqn" "$ALUA_BACKEND" "$(on "$promoted" "crm_node -i")" <<'SCRIPT'
agent=$1 iqn=$2 backend=$3 id=$4
ids=""
[ "$backend" = scst ] && ids="s1=1 s2=2"
for run in 1 2; do
    env OCF_ROOT=/usr/lib/ocf OCF_RESOURCE_INSTANCE=p_target OCF_RESKEY_implementation="$backend" OCF_RESKEY_iqn="$iqn" \
        OCF_RESKEY_luns=0:/dev/drbd0 OCF_RESKEY_alua_group_ids="$ids" OCF_RESKEY_CRM_meta_promotable=true \
        OCF_RESKEY_CRM_meta_clone_max=2 OCF_RESKEY_CRM_meta_on_node="$(hostname)" OCF_RESKEY_CRM_meta_on_node_uuid="$id" \
        OCF_RESKEY_CRM_meta_interval=9000 OCF_RESKEY_CRM_meta_timeout=20000 HA_RSCTMP=/run/resource-agents \
        strace -f -qq -e trace=execve -o /tmp/alua-monitor.strace "$agent" monitor
    rc=$?
done
echo "rc=$rc execs=$(grep -c 'execve(' /tmp/alua-monitor.strace)"
SCRIPT
)
[[ $execs == "rc=8 execs=1" ]] || die "monitor on $promoted: $execs (want rc=8 and only the agent's own execve)"

step "c1 logs in on all four portals: TPGS=1, each node's group by sg_rtpg, one WWID, prio 50 / 10"
alua_client_login
on c1 "multipath -ll" >&2
wwids=""
for address in "${portals[@]}"; do
    dev=/dev/disk/by-path/ip-$address:3260-iscsi-$iqn-lun-0
    node=$(node_of_portal "$address")
    id=$(on "$node" "crm_node -i")
    on c1 "sg_inq $dev" | grep -q "TPGS=1" || die "sg_inq through $address does not show TPGS=1"
    rtpg=$(on c1 "sg_rtpg -vvd $dev" 2>&1)
    # "ID STATE" for each group the answer lists.
    groups=$(awk '/target port group id/ { id = $6 } /asymmetric access state/ { sub(/.*\(/, ""); sub(/\).*/, ""); print id, $0 }' <<<"$rtpg")
    for check in "$node" "$(other_node "$node")"; do
        [[ $check == "$node" || $ALUA_BACKEND == scst ]] || continue
        check_id=$(on "$check" "crm_node -i")
        want="active/non optimized"
        [[ $check == "$promoted" ]] && want="active/optimized"
        grep -qx "$(printf '0x%x' "$check_id") $want" <<<"$groups" || die "sg_rtpg through $address ($node) does not show $check's group $check_id $want: $groups"
    done
    expected=1
    if [[ $ALUA_BACKEND == scst ]]; then expected=2; fi
    [[ $(grep -c . <<<"$groups") == "$expected" ]] || die "sg_rtpg through $address lists $(grep -c . <<<"$groups") groups, want $expected: $groups"
    grep -qi "implicit" <<<"$rtpg" || die "sg_rtpg through $address does not say implicit: $rtpg"
    wwids+="$(on c1 "/lib/udev/scsi_id -g -u -d $dev") "
done
lab_log "sg_rtpg through $promoted's lan path:"
on c1 "sg_rtpg -vvd /dev/disk/by-path/ip-$(guest_addr "$promoted" lan):3260-iscsi-$iqn-lun-0" >&2 2>&1 || true
[[ $(tr ' ' '\n' <<<"$wwids" | grep -c .) == 4 && $(tr ' ' '\n' <<<"$wwids" | grep . | sort -u | wc -l) == 1 ]] \
    || die "the four paths do not show one WWID: $wwids"
[[ $wwids == 36001405* ]] || die "WWID ${wwids%% *} is not LIO's NAA (36001405 + serial)"
lab_log "one WWID on all four paths: ${wwids%% *}"

step "the swap: crm_resource --move --promoted to $other, a checked writer running on c1"
client_writer_start "$alua_mpath" 16
sleep 5
alua_swap_to "$other"
sleep 5
client_writer_verify "the swap"
on c1 "multipath -ll" >&2
lab_log "sg_rtpg through $other's lan path after the swap:"
rtpg=$(on c1 "sg_rtpg -vvd /dev/disk/by-path/ip-$(guest_addr "$other" lan):3260-iscsi-$iqn-lun-0" 2>&1)
echo "$rtpg" >&2
grep -A1 "target port group id : $(printf '0x%x' "$(on "$other" "crm_node -i")") ," <<<"$rtpg" | grep -q "active/optimized" \
    || die "after the swap, sg_rtpg through $other does not show its group active/optimized"
wait_crm_roles s1 ms_target Promoted "$other" 10
no_failed_ops s1 || die "failed operations after the swap"

step "stop: the clone goes, c1's paths fail, nothing of it stays; a target made by hand on s1 survives"
foreign_make
alua_remove_target
for guest in "${LAB_STORAGE[@]}"; do
    left=$(on "$guest" "find /sys/kernel/config/target /sys/kernel/scst_tgt/devices /sys/kernel/scst_tgt/targets/iscsi /sys/kernel/scst_tgt/device_groups -maxdepth 1 -name '*p_target*' -o -maxdepth 1 -name '*$iqn*' 2>/dev/null | head -n 3")
    [[ -z $left ]] || die "$guest still holds: $left"
done
foreign_exists || die "the clone's stop removed $foreign, made by hand"
foreign_remove

if [[ $ALUA_BACKEND == lio ]]; then
    step "ocf-tester: promote and demote against LIO (by hand on s1, r0 Primary)"
    out=$(on s1 "HA_RSCTMP=/run/resource-agents ocf-tester -v -n p_tester -o implementation=lio -o iqn=$iqn -o luns=0:/dev/drbd0 -o CRM_meta_promotable=true -o CRM_meta_on_node_uuid=1 $agent 2>&1" || true)
    grep -q "Promoting resource" <<<"$out" || die "ocf-tester did not try promote: $out"
else
    step "ocf-tester against SCST (a primitive, by hand on s1, r0 Primary)"
    out=$(on s1 "HA_RSCTMP=/run/resource-agents ocf-tester -n p_tester -o implementation=scst -o iqn=$iqn -o luns=0:/dev/drbd0 $agent 2>&1" || true)
fi
ocf_tester_accepts s1 "$agent" "$out" || die "ocf-tester: $out"
on s1 "crm_attribute -N s1 -n master-p_tester -l reboot -D >/dev/null 2>&1; true"
left=$(on s1 "find /sys/kernel/config/target /sys/kernel/scst_tgt/devices /sys/kernel/scst_tgt/targets/iscsi -maxdepth 1 -name '*p_tester*' -o -maxdepth 1 -name '*$iqn*' 2>/dev/null | head -n 3")
[[ -z $left ]] || die "ocf-tester left: $left"

step "ms_drbd stopped and removed; DRBD down, the lab's r0.res back"
alua_teardown
