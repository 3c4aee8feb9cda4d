# The body of lab cases 51 (LIO) and 53 (SCST): ocf:tandem:iscsi-target as a promotable clone
# in cluster B's shape, under Pacemaker over examples/cluster-b's dual-primary DRBD, with c1's
# open-iscsi and dm-multipath (prio alua, detect_prio no) as the client. Sourced by the case
# with ALUA_BACKEND (lio|scst) set; see the cases for what it checks.
# shellcheck shell=bash

agent=/usr/lib/ocf/resource.d/tandem/iscsi-target
iqn=iqn.2026-01.org.tandem.lab:alua-$ALUA_BACKEND
portals=("$(guest_addr s1 lan)" "$(guest_addr s1 san)" "$(guest_addr s2 lan)" "$(guest_addr s2 san)")
node_of_portal() { case $1 in *.11) echo s1 ;; *) echo s2 ;; esac; }

alua_client_clean() {
    on c1 "multipath -F >/dev/null 2>&1; iscsiadm -m node -T $iqn -u >/dev/null 2>&1; iscsiadm -m node -o delete >/dev/null 2>&1; iscsiadm -m discoverydb -t st -o delete >/dev/null 2>&1; true"
}

# "ADDRESS PRIO" for each of the four paths, as multipathd ranks them now.
path_prios() {
    on_bash c1 "$iqn" "${portals[@]}" <<'SCRIPT'
iqn=$1; shift
for address in "$@"; do
    dev=$(basename "$(readlink -f "/dev/disk/by-path/ip-$address:3260-iscsi-$iqn-lun-0")")
    prio=$(multipathd show paths raw format "%d %p" | awk -v d="$dev" '$1 == d { print $2 }')
    echo "$address ${prio:-none}"
done
SCRIPT
}

# Succeeds when the promoted node's two paths have prio 50 and the other's 10.
prios_follow() {
    local promoted=$1 out address prio want
    out=$(path_prios)
    while read -r address prio; do
        want=10
        [[ $(node_of_portal "$address") == "$promoted" ]] && want=50
        [[ $prio == "$want" ]] || { echo "$out"; return 1; }
    done <<<"$out"
    echo "$out"
}

step "precondition: examples/cluster-b's ms_drbd, Primary on both; no target; c1 logged out"
alua_client_clean
client_logout
target_remove s1
target_remove s2
ensure_drbd_clone
cib_remove_above_drbd
drbd_use_example cluster-b
for guest in "${LAB_STORAGE[@]}"; do on "$guest" "drbdadm adjust r0"; done
crm_load s1 "$REPO_ROOT/examples/cluster-b/crm-drbd.crm"
wait_crm_roles s1 ms_drbd Promoted "s1 s2" 180
wait_drbd s1 "Connected Primary/Primary UpToDate/UpToDate" 60
# No volume group of an earlier case on the LUN (c1 would find and use it).
for guest in "${LAB_STORAGE[@]}"; do on "$guest" "vgchange -q -an >/dev/null 2>&1; true"; done
on s1 "wipefs -q -a /dev/drbd0 >/dev/null; dd if=/dev/zero of=/dev/drbd0 bs=1M count=8 oflag=direct status=none"

if [[ $ALUA_BACKEND == scst ]]; then
    # SCST's modules and iscsi-scstd on both nodes (what SCST's own service does); LIO has no
    # portal left to hold port 3260.
    for guest in "${LAB_STORAGE[@]}"; do
        on "$guest" "modprobe -a scst scst_vdisk iscsi-scst && (pgrep -x iscsi-scstd >/dev/null || /usr/local/sbin/iscsi-scstd)"
        poll 30 "iscsi-scstd on $guest" -- on "$guest" "grep -qx open /sys/kernel/scst_tgt/targets/iscsi/open_state"
    done
fi

step "ms_target: the target promotable on both nodes ($ALUA_BACKEND), one promoted"
crm_file=$LAB_RUN/crm-alua.crm
# examples/cluster-b/crm-target.crm as written but for the lab's names: /dev/drbd0 instead of
# vg1's LV, the lab's node names, constraints on ms_drbd instead of cl_lvm; for LIO the
# implementation and the default group ids (corosync's nodeids).
sed -e 's|/dev/vg1/lun0|/dev/drbd0|' -e 's/hpms01/s1/; s/hpms02/s2/' -e "s|iqn=\"[^\"]*\"|iqn=$iqn|" -e '/cl_lvm/d' \
    "$REPO_ROOT/examples/cluster-b/crm-target.crm" >"$crm_file"
