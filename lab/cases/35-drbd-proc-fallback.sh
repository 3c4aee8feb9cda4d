# ocf:tandem:drbd reads /proc/drbd where drbd-utils 9's 8.4 tool is missing, and gives the
# same answers. With ms_drbd running (one Primary, both UpToDate), on each storage node the
# installed agent's recurring monitor is run by hand, as Pacemaker runs a clone monitor:
#   1. as installed: state from `drbdsetup-84 events2 --now r0` (8 on the Primary, 0 on the
#      Secondary), one process;
#   2. with drbdsetup-84 hidden (`mount --bind /dev/null` over it: no longer executable), as
#      on a host with only drbd-utils 8.4: a probe (learns the minors with `drbdadm sh-minor`
#      and caches them under HA_RSCTMP), then a recurring monitor: the same exit code, and NO
#      process started; with the cache removed, the recurring monitor runs sh-minor again;
#   3. after unmounting: events2 again, the same exit code.
# "No process" is counted without strace: the agent runs as the first child of a fresh PID
# namespace (pid 2); the next pid handed out after it ends is 3 + the processes it started.
# The agent's debug log (HA_debug=1) must also say where the state came from.
#
# The hiding happens in a private mount namespace (unshare --mount), so Pacemaker's own
# operations on the node never see it, and it ends with that namespace even if ssh dies;
# the script still unmounts in a trap and checks afterwards that the tool is back. The
# by-hand monitors run as their own instance (p_drbd_by_hand, HA_RSCTMP in a temporary
# directory) with HA_SBIN_DIR at an empty directory: the score they compute is not sent (the
# agent logs that crm_attribute is missing, without starting it), so the cluster's scores
# stay the ones of Pacemaker's own monitors.
#
# Starts from examples/cluster-a's ms_drbd (ensure_drbd_clone: reused when it runs as
# recorded, made anew otherwise, e.g. after 33's variant) and leaves it running.

step "precondition: examples/cluster-a's ms_drbd, one Primary, both UpToDate"
ensure_drbd_clone
primary=$(single_promoted)
secondary=$(other_node "$primary")

