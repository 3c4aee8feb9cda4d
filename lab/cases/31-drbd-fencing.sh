# The replication link breaks while the cluster stays connected (DRBD runs over "lan",
# corosync has a second ring on "san"); then the admin moves the Primary away (a ban).
# With fencing resource-only and crm-fence-peer.9.sh (examples/cluster-a): the Primary's
# handler forbids promoting the peer, so Pacemaker only demotes; nothing is promoted on
# stale data; after the link returns the peer resyncs, crm-unfence-peer.9.sh lifts the
# constraint, and only then is it promoted. Without fencing (the lab's r0.res, fencing
# dont-care): the peer is promoted on its stale data, both sides write, and DRBD finds a
# split brain on reconnect (StandAlone) while crm_mon shows a healthy clone; the split
# brain is resolved by hand, discarding the demoted node's writes.
# Starts from examples/cluster-a's ms_drbd (ensure_drbd_clone: 30's, or made anew); leaves
# it so, one Primary, both UpToDate, with the cluster-a config.

step "precondition: examples/cluster-a's ms_drbd, one Primary, both UpToDate"
ensure_drbd_clone
primary=$(single_promoted)
secondary=$(other_node "$primary")

step "fencing resource-only: unplug $secondary from lan (DRBD's link; corosync stays up over san)"
[[ $(on "$primary" "drbdsetup show r0" | grep -c "fencing.*resource-only") == 1 ]] || die "r0 on $primary does not run with fencing resource-only"
cut_path "$secondary" lan
wait_drbd "$primary" "WFConnection Primary/Unknown UpToDate/*" 90
constraint=$(LAB_POLL=2 poll 90 "crm-fence-peer.9.sh to place its constraint (read journalctl on $primary)" \
    -- fence_constraint_placed "$primary")
printf '%s\n' "$constraint" >&2
grep -q "value=\"$primary\"" <<<"$constraint" || die "the fencing constraint does not keep the promotion on $primary"
lab_log "DRBD on $primary: $(drbd_state "$primary"); on $secondary: $(drbd_state "$secondary")"
sum=$(write_pattern "$primary" /dev/drbd0 fenced 8)

step "ban the Primary from $primary: Pacemaker demotes it and promotes nothing ($secondary is fenced)"
on s1 "crm_resource --resource ms_drbd --ban --promoted --node $primary"
wait_crm_roles s1 ms_drbd Unpromoted "s1 s2" 120
wait_crm s1 60 --settled
sleep 15
wait_crm_roles s1 ms_drbd Promoted "" 5
drbd_state_is "$secondary" "WFConnection Secondary/Unknown *" || die "DRBD on $secondary is '$(drbd_state "$secondary")', not a disconnected Secondary"
lab_log "no Primary anywhere (the fencing constraint holds $secondary; its score $(drbd_score s1 "$secondary") is not enough): no split brain"

step "plug $secondary back: resync, crm-unfence-peer.9.sh, then $secondary is promoted"
restore_path "$secondary" lan
wait_crm_roles s1 ms_drbd Promoted "$secondary" 180
wait_drbd "$secondary" "Connected Primary/Secondary UpToDate/UpToDate" 60
[[ -z $(fence_constraints s1) ]] || die "the fencing constraint is still there after the resync"
verify_pattern "$secondary" /dev/drbd0 8 "$sum"
on s1 "crm_resource --resource ms_drbd --clear"
wait_crm s1 60 --settled
primary=$secondary secondary=$(other_node "$primary")

step "no fencing (the lab's r0.res: fencing dont-care): unplug $secondary from lan"
drbd_use_lab_config
for guest in "${LAB_STORAGE[@]}"; do on "$guest" "drbdadm adjust r0"; done
[[ $(on "$primary" "drbdsetup show r0" | grep -c "resource-only") == 0 ]] || die "r0 on $primary still has fencing resource-only after adjust"
cut_path "$secondary" lan
wait_drbd "$primary" "WFConnection Primary/Unknown UpToDate/DUnknown" 90
sum_lost=$(write_pattern "$primary" /dev/drbd0 lost 8)
sleep 5
[[ -z $(fence_constraints s1) ]] || die "a fencing constraint appeared without fencing"

step "ban the Primary from $primary: Pacemaker promotes $secondary on its stale data"
on s1 "crm_resource --resource ms_drbd --ban --promoted --node $primary"
wait_crm_roles s1 ms_drbd Promoted "$secondary" 120
wait_drbd "$secondary" "WFConnection Primary/Unknown UpToDate/DUnknown" 30
sum_new=$(write_pattern "$secondary" /dev/drbd0 diverged 8)
lab_log "both sides wrote while apart: $primary (now Secondary) sha256 $sum_lost, $secondary (Primary) sha256 $sum_new"

step "plug $secondary back: DRBD detects the split brain and stays StandAlone"
restore_path "$secondary" lan
wait_drbd "$secondary" "StandAlone Primary/Unknown UpToDate/DUnknown" 90
lab_log "after reconnect: $primary '$(drbd_state "$primary")', $secondary '$(drbd_state "$secondary")'"
for guest in "${LAB_STORAGE[@]}"; do on "$guest" "dmesg | grep -i 'split-brain detected' | tail -n 1" >&2 || true; done
lab_log "crm_mon meanwhile: Promoted [$(crm_role_nodes s1 ms_drbd Promoted)], Unpromoted [$(crm_role_nodes s1 ms_drbd Unpromoted)] (no failure: Pacemaker cannot see a split brain)"

step "resolve by hand: $primary discards its writes, resyncs from $secondary"
on "$primary" "drbdadm disconnect r0 >/dev/null 2>&1; drbdadm connect --discard-my-data r0"
on "$secondary" "drbdadm disconnect r0 >/dev/null 2>&1; drbdadm connect r0"
wait_drbd "$secondary" "Connected Primary/Secondary UpToDate/UpToDate" 120
wait_drbd "$primary" "Connected Secondary/Primary UpToDate/UpToDate" 30
verify_pattern "$secondary" /dev/drbd0 8 "$sum_new"
on s1 "crm_resource --resource ms_drbd --clear"

step "back to examples/cluster-a's r0.res (fencing resource-only)"
drbd_use_example cluster-a
for guest in "${LAB_STORAGE[@]}"; do on "$guest" "drbdadm adjust r0"; done
wait_crm s1 60 --settled
wait_crm_roles s1 ms_drbd Promoted "$secondary" 30
