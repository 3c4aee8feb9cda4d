# Cluster B (dual-primary, examples/cluster-b: fencing resource-and-stonith with the
# crm-fence-peer handlers) with real node fencing: sbd on a disk both storage nodes share
# (poison pill; an i6300esb watchdog that cuts the power), fence_sbd in Pacemaker,
# stonith-enabled=true. A fixed fencing delay for s1 (pcmk_delay_base) decides the fence
# race of a full partition, as an admin would with two nodes.
# 1. Replication link cut, corosync still up over "san": both Primaries freeze I/O and run
#    crm-fence-peer.9.sh; one handler wins, the other node is demoted or fenced; I/O resumes
#    on the winner only; nothing is written apart; after the link (or the node) returns the
#    loser resyncs and is promoted again.
# 2. Full partition of s2 (both rings and the replication link): s1 fences s2 through sbd
#    (its qemu process ends), the handler on s1 sees s2 fenced, I/O resumes on s1; s2 boots,
#    resyncs, both are Primary again with s1's writes.
# Starts from fresh r0 meta-data (drbd_fresh: whatever earlier cases left is taken down first).
# Then STONITH and sbd are taken out again and the cluster restarted without them;
# ms_drbd removed, DRBD down, the lab's r0.res back (what 00-smoke expects on a reused lab).

# Succeeds when GUEST's qemu has exited.
guest_off() { ! guest_running "$1" || { echo "$1's qemu still runs"; return 1; }; }
# Waits until GUEST's qemu has exited (fenced), then cleans up after it like a power-off.
wait_fenced() {
    local guest=$1 timeout=$2
    LAB_POLL=2 poll "$timeout" "$guest to be fenced (read /var/log/pacemaker/pacemaker.log on the other node and $(console_log "$guest"))" \
        -- guest_off "$guest"
    stop_guest "$guest"
    lab_log "$guest is off (fenced through sbd)"
}
# "s" in the I/O flags of minor 0 in GUEST's /proc/drbd: I/O suspended (frozen by fencing).
drbd_frozen() { on "$1" "sed -n 's/^ *0: .* [ABC] \([a-z-]*\).*/\1/p' /proc/drbd" | grep -q '^s'; }
# Succeeds when GUEST is a disconnected Primary with I/O not frozen; otherwise says what it is.
writing_alone() {
    drbd_state_matches "$1" "WFConnection Primary/Unknown UpToDate/*" || return 1
    ! drbd_frozen "$1" || { echo "I/O on $1 is frozen: $(drbd_state "$1")"; return 1; }
}
# Prints the node whose handler won after the replication link cut: a disconnected Primary
# writing (I/O not frozen) with its crm-fence-peer constraint placed. Fails when none is yet.
link_cut_winner() {
    local guest
    for guest in s1 s2; do
        guest_running "$guest" || continue
        if writing_alone "$guest" >/dev/null && [[ -n $(fence_constraints "$guest") ]]; then echo "$guest"; return 0; fi
    done
    echo "no side writes alone: s1 '$(drbd_state s1)', s2 '$(drbd_state s2)', constraint: $(fence_constraints s1)"
    return 1
}
# Prints how LOSER lost to WINNER: "fenced" (its qemu ended) or "demoted" (Pacemaker promotes
# only WINNER and LOSER's DRBD is no Primary). Fails when it is neither yet.
link_cut_loser() {
    local winner=$1 loser=$2 state
    if ! guest_running "$loser"; then echo fenced; return 0; fi
    if [[ $(crm_role_nodes "$winner" ms_drbd Promoted) == "$winner" ]] && state=$(drbd_state "$loser") \
        && [[ $state != *" Primary/"* ]]; then
        echo demoted
        return 0
    fi
    echo "$loser is neither fenced nor demoted: DRBD '$(drbd_state "$loser")', crm_mon Promoted [$(crm_role_nodes "$winner" ms_drbd Promoted)]"
    return 1
}
stonith_history() { on "$1" "stonith_admin --history '*' 2>&1 | tail -n 4; true"; }

step "precondition: nothing above r0, fresh r0 meta-data, r0 down"
drbd_fresh

