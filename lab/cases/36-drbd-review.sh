# The review defects of ocf:tandem:drbd (#10) on real DRBD 8.4 under Pacemaker 2.1:
# 1. a reloadable parameter changed in the CIB runs reload-agent on both nodes: the Primary is
#    never demoted and DRBD never goes down (kernel log), and the new score table is used; a
#    change of the resource's identity (drbdconf; drbd_resource to a second resource r1 on a
#    loop device, and back) restarts it;
# 2. start with the backing disk missing fails with a reason naming the volume, and the Primary
#    keeps serving; with the disk back and a cleanup the node rejoins;
# 3. a promote that DRBD refuses (Outdated data, peer unreachable: exit 17) returns 1 only after
#    the 15 s back-off, not at once;
# 4. a probe on the live Primary with an unrelated bad parameter still says Primary (8).
# Starts from examples/cluster-a's ms_drbd (ensure_drbd_clone: reused when it runs as
# recorded, made anew from fresh meta-data otherwise) and leaves it running with the example's
# parameters, one Primary and both UpToDate.

agent=/usr/lib/ocf/resource.d/tandem/drbd
kernel_mark() { on "$1" "dmesg | wc -l"; }
# Kernel lines about r0 after MARK on GUEST that mean a demote or a down.
kernel_changes_since() {
    on_bash "$1" "$2" <<'SCRIPT'
dmesg | tail -n +$(($1 + 1)) | grep -E 'role\( Primary -> Secondary \)|conn\( [A-Za-z]+ -> (Disconnecting|StandAlone) \)'
true
SCRIPT
}
# Succeeds when GUEST's kernel logged a demote or down of r0 after MARK.
kernel_changed_since() {
    [[ -n $(kernel_changes_since "$1" "$2") ]] || { echo "no demote or down of r0 in the kernel log of $1"; return 1; }
}
pacemaker_mark() { on "$1" "wc -l </var/log/pacemaker/pacemaker.log"; }
reload_agent_runs_since() {
    on "$1" "tail -n +$(($2 + 1)) /var/log/pacemaker/pacemaker.log | grep -c 'reload-agent operation for p_drbd'; true"
}
# The agent by hand on GUEST, as Pacemaker runs it (OCF 1.1 environment), then "rc=N".
# Usage: run_agent GUEST ACTION [NAME=VALUE...]   (the variables override the defaults)
run_agent() {
    local guest=$1 action=$2; shift 2
    on_bash "$guest" "$agent" "$action" "$@" <<'SCRIPT'
agent=$1 action=$2
shift 2
env OCF_ROOT=/usr/lib/ocf OCF_RA_VERSION_MAJOR=1 OCF_RA_VERSION_MINOR=1 \
    OCF_RESOURCE_INSTANCE=p_drbd:9 OCF_RESKEY_drbd_resource=r0 OCF_RESKEY_CRM_meta_timeout=90000 \
    HA_RSCTMP=/run/resource-agents "$@" "$agent" "$action" 2>&1
echo "rc=$?"
SCRIPT
}
# The exit reason of p_drbd's failed start on NODE that crm_mon on s1 shows; prints it, or
# fails saying there is none.
failed_start_reason() {
    local reason
    reason=$(on s1 "tandem-crm-wait --failure-reason p_drbd_start_0 $1") || return 1
    [[ -n $reason ]] || { echo "no failed start of p_drbd on $1 in crm_mon"; return 1; }
    printf '%s\n' "$reason"
}
# Succeeds when s1's CIB has NODE's promotion score for p_drbd at SCORE; otherwise prints it.
score_is() {
    local now
    now=$(drbd_score s1 "$1")
    [[ $now == "$2" ]] || { echo "the promotion score of $1 is $now"; return 1; }
}

step "precondition: examples/cluster-a's ms_drbd, one Primary, both UpToDate"
ensure_drbd_clone
primary=$(single_promoted)
secondary=$(other_node "$primary")
lab_log "Primary $primary, Secondary $secondary"

step "1a. adjust_master_score changed in the CIB: reload-agent, no demote, no stop"
kp=$(kernel_mark "$primary"); ks=$(kernel_mark "$secondary")
pp=$(pacemaker_mark "$primary"); ps=$(pacemaker_mark "$secondary")
on s1 "crm_resource --resource p_drbd --set-parameter adjust_master_score --parameter-value '0 10 1000 9000'"
LAB_POLL=2 poll 90 "the Primary's score to follow the new table (9000)" -- score_is "$primary" 9000
wait_crm s1 60 --settled
wait_crm_roles s1 ms_drbd Promoted "$primary" 10
changes="$(kernel_changes_since "$primary" "$kp")$(kernel_changes_since "$secondary" "$ks")"
[[ -z $changes ]] || die "DRBD was demoted or taken down for a reloadable parameter: $changes"
runs_p=$(reload_agent_runs_since "$primary" "$pp"); runs_s=$(reload_agent_runs_since "$secondary" "$ps")
((runs_p >= 1 && runs_s >= 1)) || die "reload-agent did not run on both nodes (pacemaker.log: $primary $runs_p, $secondary $runs_s)"
drbd_state_is "$primary" "Connected Primary/Secondary UpToDate/UpToDate" || die "r0 on $primary is $(drbd_state "$primary")"
lab_log "reload-agent ran on both nodes; score on $primary now 9000; no demote or down in either kernel log"