# On one node: the three phases above; prints one summary line, exits non-zero on any
# difference. Runs in a private mount namespace. Usage: bash -s -- EXPECTED_RC
guest_script() {
    cat <<'GUEST'
set -euo pipefail
expected=$1
node=$(hostname)
agent=/usr/lib/ocf/resource.d/tandem/drbd
work=$(mktemp -d /tmp/tandem-proc-fallback.XXXXXX)
hidden=()
cleanup() {
    local path
    for path in "${hidden[@]}"; do umount "$path" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 129' HUP INT TERM
fail() { echo "$node: $*" >&2; exit 1; }

# The 8.4 tool drbd-utils 9 installs (/lib is /usr/lib on Debian 12; hide every real path).
tools=()
for path in /usr/lib/drbd/drbdsetup-84 /lib/drbd/drbdsetup-84; do
    [[ -e $path ]] || continue
    real=$(readlink -f "$path")
    [[ " ${tools[*]} " == *" $real "* ]] || tools+=("$real")
done
((${#tools[@]} > 0)) || fail "no drbdsetup-84: drbd-utils 9 is expected on the storage nodes"

mkdir -p "$work/rsctmp" "$work/sbin"
feature_set=$(cibadmin -Q -l 2>/dev/null | sed -n '1s/.*crm_feature_set="\([^"]*\)".*/\1/p') || true
export OCF_ROOT=/usr/lib/ocf HA_RSCTMP=$work/rsctmp HA_SBIN_DIR=$work/sbin
export HA_LOGFACILITY=none HA_LOGFILE=$work/agent.log HA_debug=1
export OCF_RESOURCE_INSTANCE=p_drbd_by_hand:0 OCF_RESOURCE_TYPE=drbd OCF_RESOURCE_PROVIDER=tandem
export OCF_RESKEY_drbd_resource=r0 OCF_RESKEY_crm_feature_set=${feature_set:-3.16.2}
export OCF_RESKEY_CRM_meta_clone=0 OCF_RESKEY_CRM_meta_clone_max=2 OCF_RESKEY_CRM_meta_clone_node_max=1
export OCF_RESKEY_CRM_meta_promotable=true OCF_RESKEY_CRM_meta_notify=true
export OCF_RESKEY_CRM_meta_promoted_max=1 OCF_RESKEY_CRM_meta_promoted_node_max=1
export OCF_RESKEY_CRM_meta_master_max=1 OCF_RESKEY_CRM_meta_master_node_max=1
export OCF_RESKEY_CRM_meta_on_node=$node OCF_RESKEY_CRM_meta_timeout=20000
cache=$HA_RSCTMP/tandem-drbd-p_drbd_by_hand.minors
# The promoted monitor runs every 10 s, the unpromoted one every 20 s (crm-drbd.crm).
interval=$((expected == 8 ? 10000 : 20000))

# run INTERVAL_MS ACTION: "<exit code> <processes the agent started>".
run() {
    # shellcheck disable=SC2016  # expanded by the inner bash
    OCF_RESKEY_CRM_meta_interval=$1 unshare --pid --fork bash -c \
        '"$@" >/dev/null 2>&1; rc=$?; next=$(echo $BASHPID); echo "$rc $((next - 3))"' _ "$agent" "$2"
}
# said TEXT: how many lines of the agent's log contain TEXT.
said() { local n; n=$(grep -cF -- "$1" "$HA_LOGFILE" 2>/dev/null) || true; echo "${n:-0}"; }
proc_line="r0: state from /proc/drbd, minors 0"

read -r rc none < <(run 0 meta-data)
[[ $rc == 0 && $none == 0 ]] || fail "meta-data: exit $rc, $none processes counted (the counter is off)"

# 1. As installed: events2 through drbdsetup-84.
read -r rc_events kids_events < <(run "$interval" monitor)
[[ $rc_events == "$expected" ]] || fail "monitor with events2: exit $rc_events, expected $expected"
((kids_events >= 1)) || fail "monitor with events2 started no process: the counter does not see execs"
[[ $(said "$proc_line") == 0 ]] || fail "monitor with events2 read /proc/drbd: $(cat "$HA_LOGFILE")"

# 2. drbdsetup-84 hidden.
for path in "${tools[@]}"; do mount --bind /dev/null "$path"; hidden+=("$path"); done
for path in "${tools[@]}"; do [[ ! -x $path ]] || fail "$path is still executable under /dev/null"; done
read -r rc_probe kids_probe < <(run 0 monitor)
[[ $rc_probe == "$expected" ]] || fail "probe from /proc/drbd: exit $rc_probe, expected $expected; log: $(cat "$HA_LOGFILE")"
[[ $(cat "$cache" 2>/dev/null) == "r0 0" ]] || fail "probe left no minors cache 'r0 0' in $cache"
[[ $(said "$proc_line (from drbdadm sh-minor)") == 1 ]] || fail "the probe did not learn the minors with sh-minor"
read -r rc_proc kids_proc < <(run "$interval" monitor)
[[ $rc_proc == "$expected" ]] || fail "monitor from /proc/drbd: exit $rc_proc, expected $expected"
[[ $kids_proc == 0 ]] || fail "monitor from /proc/drbd started $kids_proc processes, expected none"
[[ $(said "$proc_line (from the cache)") == 1 ]] || fail "the recurring monitor did not read the cached minors"
rm -f "$cache"
read -r rc_nocache kids_nocache < <(run "$interval" monitor)
[[ $rc_nocache == "$expected" ]] || fail "monitor without the cache: exit $rc_nocache, expected $expected"
if ((kids_nocache < 1)) || [[ $(cat "$cache" 2>/dev/null) != "r0 0" ]]; then
    fail "monitor without the cache did not run sh-minor and write the cache ($kids_nocache processes)"
fi
for path in "${hidden[@]}"; do umount "$path"; done
hidden=()

# 3. Back to events2.
for path in "${tools[@]}"; do [[ -x $path ]] || fail "$path is not back after umount"; done
read -r rc_after kids_after < <(run "$interval" monitor)
[[ $rc_after == "$expected" ]] || fail "monitor with events2 again: exit $rc_after, expected $expected"
echo "$node: events2 exit $rc_events ($kids_events process); /proc/drbd: probe exit $rc_probe" \
    "($kids_probe: sh-minor), monitor exit $rc_proc ($kids_proc processes), without cache exit $rc_nocache" \
    "($kids_nocache); events2 again exit $rc_after ($kids_after)"
GUEST
}

for node in "$primary" "$secondary"; do
    expected=0
    [[ $node == "$primary" ]] && expected=8
    step "$node ($([[ $expected == 8 ]] && echo Primary || echo Secondary)): monitor with events2, with drbdsetup-84 hidden, and again"
    out=$(on "$node" "unshare --mount --propagation private -- bash -s -- $expected" < <(guest_script) 2>&1) \
        || die "the /proc/drbd fallback on $node: $out"
    lab_log "$out"
    mounts=$(on "$node" "cat /proc/self/mountinfo")   # read whole: grep -q would cut ssh short (pipefail)
    ! grep -q "drbdsetup-84" <<<"$mounts" || die "a mount over drbdsetup-84 is visible outside the case's namespace on $node"
    on "$node" "test -x /usr/lib/drbd/drbdsetup-84" || die "/usr/lib/drbd/drbdsetup-84 is not executable on $node after the case"
done
wait_crm_roles s1 ms_drbd Promoted "$primary" 10
wait_crm_roles s1 ms_drbd Unpromoted "$secondary" 10