step "sbd on s1 and s2 (shared disk, watchdog); STONITH: fence_sbd (s1 wins a fence race), stonith-enabled=true"
sbd_stonith_enable

step "examples/cluster-b: both Primary (resource-and-stonith)"
drbd_use_example cluster-b
crm_load s1 "$REPO_ROOT/examples/cluster-b/crm-drbd.crm"
wait_crm_roles s1 ms_drbd Promoted "s1 s2" 240
wait_drbd s1 "Connected Primary/Primary UpToDate/UpToDate" 120
[[ $(on s1 "drbdsetup show r0" | grep -c "fencing.*resource-and-stonith") == 1 ]] || die "r0 does not run with fencing resource-and-stonith"

step "replication link cut (s2 off lan; corosync goes on over san): the handlers decide, one side writes"
cut_path s2 lan
winner=$(LAB_POLL=3 poll 240 "one side to write alone after the link cut" -- link_cut_winner)
loser=$([[ $winner == s1 ]] && echo s2 || echo s1)
constraint=$(fence_constraints "$winner")
grep -q "value=\"$winner\"" <<<"$constraint" || die "the fencing constraint does not keep the promotion on $winner: $constraint"
lab_log "the handler on $winner won: $(tr -s ' \n' ' ' <<<"$constraint")"
sum=$(write_pattern "$winner" /dev/drbd0 link-cut 8)
outcome=$(LAB_POLL=3 poll 240 "$loser to be fenced or demoted after the link cut" -- link_cut_loser "$winner" "$loser")
if [[ $outcome == fenced ]]; then
    stop_guest "$loser"
    lab_log "$loser was fenced"
else
    lab_log "$loser demoted, not fenced: DRBD '$(drbd_state "$loser")'"
fi
stonith_history "$winner" >&2
for guest in s1 s2; do
    guest_running "$guest" || continue
    on "$guest" "journalctl -q --no-pager 2>/dev/null | grep -E 'crm-fence-peer.9.sh.*(INFO|WARN|ERR)|fence-peer helper returned' | tail -n 3; true" >&2
done

step "the link (or the node) returns: $loser resyncs from $winner and is promoted again"
restore_path s2 lan
if ! guest_running "$loser"; then
    stop_guest "$loser"
    power_on "$loser"
fi
wait_crm_roles "$winner" ms_drbd Promoted "s1 s2" 300
wait_drbd "$loser" "Connected Primary/Primary UpToDate/UpToDate" 120
[[ -z $(fence_constraints "$winner") ]] || die "the fencing constraint is still there after the resync"
verify_pattern "$loser" /dev/drbd0 8 "$sum"
on s1 "crm_resource --cleanup >/dev/null 2>&1; true"
wait_crm s1 120 --settled

step "full partition: s2 off lan and san; s1 fences s2 through sbd, then writes alone"
cut_path s2 lan
cut_path s2 san
wait_fenced s2 240
LAB_POLL=3 poll 180 "DRBD on s1 to resume I/O after s2's fencing (read journalctl on s1)" -- writing_alone s1
stonith_history s1 >&2
on s1 "journalctl -q --no-pager 2>/dev/null | grep -E 'crm-fence-peer|fence-peer helper' | tail -n 4; true" >&2
sum=$(write_pattern s1 /dev/drbd0 partition 8)
wait_crm_roles s1 ms_drbd Promoted "s1" 60

step "s2 boots (network back): resync from s1, both Primary again"
restore_path s2 lan
restore_path s2 san
power_on s2
wait_crm_roles s1 ms_drbd Promoted "s1 s2" 300
wait_drbd s2 "Connected Primary/Primary UpToDate/UpToDate" 120
[[ -z $(fence_constraints s1) ]] || die "the fencing constraint is still there after s2's resync"
verify_pattern s2 /dev/drbd0 8 "$sum"

step "back to the lab without STONITH: ms_drbd and st_sbd removed, sbd disabled, cluster restarted"
drbd_clone_remove
sbd_stonith_disable
for guest in "${LAB_STORAGE[@]}"; do
    [[ -z $(drbd_state "$guest") ]] || die "DRBD r0 is still configured on $guest: $(drbd_state "$guest")"
done
drbd_use_lab_config
