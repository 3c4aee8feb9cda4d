# Dual-primary (cluster B): examples/cluster-b's r0.res (allow-two-primaries, fencing
# resource-and-stonith) and crm-drbd.crm (promoted-max=2) loaded over cluster A's running
# ms_drbd (ensure_drbd_clone: 30's, or made anew): Pacemaker promotes the second node, DRBD
# is Primary/Primary, a pattern written on s1 reads back on s2. Then the clone is stopped and
# removed, DRBD is down on both nodes and the lab's own r0.res is back (what 00-smoke expects
# on a reused lab).

step "precondition: examples/cluster-a's ms_drbd, one Primary, both UpToDate"
ensure_drbd_clone

step "examples/cluster-b: r0.res (allow-two-primaries) adjusted in, crm-drbd.crm (promoted-max=2)"
drbd_use_example cluster-b
for guest in "${LAB_STORAGE[@]}"; do on "$guest" "drbdadm adjust r0"; done
grep -q "allow-two-primaries" <<<"$(on s1 "drbdsetup show r0")" || die "r0 on s1 does not allow two primaries after adjust"
crm_load s1 "$REPO_ROOT/examples/cluster-b/crm-drbd.crm"
wait_crm_roles s1 ms_drbd Promoted "s1 s2" 180
wait_drbd s1 "Connected Primary/Primary UpToDate/UpToDate" 60
wait_drbd s2 "Connected Primary/Primary UpToDate/UpToDate" 30
sum=$(write_pattern s1 /dev/drbd0 dual 8)
verify_pattern s2 /dev/drbd0 8 "$sum"
lab_log "scores: s1 $(drbd_score s1 s1), s2 $(drbd_score s1 s2)"

step "stop and remove ms_drbd; DRBD down, the lab's r0.res back"
drbd_clone_remove
for guest in "${LAB_STORAGE[@]}"; do
    [[ -z $(drbd_state "$guest") ]] || die "DRBD r0 is still configured on $guest after the stop: $(drbd_state "$guest")"
done
drbd_use_lab_config
