# DRBD states: reaches every state the committed fixtures hold (resync, disconnected, outdated
# peer, split brain, diskless) with lab/capture-drbd-fixtures, captures them into the run
# directory, and checks each node's /proc/drbd state line matches the committed capture.
# Starts from r0 by hand, connected, s1 Primary (ensure_drbd_by_hand: 00-smoke's, or made
# anew); leaves it so.

step "precondition: r0 outside the cluster, connected, s1 Primary"
ensure_drbd_by_hand

out=$LAB_RUN/drbd-states
step "capture every state into $out"
"$LAB_ROOT/capture-drbd-fixtures" "$out"

step "same states as Tests/Fixtures/drbd-lab"
state_line() { sed -n 's/^ *0: \(cs:[^ ]* ro:[^ ]* ds:[^ ]*\).*/\1/p' "$1"; }
for committed in "$REPO_ROOT"/Tests/Fixtures/drbd-lab/*/*.proc-drbd.txt; do
    relative=${committed#"$REPO_ROOT/Tests/Fixtures/drbd-lab/"}
    now=$(state_line "$out/$relative")
    [[ "$now" == "$(state_line "$committed")" ]] \
        || die "$relative: now '$now', committed '$(state_line "$committed")'"
done
lab_log "all $(ls "$REPO_ROOT"/Tests/Fixtures/drbd-lab/*/*.proc-drbd.txt | wc -l) captured states reached again"
