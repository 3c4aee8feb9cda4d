# ocf:tandem:iscsi-target on SCST (#13), run by hand on s1 as Pacemaker runs it, against SCST
# built for Debian 12's kernel, over LVM on DRBD, with c1's open-iscsi as the client:
# 1. start makes a vdisk_blockio device per LUN, the target with both LUNs in the initiator
#    group for c1, and CHAP, through SCST's sysfs (no scstadmin); monitor 0, no process run;
# 2. c1: a wrong CHAP secret is refused, the right one logs in; both LUNs, the WWID
#    36001405 + serial (as on LIO);
# 3. reload-agent drops LUN 1, then admits another initiator and changes the CHAP secret,
#    c1 staying logged in on LUN 0 with its data;
# 4. LUN 0 removed by hand (a partial target): monitor 1 names it;
# 5. SCST's management held past its 15 s (a CD-ROM device loading a FIFO): stop waits for the
#    session to close as long as its time lasts (a fixed 20 s failed it) and removes everything
#    once SCST is free; start meets EAGAIN, says so, waits on last_sysfs_mgmt_res and the target
#    runs; stop again 0; probe 7.
# Starts from r0 by hand with s1 Primary (ensure_drbd_by_hand) and leaves it so, with vg_scst
# inactive, c1 logged out and SCST unloaded.

agent=/usr/lib/ocf/resource.d/tandem/iscsi-target
iqn=iqn.2026-01.org.tandem.lab:scst
other=iqn.2026-01.org.tandem.lab:other
secret=Lab-chap-secret-7
secret2=Lab-chap-secret-8
portal=$(guest_addr s1 lan)
scst=/sys/kernel/scst_tgt
fifo=/run/tandem-lab-fifo
# The agent by hand on s1 (OCF 1.1 environment, 60 s unless given), then "rc=N"; NAME=VALUE
# arguments add to or override the environment.
run_target() {
    local action=$1
    shift
    on_bash s1 "$agent" "$action" "$iqn" "$initiator" "$secret" "$@" <<'SCRIPT'
agent=$1 action=$2 iqn=$3 initiator=$4 secret=$5
shift 5
env OCF_ROOT=/usr/lib/ocf OCF_RA_VERSION_MAJOR=1 OCF_RA_VERSION_MINOR=1 OCF_RESOURCE_INSTANCE=p_scst \
    OCF_RESKEY_implementation=scst OCF_RESKEY_iqn="$iqn" OCF_RESKEY_luns="0:/dev/vg_scst/lun0 1:/dev/vg_scst/lun1" \
    OCF_RESKEY_allowed_initiators="$initiator" OCF_RESKEY_incoming_username=tandem OCF_RESKEY_incoming_password="$secret" \
    OCF_RESKEY_CRM_meta_timeout=60000 HA_RSCTMP=/run/resource-agents "$@" "$agent" "$action" 2>&1
echo "rc=$?"
SCRIPT
}
expect_rc() { # expect_rc RC OUTPUT WHAT
    [[ $2 == *"rc=$1" ]] || die "$3: want rc=$1, got: $2"
}
scst_of_ours() { on s1 "ls -d $scst/devices/p_scst-* $scst/targets/iscsi/$iqn 2>/dev/null | head -n 5"; }
session_of_c1() { on c1 "iscsiadm -m session" | grep -F "$iqn" | sed -E 's/^tcp: \[([0-9]+)\].*/\1/'; }
client_clean() {
    on c1 "iscsiadm -m node -T $iqn -u >/dev/null 2>&1; iscsiadm -m node -o delete >/dev/null 2>&1; iscsiadm -m discoverydb -t st -o delete >/dev/null 2>&1; true"
}
# The FIFO's writer end opened: the CD-ROM device SCST waits on gets its partner; then removed.
fifo_release() {
    on s1 "timeout 10 sh -c 'exec 3>$fifo; sleep 1'; true"
    LAB_POLL=1 poll 60 "SCST free again" -- on s1 "cat $scst/last_sysfs_mgmt_res >/dev/null 2>&1"
    on s1 "if [ -d $scst/devices/tandem_cd ]; then echo 'del_device tandem_cd' > $scst/handlers/vcdrom/mgmt; fi; rm -f $fifo"
}