step "1b. drbdconf (which says where the resource is defined) changed: a restart"
for guest in "${LAB_STORAGE[@]}"; do on "$guest" "cp /etc/drbd.conf /etc/drbd-tandem-copy.conf"; done
kp=$(kernel_mark "$primary")
on s1 "crm_resource --resource p_drbd --set-parameter drbdconf --parameter-value /etc/drbd-tandem-copy.conf"
LAB_POLL=3 poll 180 "a demote or down of r0 on $primary after changing drbdconf" -- kernel_changed_since "$primary" "$kp"
primary=$(wait_single_promoted 240)
secondary=$(other_node "$primary")
wait_drbd "$primary" "Connected Primary/Secondary UpToDate/UpToDate" 180
on s1 "crm_resource --resource p_drbd --delete-parameter drbdconf"
on s1 "crm_resource --resource p_drbd --delete-parameter adjust_master_score"
wait_crm s1 240 --started ms_drbd s1 --started ms_drbd s2
primary=$(wait_single_promoted 240)
secondary=$(other_node "$primary")
wait_drbd "$primary" "Connected Primary/Secondary UpToDate/UpToDate" 180
wait_crm s1 60 --settled
lab_log "restarted for drbdconf as Pacemaker should; back to the example's parameters, Primary $primary"

step "1c. drbd_resource changed to a second resource r1 (a loop device): r0 stops, r1 starts; and back"
# Succeeds when r1 is up and r0 down on both nodes; otherwise prints their /proc/drbd.
r1_instead_of_r0() {
    local guest ok=0
    for guest in "${LAB_STORAGE[@]}"; do
        on "$guest" "grep -q '^ *1: cs:' /proc/drbd && ! grep -q '^ *0: cs:' /proc/drbd" \
            || { echo "/proc/drbd on $guest: $(on "$guest" 'cat /proc/drbd')"; ok=1; }
    done
    return "$ok"
}
for guest in "${LAB_STORAGE[@]}"; do
    on "$guest" "truncate -s 64M /var/lib/tandem-r1.img && losetup /dev/loop7 /var/lib/tandem-r1.img && cat >/etc/drbd.d/r1.res" <<R1
resource r1 {
    net { protocol C; }
    on s1 { device /dev/drbd1 minor 1; disk /dev/loop7; meta-disk internal; address ipv4 $(guest_addr s1 lan):7790; }
    on s2 { device /dev/drbd1 minor 1; disk /dev/loop7; meta-disk internal; address ipv4 $(guest_addr s2 lan):7790; }
}
R1
    on "$guest" "drbdadm -- --force create-md r1 >/dev/null 2>&1 && drbdadm dump r1 >/dev/null" || die "r1 is not usable on $guest"
done
kp=$(kernel_mark "$primary")
on s1 "crm_resource --resource p_drbd --set-parameter drbd_resource --parameter-value r1"
LAB_POLL=3 poll 240 "r0 down and r1 up on both nodes after drbd_resource=r1" -- r1_instead_of_r0
[[ -n $(kernel_changes_since "$primary" "$kp") ]] || die "r0 went from $primary without a demote or down in its kernel log"
wait_crm s1 120 --settled
lab_log "drbd_resource=r1: r0 stopped on both nodes, r1 started on both (Inconsistent: not promoted)"
on s1 "crm_resource --resource p_drbd --set-parameter drbd_resource --parameter-value r0"
wait_crm s1 240 --started ms_drbd s1 --started ms_drbd s2
primary=$(wait_single_promoted 240)
secondary=$(other_node "$primary")
wait_drbd "$primary" "Connected Primary/Secondary UpToDate/UpToDate" 180
for guest in "${LAB_STORAGE[@]}"; do
    on "$guest" "! grep -q '^ *1: cs:' /proc/drbd" || die "r1 is still up on $guest after drbd_resource=r0"
    on "$guest" "rm -f /etc/drbd.d/r1.res && losetup -d /dev/loop7 && rm -f /var/lib/tandem-r1.img"
