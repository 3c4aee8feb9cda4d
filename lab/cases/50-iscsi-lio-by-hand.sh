# ocf:tandem:iscsi-target on LIO (#13), run by hand on s1 as Pacemaker runs it, against the
# real kernel target (Debian 12's 6.1) over LVM on DRBD, with c1's open-iscsi as the client:
# 1. start builds the storage objects, the target, two LUNs, the ACL for c1 and CHAP in
#    configfs (no targetcli); monitor 0, and it runs no process (strace);
# 2. c1 logs in with CHAP (a wrong secret is refused), sees both LUNs with the WWID derived
#    from the resource name (36001405 + serial), writes and reads data through LUN 0;
# 3. reload-agent removes LUN 1, then adds an initiator's ACL and changes the CHAP secret,
#    while c1 stays logged in on LUN 0;
# 4. a LUN removed by hand (a partial target): monitor 1 names it;
# 5. stop closes the session and removes everything of the resource, a target and backstore
#    made with targetcli survive; stop again 0; probe 7; bad input changes nothing;
#    ocf-tester passes.
# Starts from r0 by hand with s1 Primary (ensure_drbd_by_hand) and leaves it so, with vg_lio
# inactive and the client logged out.

agent=/usr/lib/ocf/resource.d/tandem/iscsi-target
iqn=iqn.2026-01.org.tandem.lab:lio
foreign=iqn.2026-01.org.tandem.lab:byhand
other=iqn.2026-01.org.tandem.lab:other
secret=Lab-chap-secret-7
secret2=Lab-chap-secret-8
portal=$(guest_addr s1 lan)
# The agent by hand on s1 (OCF 1.1 environment, 60 s), then "rc=N"; NAME=VALUE arguments
# add to or override the environment.
run_target() {
    local action=$1
    shift
    on_bash s1 "$agent" "$action" "$iqn" "$initiator" "$secret" "$@" <<'SCRIPT'
agent=$1 action=$2 iqn=$3 initiator=$4 secret=$5
shift 5
env OCF_ROOT=/usr/lib/ocf OCF_RA_VERSION_MAJOR=1 OCF_RA_VERSION_MINOR=1 OCF_RESOURCE_INSTANCE=p_lio \
    OCF_RESKEY_implementation=lio OCF_RESKEY_iqn="$iqn" OCF_RESKEY_luns="0:/dev/vg_lio/lun0 1:/dev/vg_lio/lun1" \
    OCF_RESKEY_allowed_initiators="$initiator" OCF_RESKEY_incoming_username=tandem OCF_RESKEY_incoming_password="$secret" \
    OCF_RESKEY_CRM_meta_timeout=60000 HA_RSCTMP=/run/resource-agents "$@" "$agent" "$action" 2>&1
echo "rc=$?"
SCRIPT
}
expect_rc() { # expect_rc RC OUTPUT WHAT
    [[ $2 == *"rc=$1" ]] || die "$3: want rc=$1, got: $2"
}
configfs_of_ours() { on s1 "find /sys/kernel/config/target -path '*p_lio*' -o -path '*$iqn*' | head -n 5"; }
client_clean() {
    on c1 "iscsiadm -m node -T $iqn -u >/dev/null 2>&1; iscsiadm -m node -o delete >/dev/null 2>&1; iscsiadm -m discoverydb -t st -o delete >/dev/null 2>&1; true"
}

step "precondition: r0 by hand with s1 Primary; vg_lio (lun0 48M, lun1 16M) on /dev/drbd0; no target, c1 logged out"
initiator=$(on c1 "sed -n 's/^InitiatorName=//p' /etc/iscsi/initiatorname.iscsi")
[[ -n $initiator ]] || die "c1 has no initiator name"
client_logout
client_clean
target_remove s1
# What an earlier run of this case left (its own stop cleans it).
if on s1 "test -d /sys/kernel/config/target/iscsi/$iqn || ls -d /sys/kernel/config/target/core/iblock_*/p_lio-lun* >/dev/null 2>&1"; then
    expect_rc 0 "$(run_target stop)" "stop of what an earlier run left"
fi
on s1 "targetcli /iscsi delete $foreign >/dev/null 2>&1; targetcli /backstores/fileio delete byhand >/dev/null 2>&1; rm -f /tmp/byhand.img; true"
ensure_drbd_by_hand
on_bash s1 <<'SCRIPT'
set -e
vgchange -q -an >/dev/null 2>&1 || true
pvcreate -q -ff -y /dev/drbd0
vgcreate -q vg_lio /dev/drbd0
lvcreate -q -y -Wy -Zy -n lun0 -L 48M vg_lio
lvcreate -q -y -Wy -Zy -n lun1 -L 16M vg_lio
SCRIPT