if [[ $ALUA_BACKEND == lio ]]; then
    sed -i -e 's/implementation=scst/implementation=lio/' -e 's/ *alua_group_ids="[^"]*"//' "$crm_file"
fi
cat >>"$crm_file" <<CRM
colocation col_target_on_drbd inf: ms_target ms_drbd:Master
order ord_drbd_before_target Mandatory: ms_drbd:promote ms_target:start
CRM
grep -q "implementation=$ALUA_BACKEND" "$crm_file" || die "the example did not become $ALUA_BACKEND's: $(cat "$crm_file")"
crm_load s1 "$crm_file"
wait_crm s1 120 --started ms_target s1 --started ms_target s2
promoted=$(LAB_POLL=2 poll 90 "one promoted ms_target instance" -- on s1 "tandem-crm-wait --nodes ms_target Promoted | grep -Ex 's1|s2'")
other=$(other_node "$promoted")
wait_crm_roles s1 ms_target Unpromoted "$other" 30
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
for address in "${portals[@]}"; do
    on c1 "iscsiadm -m discovery -t st -p $address" | grep -q "$iqn" || die "discovery on $address does not list $iqn"
done
# One login per portal: SCST's SendTargets also lists addresses no client reaches (the
# guests' qemu address).
for address in "${portals[@]}"; do on c1 "iscsiadm -m node -T $iqn -p $address:3260 -l >/dev/null"; done
on c1 "udevadm settle"
wait_mpath "prio=50 status=active" 60
wait_mpath "prio=10 status=enabled" 30
LAB_POLL=2 poll 60 "the promoted node's ($promoted) paths at prio 50, the others at 10" -- prios_follow "$promoted" >&2
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
mpath=$(mpath_dev) || die "c1 has no multipath device"
client_writer_start "$mpath" 16
sleep 5
on s1 "crm_resource --resource ms_target --move --promoted --node $other" >/dev/null 2>&1
wait_crm_roles s1 ms_target Promoted "$other" 120
wait_crm_roles s1 ms_target Unpromoted "$promoted" 30
LAB_POLL=2 poll 90 "the prio-50 group to follow the promotion to $other" -- prios_follow "$other" >&2
on s1 "crm_resource --resource ms_target --clear" >/dev/null 2>&1
wait_crm s1 60 --settled
sleep 5
client_writer_verify "the swap"
on c1 "multipath -ll" >&2
wait_crm_roles s1 ms_target Promoted "$other" 10
no_failed_ops s1 || die "failed operations after the swap"

step "stop: the clone goes, c1's paths fail, nothing of it stays in configfs"
on s1 "crm_resource --resource ms_target --meta --set-parameter target-role --parameter-value Stopped" >/dev/null
wait_crm s1 120 --stopped ms_target
for guest in "${LAB_STORAGE[@]}"; do
    left=$(on "$guest" "find /sys/kernel/config/target /sys/kernel/scst_tgt/devices /sys/kernel/scst_tgt/targets/iscsi /sys/kernel/scst_tgt/device_groups -maxdepth 1 -name '*p_target*' -o -maxdepth 1 -name '*$iqn*' 2>/dev/null | head -n 3")
    [[ -z $left ]] || die "$guest still holds: $left"
done
alua_client_clean
on s1 "cibadmin --force --delete-all --xpath \"//rsc_colocation[@rsc='ms_target'] | //rsc_order[@then='ms_target']\" >/dev/null 2>&1; true"
on s1 "cibadmin --force --delete-all --xpath \"/cib/configuration/resources/clone[@id='ms_target']\""
wait_crm s1 60 --settled

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
drbd_clone_remove
for guest in "${LAB_STORAGE[@]}"; do
    [[ -z $(drbd_state "$guest") ]] || die "DRBD r0 is still configured on $guest: $(drbd_state "$guest")"
done
drbd_use_lab_config
if [[ $ALUA_BACKEND == scst ]]; then
    # Port 3260 free for LIO again (the other cases).
    for guest in "${LAB_STORAGE[@]}"; do
        on "$guest" "pkill -x iscsi-scstd; for i in 1 2 3 4 5 6 7 8 9 10; do pgrep -x iscsi-scstd >/dev/null || break; sleep 1; done; modprobe -r iscsi-scst scst_vdisk scst"
    done
fi