# Also on a failure (the case's subshell ends): nothing of SCST left on s1, port 3260 free for
# LIO's cases.
scst_cleanup() {
    trap - EXIT
    if on s1 "test -p $fifo"; then fifo_release || true; fi
    if [[ -n $(scst_of_ours) ]]; then run_target stop >/dev/null || true; fi
    on s1 "vgchange -q -an vg_scst >/dev/null 2>&1; true"
    scst_stop s1
}
trap scst_cleanup EXIT

step "precondition: r0 by hand with s1 Primary; vg_scst (lun0 48M, lun1 16M) on /dev/drbd0; SCST and iscsi-scstd on s1; no target, c1 logged out"
initiator=$(on c1 "sed -n 's/^InitiatorName=//p' /etc/iscsi/initiatorname.iscsi")
[[ -n $initiator ]] || die "c1 has no initiator name"
client_logout
client_clean
target_remove s1
ensure_drbd_by_hand
scst_start s1
if on s1 "test -p $fifo"; then fifo_release; fi   # what an aborted run left
# What an earlier run of this case left (its own stop cleans it).
if [[ -n $(scst_of_ours) ]]; then expect_rc 0 "$(run_target stop)" "stop of what an earlier run left"; fi
on_bash s1 <<'SCRIPT'
set -e
vgchange -q -an >/dev/null 2>&1 || true
pvcreate -q -ff -y /dev/drbd0
vgcreate -q vg_scst /dev/drbd0
lvcreate -q -y -Wy -Zy -n lun0 -L 48M vg_scst
lvcreate -q -y -Wy -Zy -n lun1 -L 16M vg_scst
SCRIPT

step "probe 7, start 0, monitor 0 (SCST through its sysfs)"
expect_rc 7 "$(run_target monitor)" "probe before start"
expect_rc 0 "$(run_target start)" "start"
expect_rc 0 "$(run_target monitor OCF_RESKEY_CRM_meta_interval=10000)" "monitor"
on s1 "ls $scst/targets/iscsi/$iqn/ini_groups/allowed/luns $scst/targets/iscsi/$iqn/ini_groups/allowed/initiators; cat $scst/targets/iscsi/$iqn/enabled" >&2
[[ $(on s1 "head -n 1 $scst/targets/iscsi/$iqn/enabled") == 1 ]] || die "the target is not enabled"

step "the recurring monitor's cost: no process (strace -f on s1)"
execs=$(on_bash s1 "$agent" "$iqn" "$initiator" <<'SCRIPT'
env OCF_ROOT=/usr/lib/ocf OCF_RESOURCE_INSTANCE=p_scst OCF_RESKEY_implementation=scst OCF_RESKEY_iqn="$2" \
    OCF_RESKEY_luns="0:/dev/vg_scst/lun0 1:/dev/vg_scst/lun1" OCF_RESKEY_allowed_initiators="$3" \
    OCF_RESKEY_incoming_username=tandem OCF_RESKEY_incoming_password=x-not-read-by-monitor \
    OCF_RESKEY_CRM_meta_interval=10000 OCF_RESKEY_CRM_meta_timeout=30000 HA_RSCTMP=/run/resource-agents \
    strace -f -qq -e trace=execve -o /tmp/scst-monitor.strace "$1" monitor
echo "rc=$? execs=$(grep -c 'execve(' /tmp/scst-monitor.strace)"
SCRIPT
)
[[ $execs == "rc=0 execs=1" ]] || die "monitor on s1: $execs (want rc=0 and only the agent's own execve)"

