# Cluster B's shape in the lab (lab cases 51 and 53 through lib/alua-case.sh,
# scripts/bench-iscsi-move): ocf:tandem:iscsi-target as a promotable clone (ms_target) over
# examples/cluster-b's dual-primary DRBD, with c1's open-iscsi and dm-multipath (prio alua,
# detect_prio no) as the client. Sourced after lab.sh with ALUA_BACKEND (lio|scst) set, and
# optionally ALUA_PARAMS (more of p_target's parameters, e.g. alua_unpromoted_state=standby)
# with ALUA_UNPROMOTED_PRIO (the prio alua gives the unpromoted node's paths: 10 for
# active/non-optimized, 1 for standby).
# shellcheck shell=bash

# shellcheck disable=SC2034  # read by the scripts that source this
agent=/usr/lib/ocf/resource.d/tandem/iscsi-target
iqn=iqn.2026-01.org.tandem.lab:alua-$ALUA_BACKEND
portals=("$(guest_addr s1 lan)" "$(guest_addr s1 san)" "$(guest_addr s2 lan)" "$(guest_addr s2 san)")
node_of_portal() { case $1 in *.11) echo s1 ;; *) echo s2 ;; esac; }
unpromoted_prio=${ALUA_UNPROMOTED_PRIO:-10}

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

# "ID STATE" for each target port group that sg_rtpg through ADDRESS's path lists (ID as
# sg_rtpg prints it, 0x1; STATE such as active/optimized, standby, unavailable).
rtpg_states() {
    local rtpg
    rtpg=$(on c1 "sg_rtpg -vvd /dev/disk/by-path/ip-$1:3260-iscsi-$iqn-lun-0" 2>&1) || { echo "sg_rtpg through $1 failed: $rtpg"; return 1; }
    awk '/target port group id/ { id = $6 } /asymmetric access state/ { sub(/.*\(/, ""); sub(/\).*/, ""); print id, $0 }' <<<"$rtpg"
}

# Succeeds when sg_rtpg through ADDRESS shows NODE's group (its corosync nodeid, as
# alua_load_target read it: NODE may be down) in STATE.
group_state_is() {
    local address=$1 node=$2 state=$3 states
    states=$(rtpg_states "$address") || { echo "$states"; return 1; }
    grep -qx "$(printf '0x%x' "${alua_node_ids[$node]}") $state" <<<"$states" || { echo "$states"; return 1; }
}

# Succeeds when the promoted node's two paths have prio 50 and the other's $unpromoted_prio.
prios_follow() {
    local promoted=$1 out address prio want
    out=$(path_prios)
    while read -r address prio; do
        want=$unpromoted_prio
        [[ $(node_of_portal "$address") == "$promoted" ]] && want=50
        [[ $prio == "$want" ]] || { echo "$out"; return 1; }
    done <<<"$out"
    echo "$out"
}


# examples/cluster-b's ms_drbd, Primary on both; no target; /dev/drbd0's first 8 MiB zeroed;
# c1 logged out; for SCST its modules and iscsi-scstd on both nodes.
alua_precondition() {
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
        scst_start "${LAB_STORAGE[@]}"
    fi
}

