# ocf:tandem:iscsi-target as a promotable clone on LIO (#13, cluster B's shape), under
# Pacemaker over examples/cluster-b's dual-primary DRBD, with c1's open-iscsi and
# dm-multipath (prio alua, detect_prio no) as the client:
# 1. both nodes export /dev/drbd0 as LUN 0 of one target, each in a target port group of its
#    own (ids from corosync's nodeids), implicit ALUA; Pacemaker promotes one instance;
# 2. c1 logs in on all four portals (each node's lan and san address): sg_inq TPGS=1,
#    sg_rtpg through each node's paths shows that node's group (active/optimized or
#    non-optimized), one WWID on all four paths, multipath groups prio 50 (the promoted
#    node's two paths) and prio 10;
# 3. `crm_resource --move --promoted` swaps the roles while a writer on c1 (O_DIRECT|O_DSYNC,
#    each write checked) runs: no write fails, the prio-50 group follows, every block reads
#    back as last written; the longest write stall is logged; after --clear the role stays;
# 4. ocf-tester runs the promotable actions (promote, demote) against LIO by hand.
# Leaves r0 down on both nodes with the lab's own r0.res (as 32 does) and c1 logged out.

agent=/usr/lib/ocf/resource.d/tandem/iscsi-target
iqn=iqn.2026-01.org.tandem.lab:alua
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

step "ms_alua: the target promotable on both nodes, one promoted"
crm_file=$LAB_RUN/crm-alua.crm
cat >"$crm_file" <<EOF
primitive p_alua ocf:tandem:iscsi-target \\
    params implementation=lio iqn=$iqn luns="0:/dev/drbd0" \\
    op start timeout=60s interval=0 op stop timeout=60s interval=0 \\
    op promote timeout=30s interval=0 op demote timeout=30s interval=0 op notify timeout=30s interval=0 \\
    op monitor interval=9s role=Master timeout=20s op monitor interval=11s role=Slave timeout=20s
clone ms_alua p_alua \\
    meta promotable=true notify=true promoted-max=1 promoted-node-max=1 clone-max=2 clone-node-max=1 interleave=true
colocation col_alua_on_drbd inf: ms_alua ms_drbd:Master
order ord_drbd_before_alua Mandatory: ms_drbd:promote ms_alua:start
EOF
crm_load s1 "$crm_file"
wait_crm s1 120 --started ms_alua s1 --started ms_alua s2
promoted=$(LAB_POLL=2 poll 90 "one promoted ms_alua instance" -- on s1 "tandem-crm-wait --nodes ms_alua Promoted | grep -Ex 's1|s2'")
other=$(other_node "$promoted")
wait_crm_roles s1 ms_alua Unpromoted "$other" 30
for guest in "${LAB_STORAGE[@]}"; do
    id=$(on "$guest" "crm_node -i")
    group=$(on "$guest" "cat /sys/kernel/config/target/core/iblock_*/p_alua-lun0/alua/tandem_tg$id/tg_pt_gp_id")
    [[ $group == "$id" ]] || die "$guest: target port group tandem_tg$id has id '$group', want its nodeid $id"
    lab_log "$guest: nodeid $id, target port group $group, state $(on "$guest" "cat /sys/kernel/config/target/core/iblock_*/p_alua-lun0/alua/tandem_tg$id/alua_access_state")"
done

step "c1 logs in on all four portals: TPGS=1, each node's group by sg_rtpg, one WWID, prio 50 / 10"
for address in "${portals[@]}"; do
    on c1 "iscsiadm -m discovery -t st -p $address" | grep -q "$iqn" || die "discovery on $address does not list $iqn"
done
on c1 "iscsiadm -m node -T $iqn -l >/dev/null && udevadm settle"
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
    want="active/non optimized"
    [[ $node == "$promoted" ]] && want="active/optimized"
    grep -Eq "target port group id *: *0x0*$(printf '%x' "$id")\b" <<<"$rtpg" && grep -q "$want" <<<"$rtpg" \
        || die "sg_rtpg through $address ($node) does not show group $id $want: $rtpg"
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
on s1 "crm_resource --resource ms_alua --move --promoted --node $other" >/dev/null 2>&1
wait_crm_roles s1 ms_alua Promoted "$other" 120
wait_crm_roles s1 ms_alua Unpromoted "$promoted" 30
LAB_POLL=2 poll 90 "the prio-50 group to follow the promotion to $other" -- prios_follow "$other" >&2
on s1 "crm_resource --resource ms_alua --clear" >/dev/null 2>&1
wait_crm s1 60 --settled
sleep 5
read -r writes errors stall mismatches <<<"$(client_writer_stop)"
lab_log "writer on c1 across the swap: $writes writes, $errors errors, longest stall $stall ms, $mismatches blocks differing"
((errors == 0)) || die "writes failed across the swap: $(on c1 "head -n 5 /tmp/tandem-writer.err")"
((mismatches == 0)) || die "$mismatches blocks read back differently from what was last written"
((writes > 0)) || die "the writer wrote nothing"
on c1 "multipath -ll" >&2
wait_crm_roles s1 ms_alua Promoted "$other" 10
no_failed_ops s1 || die "failed operations after the swap"

step "stop: the clone goes, c1's paths fail, nothing of it stays in configfs"
on s1 "crm_resource --resource ms_alua --meta --set-parameter target-role --parameter-value Stopped" >/dev/null
wait_crm s1 120 --stopped ms_alua
for guest in "${LAB_STORAGE[@]}"; do
    left=$(on "$guest" "find /sys/kernel/config/target -path '*p_alua*' -o -path '*$iqn*' | head -n 3")
    [[ -z $left ]] || die "$guest's configfs still holds: $left"
done
alua_client_clean
on s1 "cibadmin --force --delete-all --xpath \"//rsc_colocation[@rsc='ms_alua'] | //rsc_order[@then='ms_alua']\" >/dev/null 2>&1; true"
on s1 "cibadmin --force --delete-all --xpath \"/cib/configuration/resources/clone[@id='ms_alua']\""
wait_crm s1 60 --settled

step "ocf-tester: promote and demote against LIO (by hand on s1, r0 Primary)"
out=$(on s1 "HA_RSCTMP=/run/resource-agents ocf-tester -v -n p_tester -o implementation=lio -o iqn=$iqn -o luns=0:/dev/drbd0 -o CRM_meta_promotable=true -o CRM_meta_on_node_uuid=1 $agent 2>&1" || true)
grep -q "Promoting resource" <<<"$out" || die "ocf-tester did not try promote: $out"
ocf_tester_accepts s1 "$agent" "$out" || die "ocf-tester: $out"
on s1 "crm_attribute -N s1 -n master-p_tester -l reboot -D >/dev/null 2>&1; true"
left=$(on s1 "find /sys/kernel/config/target -path '*p_tester*' -o -path '*$iqn*' | head -n 3")
[[ -z $left ]] || die "ocf-tester left: $left"

step "ms_drbd stopped and removed; DRBD down, the lab's r0.res back"
drbd_clone_remove
for guest in "${LAB_STORAGE[@]}"; do
    [[ -z $(drbd_state "$guest") ]] || die "DRBD r0 is still configured on $guest: $(drbd_state "$guest")"
done
drbd_use_lab_config