step "c1: a wrong CHAP secret is refused, the right one logs in; both LUNs, WWIDs from the serials"
on c1 "iscsiadm -m discovery -t st -p $portal" | grep -q "$iqn" || die "discovery on $portal does not list $iqn"
chap() {
    on c1 "iscsiadm -m node -T $iqn -p $portal -o update -n node.session.auth.authmethod -v CHAP && iscsiadm -m node -T $iqn -p $portal -o update -n node.session.auth.username -v tandem && iscsiadm -m node -T $iqn -p $portal -o update -n node.session.auth.password -v '$1'"
}
chap wrong-secret-999
if on c1 "iscsiadm -m node -T $iqn -p $portal -l" >/dev/null 2>&1; then die "c1 logged in with a wrong CHAP secret"; fi
chap "$secret"
on c1 "iscsiadm -m node -T $iqn -p $portal -l && udevadm settle" >/dev/null
disks=$(on c1 "ls /dev/disk/by-path/ | grep -F '$iqn-lun-' | grep -v part | sort")
[[ $(wc -l <<<"$disks") == 2 ]] || die "c1 does not see two LUNs: $disks"
lun0=/dev/disk/by-path/$(grep -- '-lun-0$' <<<"$disks")
wwid=$(on c1 "/lib/udev/scsi_id -g -u -d $lun0")
serial=$(on s1 "head -n 1 $scst/devices/p_scst-lun0/usn")
[[ $wwid == 36001405${serial:0:16}* ]] || die "LUN 0's WWID $wwid is not 36001405 + its serial $serial"
lab_log "LUN 0: WWID $wwid (serial $serial)"
sum=$(write_pattern c1 "$lun0" scst 8)
verify_pattern c1 "$lun0" 8 "$sum"

step "reload-agent drops LUN 1; c1 stays logged in on LUN 0"
sid=$(session_of_c1)
expect_rc 0 "$(run_target reload-agent OCF_RESKEY_luns=0:/dev/vg_scst/lun0)" "reload-agent"
[[ $(session_of_c1) == "$sid" ]] || die "c1's session changed across the reload"
verify_pattern c1 "$lun0" 8 "$sum"
on s1 "test ! -e $scst/devices/p_scst-lun1" || die "LUN 1's device is still there after the reload"
expect_rc 0 "$(run_target monitor OCF_RESKEY_luns=0:/dev/vg_scst/lun0 OCF_RESKEY_CRM_meta_interval=10000)" "monitor after reload"
expect_rc 1 "$(run_target monitor OCF_RESKEY_CRM_meta_interval=10000)" "monitor of the old configuration (LUN 1 gone)"

step "reload-agent admits $other and changes the CHAP secret; c1 stays logged in"
now=(OCF_RESKEY_luns=0:/dev/vg_scst/lun0 "OCF_RESKEY_allowed_initiators=$initiator $other" "OCF_RESKEY_incoming_password=$secret2")
expect_rc 0 "$(run_target reload-agent "${now[@]}")" "reload-agent of the initiators and CHAP"
[[ $(session_of_c1) == "$sid" ]] || die "c1's session changed across the initiator and CHAP reload"
on s1 "test -e $scst/targets/iscsi/$iqn/ini_groups/allowed/initiators/$other" || die "$other is not in the initiator group after the reload"
# The account now holds the new secret (compared on s1, given on stdin: never printed nor in argv).
target=$scst/targets/iscsi/$iqn
on s1 "read -r secret; found=0; for a in $target/IncomingUser*; do read -r user password <\$a || continue; [ \$user = tandem ] || continue; [ \"\$password\" = \"\$secret\" ] || exit 1; found=\$((found + 1)); done; [ \$found = 1 ]" \
    <<<"$secret2" || die "the CHAP secret was not changed"
verify_pattern c1 "$lun0" 8 "$sum"
expect_rc 0 "$(run_target monitor "${now[@]}" OCF_RESKEY_CRM_meta_interval=10000)" "monitor after the initiator and CHAP reload"