# ms_target from examples/cluster-b/crm-target.crm, for the lab's names, constrained to
# ms_drbd; waits until it runs on both nodes with one promoted. Sets alua_promoted, alua_other.
alua_load_target() {
    local crm_file=$LAB_RUN/crm-alua.crm
    # examples/cluster-b/crm-target.crm as written but for the lab's names: /dev/drbd0 instead of
    # vg1's LV, the lab's node names, constraints on ms_drbd instead of cl_lvm; for LIO the
    # implementation and the default group ids (corosync's nodeids).
    sed -e 's|/dev/vg1/lun0|/dev/drbd0|' -e 's/hpms01/s1/; s/hpms02/s2/' -e "s|iqn=\"[^\"]*\"|iqn=$iqn|" -e '/cl_lvm/d' \
        "$REPO_ROOT/examples/cluster-b/crm-target.crm" >"$crm_file"
    if [[ $ALUA_BACKEND == lio ]]; then
        sed -i -e 's/implementation=scst/implementation=lio/' -e 's/ *alua_group_ids="[^"]*"//' "$crm_file"
    fi
    if [[ -n ${ALUA_PARAMS:-} ]]; then
        # (sed's replacement: ALUA_PARAMS holds no '&', '|' or backslash)
        [[ $ALUA_PARAMS != *[\&\|\\]* ]] || die "ALUA_PARAMS may not hold '&', '|' or a backslash: $ALUA_PARAMS"
        sed -i "s|luns=\"0:/dev/drbd0\"|& $ALUA_PARAMS|" "$crm_file"
        grep -qF "$ALUA_PARAMS" "$crm_file" || die "ALUA_PARAMS did not go into p_target: $(cat "$crm_file")"
    fi
    cat >>"$crm_file" <<CRM
colocation col_target_on_drbd inf: ms_target ms_drbd:Master
order ord_drbd_before_target Mandatory: ms_drbd:promote ms_target:start
CRM
    grep -q "implementation=$ALUA_BACKEND" "$crm_file" || die "the example did not become $ALUA_BACKEND's: $(cat "$crm_file")"
    crm_load s1 "$crm_file"
    declare -gA alua_node_ids
    for guest in "${LAB_STORAGE[@]}"; do alua_node_ids[$guest]=$(on "$guest" "crm_node -i"); done
    wait_crm s1 120 --started ms_target s1 --started ms_target s2
    alua_promoted=$(LAB_POLL=2 poll 90 "one promoted ms_target instance" -- on s1 "tandem-crm-wait --nodes ms_target Promoted | grep -Ex 's1|s2'")
    alua_other=$(other_node "$alua_promoted")
    wait_crm_roles s1 ms_target Unpromoted "$alua_other" 30
}

# c1 discovers the target through all four portals and logs in on each; one map with the
# promoted node's paths at prio 50 and the others at 10. Sets alua_mpath.
alua_client_login() {
    local address
    for address in "${portals[@]}"; do
        on c1 "iscsiadm -m discovery -t st -p $address" | grep -q "$iqn" || die "discovery on $address does not list $iqn"
    done
    # One login per portal: SCST's SendTargets also lists addresses no client reaches (the
    # guests' qemu address).
    for address in "${portals[@]}"; do on c1 "iscsiadm -m node -T $iqn -p $address:3260 -l >/dev/null"; done
    on c1 "udevadm settle"
    wait_mpath "prio=50 status=active" 60
    wait_mpath "prio=$unpromoted_prio status=enabled" 30
    LAB_POLL=2 poll 60 "the promoted node's ($alua_promoted) paths at prio 50, the others at $unpromoted_prio" -- prios_follow "$alua_promoted" >&2
    # shellcheck disable=SC2034  # read by the caller
    alua_mpath=$(mpath_dev) || die "c1 has no multipath device"
}

# Swaps the roles with `crm_resource --move --promoted` to NODE and waits until Pacemaker and
# c1's path priorities follow; the move constraint cleared.
alua_swap_to() {
    local node=$1
    on s1 "crm_resource --resource ms_target --move --promoted --node $node" >/dev/null 2>&1
    wait_crm_roles s1 ms_target Promoted "$node" 120
    wait_crm_roles s1 ms_target Unpromoted "$(other_node "$node")" 30
    LAB_POLL=2 poll 90 "the prio-50 group to follow the promotion to $node" -- prios_follow "$node" >&2
    on s1 "crm_resource --resource ms_target --clear" >/dev/null 2>&1
    wait_crm s1 60 --settled
}

# Stops ms_target and deletes it with its constraints; c1 logged out.
alua_remove_target() {
    on s1 "crm_resource --resource ms_target --meta --set-parameter target-role --parameter-value Stopped" >/dev/null
    wait_crm s1 120 --stopped ms_target
    alua_client_clean
    on s1 "cibadmin --force --delete-all --xpath \"//rsc_colocation[@rsc='ms_target'] | //rsc_order[@then='ms_target']\" >/dev/null 2>&1; true"
    on s1 "cibadmin --force --delete-all --xpath \"/cib/configuration/resources/clone[@id='ms_target']\""
    wait_crm s1 60 --settled
}

# ms_drbd stopped and removed, DRBD down, the lab's r0.res back; SCST unloaded (port 3260 free
# for LIO again, the other cases).
alua_teardown() {
    local guest
    drbd_clone_remove
    for guest in "${LAB_STORAGE[@]}"; do
        [[ -z $(drbd_state "$guest") ]] || die "DRBD r0 is still configured on $guest: $(drbd_state "$guest")"
    done
    drbd_use_lab_config
    if [[ $ALUA_BACKEND == scst ]]; then
        scst_stop "${LAB_STORAGE[@]}"
    fi
}