step "probe 7, start 0, monitor 0 (LIO through configfs)"
expect_rc 7 "$(run_target monitor)" "probe before start"
out=$(run_target start)
expect_rc 0 "$out" "start"
expect_rc 0 "$(run_target monitor OCF_RESKEY_CRM_meta_interval=10000)" "monitor"
on s1 "find /sys/kernel/config/target/iscsi/$iqn -maxdepth 5 \\( -type l -o -name 'lun_*' -o -name '*:3260' \\) | sort" >&2
on s1 "cat /sys/kernel/config/target/iscsi/$iqn/tpgt_1/enable /sys/kernel/config/target/iscsi/$iqn/tpgt_1/attrib/authentication" \
    | tr '\n' ' ' | grep -q "^1 1 " || die "the TPG is not enabled with authentication"

step "the recurring monitor's cost: no process (strace -f on s1)"
execs=$(on_bash s1 "$agent" "$iqn" "$initiator" <<'SCRIPT'
env OCF_ROOT=/usr/lib/ocf OCF_RESOURCE_INSTANCE=p_lio OCF_RESKEY_implementation=lio OCF_RESKEY_iqn="$2" \
    OCF_RESKEY_luns="0:/dev/vg_lio/lun0 1:/dev/vg_lio/lun1" OCF_RESKEY_allowed_initiators="$3" \
    OCF_RESKEY_incoming_username=tandem OCF_RESKEY_incoming_password=x-not-read-by-monitor \
    OCF_RESKEY_CRM_meta_interval=10000 OCF_RESKEY_CRM_meta_timeout=30000 HA_RSCTMP=/run/resource-agents \
    strace -f -qq -e trace=execve -o /tmp/lio-monitor.strace "$1" monitor
echo "rc=$? execs=$(grep -c 'execve(' /tmp/lio-monitor.strace)"
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
serial=$(on s1 "cat /sys/kernel/config/target/core/iblock_*/p_lio-lun0/wwn/vpd_unit_serial" | sed 's/.*: //')
[[ $wwid == 36001405${serial:0:16}* ]] || die "LUN 0's WWID $wwid is not 36001405 + its serial $serial"
lab_log "LUN 0: WWID $wwid (serial $serial)"
sum=$(write_pattern c1 "$lun0" lio 8)
verify_pattern c1 "$lun0" 8 "$sum"

step "reload-agent drops LUN 1; c1 stays logged in on LUN 0"
sid=$(on c1 "iscsiadm -m session" | grep -F "$iqn" | sed -E 's/^tcp: \[([0-9]+)\].*/\1/')
expect_rc 0 "$(run_target reload-agent OCF_RESKEY_luns=0:/dev/vg_lio/lun0)" "reload-agent"
[[ $(on c1 "iscsiadm -m session" | grep -F "$iqn" | sed -E 's/^tcp: \[([0-9]+)\].*/\1/') == "$sid" ]] \
    || die "c1's session changed across the reload"
verify_pattern c1 "$lun0" 8 "$sum"
expect_rc 0 "$(run_target monitor OCF_RESKEY_luns=0:/dev/vg_lio/lun0 OCF_RESKEY_CRM_meta_interval=10000)" "monitor after reload"
expect_rc 1 "$(run_target monitor OCF_RESKEY_CRM_meta_interval=10000)" "monitor of the old configuration (LUN 1 gone)"

step "reload-agent adds $other's ACL and changes the CHAP secret; c1 stays logged in"
now=(OCF_RESKEY_luns=0:/dev/vg_lio/lun0 "OCF_RESKEY_allowed_initiators=$initiator $other" "OCF_RESKEY_incoming_password=$secret2")
expect_rc 0 "$(run_target reload-agent "${now[@]}")" "reload-agent of the ACL and CHAP"
[[ $(on c1 "iscsiadm -m session" | grep -F "$iqn" | sed -E 's/^tcp: \[([0-9]+)\].*/\1/') == "$sid" ]] \
    || die "c1's session changed across the ACL and CHAP reload"
acls=/sys/kernel/config/target/iscsi/$iqn/tpgt_1/acls
on s1 "test -d $acls/$other/lun_0" || die "no ACL with LUN 0 for $other after the reload"
# The new secret is in both ACLs (compared on s1, given on stdin: never printed nor in argv).
on s1 "read -r secret; for acl in '$initiator' '$other'; do [ \"\$(cat $acls/\$acl/auth/password)\" = \"\$secret\" ] || exit 1; done" \
    <<<"$secret2" || die "the CHAP secret was not changed in every ACL"
verify_pattern c1 "$lun0" 8 "$sum"
expect_rc 0 "$(run_target monitor "${now[@]}" OCF_RESKEY_CRM_meta_interval=10000)" "monitor after the ACL and CHAP reload"

step "a LUN removed by hand (a partial target, iSCSILogicalUnit's leftovers): monitor 1 names it"
on_bash s1 "/sys/kernel/config/target/iscsi/$iqn/tpgt_1" <<'SCRIPT' || die "could not remove LUN 0 by hand"
set -e
for mapped in "$1"/acls/*/lun_0; do find "$mapped" -maxdepth 1 -type l -delete; rmdir "$mapped"; done
find "$1/lun/lun_0" -maxdepth 1 -type l -delete
rmdir "$1/lun/lun_0"
SCRIPT
out=$(run_target monitor "${now[@]}" OCF_RESKEY_CRM_meta_interval=10000)
expect_rc 1 "$out" "monitor of the partial target"
[[ $out == *"LUN 0 (/dev/vg_lio/lun0) is not exported"* ]] || die "monitor does not name the missing LUN: $out"

step "a target and backstore made with targetcli survive stop; stop closes c1's session and removes all of ours"
on s1 "targetcli /backstores/fileio create byhand /tmp/byhand.img 1M >/dev/null && targetcli /iscsi create $foreign >/dev/null && targetcli /iscsi/$foreign/tpg1/luns create /backstores/fileio/byhand >/dev/null" \
    || die "targetcli could not make $foreign"
expect_rc 0 "$(run_target stop "${now[@]}")" "stop"
[[ -z $(configfs_of_ours) ]] || die "configfs still holds: $(configfs_of_ours)"
on s1 "test -d /sys/kernel/config/target/iscsi/$foreign/tpgt_1/lun/lun_0 && ls -d /sys/kernel/config/target/core/fileio_*/byhand" >/dev/null \
    || die "stop removed the target or backstore made with targetcli"
session_gone() { ! on c1 "iscsiadm -m session -r $sid -P 3 2>/dev/null" | grep -q "iSCSI Session State: LOGGED_IN"; }
poll 30 "c1's session to end" -- session_gone
expect_rc 0 "$(run_target stop)" "stop again"
expect_rc 7 "$(run_target monitor)" "probe after stop"
on s1 "targetcli /iscsi delete $foreign >/dev/null && targetcli /backstores/fileio delete byhand >/dev/null && rm -f /tmp/byhand.img" \
    || die "targetcli could not remove $foreign"
client_clean

step "bad input changes nothing: a file as a LUN (2), an upper-case iqn (6), promotable with one id twice (6), without an id for s1 (2)"
before=$(on s1 "find /sys/kernel/config/target | sort | md5sum")
expect_rc 2 "$(run_target start OCF_RESKEY_luns=0:/etc/hostname)" "a file as a LIO LUN"
expect_rc 6 "$(run_target start OCF_RESKEY_iqn=IQN.2026-01.bad:x)" "an upper-case iqn"
expect_rc 6 "$(run_target start OCF_RESKEY_CRM_meta_promotable=true OCF_RESKEY_alua_group_ids='s1=1 s2=1')" "promotable, one group id twice"
expect_rc 2 "$(run_target start OCF_RESKEY_CRM_meta_promotable=true OCF_RESKEY_alua_group_ids='s2=2 s3=3')" "promotable, no id for s1"
[[ $(on s1 "find /sys/kernel/config/target | sort | md5sum") == "$before" ]] || die "bad input changed configfs"

step "ocf-tester against LIO"
# ocf-tester exits 1 for the DTD check it fails (checked below).
out=$(on s1 "HA_RSCTMP=/run/resource-agents ocf-tester -n p_lio -o implementation=lio -o iqn=$iqn -o luns=0:/dev/vg_lio/lun0 $agent 2>&1" || true)
failures=$(grep '^\* rc=' <<<"$out" || true)
[[ $failures == "* rc=4: Your agent produces meta-data which does not conform to ra-api-1.dtd" ]] \
    || die "ocf-tester: $out"
if grep 'validity error' <<<"$out" | grep -vE 'attribute reloadable of element parameter|"reload-agent" for attribute name of action'; then
    die "ocf-tester's DTD check found more than the OCF 1.1 names"
fi
[[ -z $(configfs_of_ours) ]] || die "ocf-tester left: $(configfs_of_ours)"

step "cleanup: vg_lio inactive"
on s1 "vgchange -q -an vg_lio"