step "LUN 0 removed by hand (a partial target): monitor 1 names it"
on s1 "echo 'del 0' > $scst/targets/iscsi/$iqn/ini_groups/allowed/luns/mgmt" || die "could not remove LUN 0 by hand"
out=$(run_target monitor "${now[@]}" OCF_RESKEY_CRM_meta_interval=10000)
expect_rc 1 "$out" "monitor of the partial target"
[[ $out == *"LUN 0 (/dev/vg_scst/lun0) is not exported"* ]] || die "monitor does not name the missing LUN: $out"

# SCST's management held past its 15 s: an empty vcdrom device given a FIFO as its medium.
# SCST sizes the medium under its mutex (vcdrom_change), and the open of a FIFO's read end
# waits for a writer; management writes meanwhile answer EAGAIN after 15 s. The writer end is
# opened 70 s on (in the background; `wait "$releaser"`): past an action's settle (20 s) and
# one write's wait for EAGAIN (15 s, and 5 s more each time the mutex happens to be free).
hold_scst() {
    on s1 "rm -f $fifo && mkfifo $fifo && echo 'add_device tandem_cd' > $scst/handlers/vcdrom/mgmt" || die "could not make the CD-ROM device"
    on s1 "setsid sh -c \"echo $fifo > $scst/devices/tandem_cd/filename\" </dev/null >/dev/null 2>&1 &"
    LAB_POLL=1 poll 20 "SCST busy" -- on s1 "! cat $scst/last_sysfs_mgmt_res >/dev/null 2>&1"
    held_since=$SECONDS
    on_bash s1 "$fifo" <<'SCRIPT' &
sleep 70
timeout 10 sh -c "exec 3>$1; sleep 1"
SCRIPT
    releaser=$!
}

step "SCST held past its 15 s: stop waits for c1's session to close (no fixed 20 s: that failed the stop) and removes everything of ours"
hold_scst
out=$(run_target stop "${now[@]}" OCF_RESKEY_CRM_meta_timeout=150000)
took=$((SECONDS - held_since))
wait "$releaser" || true
expect_rc 0 "$out" "stop while SCST was held"
((took >= 65)) || die "stop returned after ${took} s, before SCST was free"
lab_log "stop while SCST was held: ${took} s$([[ $out == *"(EAGAIN)"* ]] && echo ", EAGAIN met and waited out")"
fifo_release
[[ -z $(scst_of_ours) ]] || die "SCST still holds: $(scst_of_ours)"
# (c1 cannot log in again: its node record keeps the first secret, the target now has the second.)
session_gone() { ! on c1 "iscsiadm -m session -r $sid -P 3 2>/dev/null" | grep -q "iSCSI Session State: LOGGED_IN"; }
poll 30 "c1's session to end" -- session_gone

step "SCST held past its 15 s: start meets EAGAIN, says so, waits on last_sysfs_mgmt_res, and the target runs"
hold_scst
out=$(run_target start "${now[@]}" OCF_RESKEY_CRM_meta_timeout=150000)
took=$((SECONDS - held_since))
wait "$releaser" || true
printf '%s\n' "$out" | grep -E 'EAGAIN|last result' | sed 's/^/    /' >&2 || true
expect_rc 0 "$out" "start while SCST was held"
[[ $out == *"queued (EAGAIN), waiting for last_sysfs_mgmt_res"* ]] || die "start did not meet EAGAIN (or did not say so): $out"
((took >= 65)) || die "start returned after ${took} s, before SCST was free"
lab_log "start while SCST was held: ${took} s, EAGAIN met and waited out"
fifo_release
expect_rc 0 "$(run_target monitor "${now[@]}" OCF_RESKEY_CRM_meta_interval=10000)" "monitor after the start"
expect_rc 0 "$(run_target stop "${now[@]}")" "stop"
[[ -z $(scst_of_ours) ]] || die "SCST still holds: $(scst_of_ours)"
expect_rc 0 "$(run_target stop)" "stop again"
expect_rc 7 "$(run_target monitor)" "probe after stop"
client_clean

step "cleanup: vg_scst inactive; SCST unloaded (port 3260 free for LIO)"
scst_cleanup
on s1 "! lsmod | grep -qw scst" || die "SCST is still loaded on s1"
