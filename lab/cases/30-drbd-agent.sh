# ocf:tandem:drbd under Pacemaker on real DRBD 8.4: ocf-tester against r0 (outside the
# cluster); then the cluster-A example (examples/cluster-a: r0.res with fencing
# resource-only and the crm-fence-peer handlers, crm-drbd.crm) loaded into the lab's
# cluster: both Secondary and connected, one promoted by the scores; the Primary moved
# with crm_resource --move --promoted and cleared; power cut of the Primary after an
# fsync'd data pattern: the survivor is promoted and reads the pattern back; the node
# boots, resyncs, rejoins Unpromoted and the fencing constraint goes again.
# Starts from fresh r0 meta-data (drbd_fresh: whatever earlier cases left is taken down
# first), so it runs alone as after 00-smoke. Leaves ms_drbd running, one Primary, both
# UpToDate, recorded for ensure_drbd_clone (31, 32 and 35 go on from there).

step "precondition: nothing above r0, fresh r0 meta-data, r0 down"
drbd_fresh

step "ocf-tester against r0 on s1 (DRBD not managed by Pacemaker; lab r0.res, no fencing)"
tester=$(on s1 "HA_RSCTMP=/run/resource-agents ocf-tester -n p_test -o drbd_resource=r0 /usr/lib/ocf/resource.d/tandem/drbd 2>&1" || true)
printf '%s\n' "$tester" | tail -n 3 >&2
# Every functional test passes; the DTD check rejects only the OCF 1.1 reload-agent/reloadable.
ocf_tester_accepts s1 /usr/lib/ocf/resource.d/tandem/drbd "$tester" \
    || { printf '%s\n' "$tester" >&2; die "ocf-tester reported failures for ocf:tandem:drbd on s1"; }
on s1 "drbdadm down r0 >/dev/null 2>&1; true"

step "examples/cluster-a: r0.res (fencing resource-only, crm-fence-peer) and crm-drbd.crm"
drbd_use_example cluster-a
crm_load s1 "$REPO_ROOT/examples/cluster-a/crm-drbd.crm"
on s1 "crm configure show ms_drbd p_drbd" >&2

step "Pacemaker starts both instances (Secondary, connected) and promotes one"
wait_crm s1 240 --started ms_drbd s1 --started ms_drbd s2
wait_drbd s1 "Connected */* UpToDate/UpToDate" 120
primary=$(wait_single_promoted 120)
secondary=$(other_node "$primary")
wait_crm_roles s1 ms_drbd Unpromoted "$secondary" 60
wait_drbd "$primary" "Connected Primary/Secondary UpToDate/UpToDate" 60
wait_drbd "$secondary" "Connected Secondary/Primary UpToDate/UpToDate" 30
events=$(on "$primary" "drbdsetup events2 --now r0")   # read whole: grep -q would cut ssh short (pipefail)
grep -q "^exists resource name:r0 role:Primary" <<<"$events" \
    || die "drbdsetup events2 on $primary does not show r0 Primary: $events"
lab_log "promoted by Pacemaker: $primary; scores: s1 $(drbd_score s1 s1), s2 $(drbd_score s1 s2)"
[[ $(drbd_score s1 s1) == 10000 && $(drbd_score s1 s2) == 10000 ]] \
    || die "promotion scores are not 10000 on both nodes with both UpToDate and connected"

step "crm_resource --move --promoted: the Primary goes from $primary to $secondary"
on s1 "crm_resource --resource ms_drbd --move --promoted --node $secondary"
wait_crm_roles s1 ms_drbd Promoted "$secondary" 120
wait_crm_roles s1 ms_drbd Unpromoted "$primary" 60
wait_drbd "$secondary" "Connected Primary/Secondary UpToDate/UpToDate" 60
on s1 "crm_resource --resource ms_drbd --clear"
wait_crm s1 60 --settled
primary=$(crm_role_nodes s1 ms_drbd Promoted)
[[ $primary == "$secondary" ]] || die "after --clear the Primary moved again (to [$primary]); stickiness should keep it"
secondary=$(other_node "$primary")
lab_log "after --clear the Primary stays on $primary"

step "fsync'd data pattern on $primary's /dev/drbd0 (protocol C), then power-cut $primary"
sum=$(write_pattern "$primary" /dev/drbd0 failover 16)
power_cut "$primary"
wait_crm "$secondary" 120 --offline "$primary" --promoted ms_drbd "$secondary"
wait_drbd "$secondary" "WFConnection Primary/Unknown UpToDate/*" 60
verify_pattern "$secondary" /dev/drbd0 16 "$sum"
constraint=$(fence_constraints "$secondary")
lab_log "fencing constraint after the promotion of $secondary (peer DUnknown): ${constraint:-none}"
on "$secondary" "journalctl -q --no-pager 2>/dev/null | grep -E 'crm-fence-peer|fence-peer|helper command' | tail -n 6; true" >&2

step "boot $primary: it resyncs from $secondary and rejoins Unpromoted"
power_on "$primary"
wait_crm "$secondary" 240 --online "$primary" --started ms_drbd "$primary"
wait_drbd "$secondary" "Connected Primary/Secondary UpToDate/UpToDate" 180
wait_drbd "$primary" "Connected Secondary/Primary UpToDate/UpToDate" 30
wait_crm_roles "$secondary" ms_drbd Unpromoted "$primary" 60
wait_crm_roles "$secondary" ms_drbd Promoted "$secondary" 10
LAB_POLL=3 poll 90 "the crm-fence-peer constraint to go after the resync" -- no_fence_constraint "$secondary"
lab_log "no fencing constraint left after the resync (crm-unfence-peer.9.sh)"
on "$primary" "journalctl -q --no-pager 2>/dev/null | grep -E 'unfence|helper command' | tail -n 4; true" >&2
wait_crm s1 60 --settled
drbd_clone_record