done
wait_crm s1 60 --settled
lab_log "drbd_resource=r0 again: r1 stopped, r0 started and promoted on $primary"

step "2. start on $secondary with its backing disk missing: fails with a reason, $primary serves on"
on s1 "crm_resource --resource ms_drbd --ban --node $secondary"
wait_crm_roles s1 ms_drbd Unpromoted "" 120
wait_crm s1 60 --settled
on "$secondary" "mv /dev/vdb /dev/vdb.tandem-hidden"
on s1 "crm_resource --resource ms_drbd --clear"
# In a subshell, so that the disk comes back before the case fails.
if ! reason=$(LAB_POLL=3 poll 180 "a failed start of p_drbd on $secondary" -- failed_start_reason "$secondary"); then
    on "$secondary" "mv /dev/vdb.tandem-hidden /dev/vdb"
    die "no failed start of p_drbd on $secondary within 180s (the disk is back)"
fi
lab_log "failed start on $secondary: $reason"
[[ $reason == *"has no disk on volume 0"* ]] || die "the failed start's reason does not name the missing disk: $reason"
wait_crm s1 120 --settled
wait_crm_roles s1 ms_drbd Promoted "$primary" 10
[[ -z $(drbd_state "$secondary") ]] || die "r0 is left up on $secondary after the failed start: $(drbd_state "$secondary")"
sum=$(write_pattern "$primary" /dev/drbd0 no-disk-on-peer 4)
on "$secondary" "mv /dev/vdb.tandem-hidden /dev/vdb"
on s1 "crm_resource --cleanup --resource ms_drbd --node $secondary" >/dev/null
wait_crm_roles s1 ms_drbd Unpromoted "$secondary" 180
wait_drbd "$secondary" "Connected Secondary/Primary UpToDate/UpToDate" 180
wait_crm s1 60 --settled
verify_pattern "$primary" /dev/drbd0 4 "$sum"

step "3. promote refused by DRBD (Outdated, peer unreachable) returns only after the back-off"
on s1 "crm_resource --resource ms_drbd --ban --node $secondary"
wait_crm_roles s1 ms_drbd Unpromoted "" 120
wait_crm s1 60 --settled
cut_path "$secondary" lan
on "$secondary" "drbdadm outdate r0 && drbdadm up r0"
wait_drbd "$secondary" "WFConnection Secondary/Unknown Outdated/DUnknown" 60
t0=$(on "$secondary" "date +%s%N")
out=$(run_agent "$secondary" promote)
t1=$(on "$secondary" "date +%s%N")
elapsed=$(((t1 - t0) / 1000000))
lab_log "promote on the Outdated $secondary: $(tail -n 3 <<<"$out" | tr '\n' ' ') after ${elapsed} ms"
[[ $(tail -n 1 <<<"$out") == rc=1 ]] || die "promote of Outdated data returned $(tail -n 1 <<<"$out"), not rc=1: $out"
grep -q "ocf-exit-reason:refusing to be promoted to Primary without access to UpToDate data" <<<"$out" \
    || die "no exit reason about UpToDate data: $out"
((elapsed >= 15000 && elapsed < 30000)) || die "promote failed after ${elapsed} ms; want the 15 s back-off"
on "$secondary" "drbdadm down r0"
restore_path "$secondary" lan
on s1 "crm_resource --resource ms_drbd --clear"
wait_crm_roles s1 ms_drbd Unpromoted "$secondary" 180
wait_drbd "$secondary" "Connected Secondary/Primary UpToDate/UpToDate" 180
wait_crm s1 60 --settled

step "4. a probe on the Primary $primary with an unrelated bad parameter still says Primary"
out=$(run_agent "$primary" monitor "OCF_RESKEY_CRM_meta_interval=0" "OCF_RESKEY_adjust_master_score=0 10")
[[ $(tail -n 1 <<<"$out") == rc=8 ]] || die "probe with adjust_master_score='0 10' on the Primary: $out"
out=$(run_agent "$primary" monitor "OCF_RESKEY_CRM_meta_interval=0" "OCF_RESKEY_stop_outdates_secondary=maybe")
[[ $(tail -n 1 <<<"$out") == rc=8 ]] || die "probe with stop_outdates_secondary=maybe on the Primary: $out"
out=$(run_agent "$primary" monitor "OCF_RESKEY_CRM_meta_interval=0" "OCF_RESKEY_drbd_resource=r 0")
[[ $(tail -n 1 <<<"$out") == rc=7 ]] || die "probe with an invalid drbd_resource (it identifies the resource): $out"
wait_crm_roles s1 ms_drbd Promoted "$primary" 10
lab_log "probes on the Primary: 8 with a bad score table or boolean, 7 when drbd_resource itself is invalid"
