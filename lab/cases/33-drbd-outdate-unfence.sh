# stop_outdates_secondary and unfence_if_all_uptodate on real DRBD 8.4 under Pacemaker.
# Cluster A's example (fencing resource-only, crm-fence-peer.9.sh), but with the
# `unfence-peer` handler instead of `after-resync-target`, so that nothing but the agent
# lifts a fencing constraint; p_drbd with stop_outdates_secondary=true and
# unfence_if_all_uptodate=true.
# 1. The Secondary's instance is stopped (a ban) while the Primary goes on writing: its stop
#    marks its own meta-data Outdated (drbdadm get-gi: consistent, not up-to-date), so it can
#    never be promoted on that stale data; cleared, it starts Outdated and resyncs.
# 2. A fencing constraint left behind (as crm-fence-peer.9.sh writes it) while both are
#    UpToDate: the Primary's monitor calls the unfence-peer handler (at once when that state
#    begins, then at most once a minute) and the constraint goes.
# Starts from fresh r0 meta-data (drbd_fresh: whatever earlier cases left is taken down
# first); leaves this variant of ms_drbd running, one Primary, both UpToDate (not what
# ensure_drbd_clone recorded: the next case that needs cluster A makes it anew).

# The "was/is up-to-date" flag of GUEST's r0 meta-data (drbdadm get-gi: UUIDs, then the
# flags consistent:up-to-date:primary:connected:…), readable while DRBD is down.
gi_flags() { on "$1" "drbdadm get-gi r0" | tail -n 1 | cut -d: -f5-; }
unfence_calls() {
    on "$1" "journalctl -q --no-pager 2>/dev/null | grep -c 'unfence-peer handler called'; true"
}

step "precondition: nothing above r0, fresh r0 meta-data, r0 down"
drbd_fresh

step "examples/cluster-a with the unfence-peer handler; p_drbd stop_outdates_secondary=true unfence_if_all_uptodate=true"
drbd_use_example cluster-a
for guest in "${LAB_STORAGE[@]}"; do
    on "$guest" "sed -i -e 's|after-resync-target \"/usr/lib/drbd/crm-unfence-peer.9.sh\";|unfence-peer \"/usr/lib/drbd/crm-unfence-peer.9.sh\";|' /etc/drbd.d/r0.res && drbdadm dump r0 | grep -q 'unfence-peer.*crm-unfence-peer' && ! grep -q after-resync-target /etc/drbd.d/r0.res" \
        || die "r0.res on $guest did not take the unfence-peer handler"
done
crm=$(mktemp)
sed -e 's/params drbd_resource=r0/params drbd_resource=r0 stop_outdates_secondary=true unfence_if_all_uptodate=true/' \
    "$REPO_ROOT/examples/cluster-a/crm-drbd.crm" >"$crm"
grep -q unfence_if_all_uptodate=true "$crm" || die "could not add the parameters to crm-drbd.crm"
drbd_clone_start "$crm"
rm -f "$crm"
primary=$(single_promoted)
secondary=$(other_node "$primary")
lab_log "Primary $primary, Secondary $secondary"

step "stop the Secondary's instance on $secondary (ban) while $primary stays Primary"
on s1 "crm_resource --resource ms_drbd --ban --node $secondary"
wait_crm_roles s1 ms_drbd Unpromoted "" 120
wait_crm s1 60 --settled
[[ -z $(drbd_state "$secondary") ]] || die "DRBD r0 is still configured on $secondary: $(drbd_state "$secondary")"
sum=$(write_pattern "$primary" /dev/drbd0 after-stop 8)
flags=$(gi_flags "$secondary")
lab_log "get-gi flags of the stopped $secondary: $flags (consistent:up-to-date:primary:connected:…)"
[[ $flags == 1:0:* ]] || die "$secondary's meta-data is not Outdated after its stop (get-gi flags $flags; want 1:0:…)"
on "$secondary" "journalctl -q --no-pager 2>/dev/null | grep -i 'outdated the local' | tail -n 2; true" >&2
constraint=$(fence_constraints s1)
lab_log "fencing constraint after the Secondary's orderly stop: ${constraint:-none}"

step "clear the ban: $secondary starts on Outdated data, resyncs from $primary, rejoins"
on s1 "crm_resource --resource ms_drbd --clear"
wait_crm_roles s1 ms_drbd Unpromoted "$secondary" 180
wait_drbd "$secondary" "Connected Secondary/Primary UpToDate/UpToDate" 180
wait_crm_roles s1 ms_drbd Promoted "$primary" 10
wait_crm s1 60 --settled

step "a fencing constraint left behind while both are UpToDate: the Primary's agent lifts it"
# What crm-fence-peer.9.sh writes, as a handler run whose unfence got lost would leave it
# (DRBD 8.4.11 calls the unfence-peer handler itself after a resync, so a real link cut
# cleans up without the agent; see the note in examples/cluster-a/README.md).
calls=$(unfence_calls "$primary")
on s1 "cibadmin --create --scope constraints --xml-text '<rsc_location rsc=\"ms_drbd\" id=\"drbd-fence-by-handler-r0-ms_drbd\"><rule role=\"Master\" score=\"-INFINITY\" id=\"drbd-fence-by-handler-r0-rule-ms_drbd\"><expression attribute=\"#uname\" operation=\"ne\" value=\"$primary\" id=\"drbd-fence-by-handler-r0-expr-1-ms_drbd\"/></rule></rsc_location>'"
[[ -n $(fence_constraints s1) ]] || die "the leftover constraint was not created"
t0=$SECONDS
LAB_POLL=3 poll 100 "the leftover fencing constraint to go (unfence_if_all_uptodate re-checks every 60s)" \
    -- no_fence_constraint s1
now=$(unfence_calls "$primary")
((now >= calls + 1)) || die "the constraint went, but not through the agent on $primary (no 'unfence-peer handler called' in its journal)"
lab_log "leftover constraint lifted after $((SECONDS - t0))s by ocf:tandem:drbd on $primary ($((now - calls)) unfence call(s))"
on "$primary" "journalctl -q --no-pager 2>/dev/null | grep -E 'crm-unfence-peer.*Removed constraint' | tail -n 1; true" >&2
calls=$now
sleep 45   # four Promoted monitors (10 s): at most one more call (once a minute), not one per monitor
now=$(unfence_calls "$primary")
((now - calls <= 1)) || die "the agent on $primary called the unfence handler $((now - calls)) times in 45s (want at most 1)"
wait_crm s1 60 --settled
wait_crm_roles s1 ms_drbd Promoted "$primary" 10
verify_pattern "$primary" /dev/drbd0 8 "$sum"
