# Tandem storage lab: helpers for the test cases (sourced after common.sh and vm.sh).
# Every wait is bounded and names what to read when it times out.

LAB_IQN=iqn.2024-01.org.tandem.lab:vg0

# --- cluster -------------------------------------------------------------------------------

# Waits until crm_mon on GUEST (read by TandemCore's parser, tandem-crm-wait) shows every
# condition. Usage: wait_crm GUEST TIMEOUT --online s1 --promoted ms_drbd s1 ...
wait_crm() {
    local guest=$1 timeout=$2 out; shift 2
    if ! out=$(on "$guest" "tandem-crm-wait --timeout $timeout $*" 2>&1); then
        die "crm_mon on $guest: $out; read /var/log/pacemaker/pacemaker.log on $guest (lab/labctl ssh $guest)"
    fi
    lab_log "crm_mon on $guest: $out"
}

# --- power and network ----------------------------------------------------------------------

power_cut() { lab_poweroff "$1"; }
power_on() { lab_boot "$@"; }
# SCST's modules and iscsi-scstd, as SCST's own service starts them (at boot: power_on's command).
SCST_START="modprobe -a scst scst_vdisk iscsi-scst && (pgrep -x iscsi-scstd >/dev/null || /usr/local/sbin/iscsi-scstd)"
# Usage: scst_start GUEST...; scst_stop GUEST... (iscsi-scstd stopped, SCST unloaded: port 3260
# free for LIO again).
scst_start() {
    local guest
    for guest in "$@"; do
        on "$guest" "$SCST_START"
        poll 30 "iscsi-scstd on $guest" -- on "$guest" "grep -qx open /sys/kernel/scst_tgt/targets/iscsi/open_state"
    done
}
scst_stop() {
    local guest
    for guest in "$@"; do
        on "$guest" "pkill -x iscsi-scstd; for i in 1 2 3 4 5 6 7 8 9 10; do pgrep -x iscsi-scstd >/dev/null || break; sleep 1; done; modprobe -r iscsi-scst scst_vdisk scst; true"
    done
}
guest_stopped() { ! guest_running "$1"; }
cut_path() { lab_cut "$1" "$2"; }
restore_path() { lab_restore "$1" "$2"; }

# --- DRBD ----------------------------------------------------------------------------------

# "cs ro ds" of minor 0 from GUEST's /proc/drbd, e.g. "Connected Primary/Secondary UpToDate/UpToDate".
drbd_state() {
    on "$1" "sed -n 's/^ *0: cs:\([^ ]*\) ro:\([^ ]*\) ds:\([^ ]*\).*/\1 \2 \3/p' /proc/drbd"
}

# shellcheck disable=SC2053  # the right side is a glob on purpose
drbd_state_is() { [[ "$(drbd_state "$1")" == $2 ]]; }

# Succeeds when GUEST's minor 0 matches the glob PATTERN ("cs ro ds"); otherwise says what it is.
drbd_state_matches() {
    local now
    now=$(drbd_state "$1")
    # shellcheck disable=SC2053  # the right side is a glob on purpose
    [[ $now == $2 ]] || { echo "DRBD r0 on $1 is '${now:-not configured}'"; return 1; }
}

# Waits until GUEST's minor 0 matches the glob PATTERN ("cs ro ds").
wait_drbd() {
    local guest=$1 pattern=$2 timeout=${3:-120}
    LAB_POLL=2 poll "$timeout" "DRBD on $guest to be '$pattern' (read /proc/drbd and dmesg on $guest)" \
        -- drbd_state_matches "$guest" "$pattern"
}

# Fresh metadata on both nodes, s1 Primary, initial sync until UpToDate/UpToDate. The start
# of each backing disk is zeroed first: drbdmeta refuses create-md, even with --force, over
# the LVM signature 00-smoke's vg0 leaves there ("Device size would be truncated").
drbd_init() {
    local guest
    for guest in "${LAB_STORAGE[@]}"; do
        on_bash "$guest" <<'SCRIPT' &
set -uo pipefail
drbdadm down r0 >/dev/null 2>&1
disk=$(drbdadm sh-ll-dev r0) || { echo "$(hostname): no backing disk for r0 in its configuration" >&2; exit 1; }
dd if=/dev/zero of="$disk" bs=1M count=1 oflag=direct status=none || exit 1
out=$(drbdadm -- --force create-md r0 2>&1) || { printf '%s: create-md r0 failed:\n%s\n' "$(hostname)" "$out" >&2; exit 1; }
drbdadm up r0
SCRIPT
    done
    wait_all "drbdadm create-md/up"
    on s1 "drbdadm primary --force r0"
    wait_drbd s1 "Connected Primary/Secondary UpToDate/UpToDate" 180
    wait_drbd s2 "Connected Secondary/Primary UpToDate/UpToDate" 30
}

# Waits for every background job of the caller; dies naming WHAT when one failed.
wait_all() {
    local what=$1 pid failed=0
    for pid in $(jobs -p); do wait "$pid" || failed=1; done
    ((failed == 0)) || die "$what failed on a guest; read the output above"
}

# --- LVM and LIO -----------------------------------------------------------------------------

# Volume group vg0 on /dev/drbd0 with LV lun0 (SIZE, default 128M), active on GUEST.
lvm_create() {
    local guest=$1 size=${2:-128M}
    on "$guest" "pvcreate -q -ff -y /dev/drbd0 && vgcreate -q vg0 /dev/drbd0 && lvcreate -q -y -Wy -Zy -n lun0 -L $size vg0 && lvs --noheadings -o lv_name,lv_size,devices vg0"
}

# --- STONITH through sbd (cases 39, 43) -----------------------------------------------------

SBD_DEV=/dev/disk/by-id/virtio-tandem-sbd

# Succeeds when st_sbd runs; otherwise prints crm_mon's resources.
stonith_running() {
    on s1 "crm_resource --locate --resource st_sbd 2>&1" | grep -q "is running" \
        || { on s1 "crm_mon -1 -r 2>&1 | tail -n 15"; return 1; }
}

# Node fencing for the storage nodes: sbd on the disk both share (poison pill; an i6300esb
# watchdog that cuts the power: sbd's self-fencing ends the qemu process), the cluster
# restarted with sbd, then stonith:fence_sbd with a fixed delay when s1 is the target (s1 wins
# a fence race of a full partition, as an admin of two nodes sets it) and stonith-enabled=true.
# Run with nothing on the cluster that a restart would disturb.
sbd_stonith_enable() {
    local guest stonith
    for guest in "${LAB_STORAGE[@]}"; do
        on "$guest" "modprobe i6300esb 2>/dev/null; test -c /dev/watchdog && test -b $SBD_DEV" \
            || die "$guest has no /dev/watchdog or no shared sbd disk $SBD_DEV"
        on "$guest" "cat >/etc/default/sbd" <<EOF
SBD_DEVICE=$SBD_DEV
SBD_PACEMAKER=yes
SBD_STARTMODE=always
SBD_DELAY_START=no
SBD_WATCHDOG_DEV=/dev/watchdog
SBD_TIMEOUT_ACTION=flush,reboot
EOF
    done
    # Watchdog 15 s, msgwait 30 s: generous for TCG guests.
    on s1 "sbd -d $SBD_DEV -1 15 -4 30 create >/dev/null && sbd -d $SBD_DEV dump" >&2
    for guest in "${LAB_STORAGE[@]}"; do on "$guest" "systemctl stop pacemaker corosync" & done
    wait_all "stopping the cluster stack"
    for guest in "${LAB_STORAGE[@]}"; do on "$guest" "systemctl enable sbd 2>/dev/null"; done
    start_cluster "${LAB_STORAGE[@]}"
    wait_cluster 300
    for guest in "${LAB_STORAGE[@]}"; do
        on "$guest" "systemctl is-active sbd >/dev/null" || die "sbd is not running on $guest"
    done
    on s1 "sbd -d $SBD_DEV list" >&2
    stonith=$(mktemp)
    cat >"$stonith" <<EOF
primitive st_sbd stonith:fence_sbd \\
    params devices=$SBD_DEV pcmk_delay_base="s1:20s;s2:0s" \\
    op monitor interval=60s timeout=60s
property stonith-enabled=true stonith-timeout=150s
EOF
    crm_load s1 "$stonith"
    rm -f "$stonith"
    # Polled: right after the load, crm_mon can still show the old, settled transition.
    LAB_POLL=3 poll 120 "st_sbd (fence_sbd) to run after it was configured" -- stonith_running
    wait_crm s1 120 --settled
}

# Back to the lab without STONITH: st_sbd removed, stonith-enabled=false, sbd disabled and the
# cluster restarted without it. Run once the resources that need STONITH are gone.
sbd_stonith_disable() {
    local guest
    on s1 "cibadmin --delete --scope resources --xml-text '<primitive id=\"st_sbd\"/>' && crm_attribute --type crm_config --name stonith-enabled --update false"
    wait_crm s1 60 --settled
    for guest in "${LAB_STORAGE[@]}"; do on "$guest" "systemctl stop pacemaker corosync && systemctl disable sbd 2>/dev/null" & done
    wait_all "stopping the cluster stack"
    start_cluster "${LAB_STORAGE[@]}"
    wait_cluster 300
}

# Succeeds when no operation has failed anywhere in the cluster (crm_mon's failures, read
# from GUEST, default s1); otherwise names them.
no_failed_ops() {
    local failed
    failed=$(on "${1:-s1}" "tandem-crm-wait --failed-ops '*' '*'")
    [[ -z $failed ]] || { echo "failed operations: $failed"; return 1; }
}

# --- ocf:tandem:lvm (cases 40-43) ----------------------------------------------------------

# Installs the lab's lvm.conf on both storage nodes, as the image has it (MODE lab:
# system_id_source=uname, no volume_list), or for tagging mode (MODE tagging: no system ID,
# and a volume_list that admits only a local group, so only a command that names the cluster
# tag activates anything on the DRBD device), or for lvmlockd (MODE lvmlockd: use_lvmlockd=1).
# A case that changes it puts "lab" back. Usage: lvm_conf_use lab|tagging|lvmlockd
lvm_conf_use() {
    local mode=$1 base=$LAB_ROOT/guest/storage/etc/lvm/lvm.conf guest conf
    case $mode in
        lab) conf=$(<"$base") ;;
        lvmlockd) conf=$(sed -e 's/use_lvmlockd = 0/use_lvmlockd = 1/' "$base") ;;
        tagging) conf=$(sed -e 's/system_id_source = "uname"/system_id_source = "none"/' \
                -e 's/^\(    auto_activation_volume_list = \[\]\)$/\1\n    volume_list = [ "vg_local" ]/' "$base") ;;
        *) die "lvm_conf_use: no mode $mode" ;;
    esac
    for guest in "${LAB_STORAGE[@]}"; do
        printf '%s\n' "$conf" | on "$guest" "cat >/etc/lvm/lvm.conf"
    done
}

# The device-mapper devices of VG on GUEST as the kernel lists them (/sys/block/dm-*/dm/name),
# one a line. Usage: vg_devices GUEST VG
vg_devices() {
    on_bash "$1" "$2" <<'SCRIPT'
for name in /sys/block/dm-*/dm/name; do
    [ -r "$name" ] || continue
    case $(cat "$name") in "$1"-*) cat "$name" ;; esac
done
true
SCRIPT
}

# Succeeds when exactly the LVs named are active on NODE and nothing of VG on the other node
# (when it runs); otherwise says what each kernel has. Usage: vg_active_only_on NODE VG LV...
vg_active_only_on() {
    local node=$1 vg=$2 other mine theirs="" want
    shift 2
    other=$(other_node "$node")
    want=$(printf '%s\n' "${@/#/$vg-}" | sort | tr '\n' ' ')
    mine=$(vg_devices "$node" "$vg" | sort | tr '\n' ' ')
    if guest_running "$other"; then theirs=$(vg_devices "$other" "$vg" | tr '\n' ' '); fi
    [[ $mine == "$want" && -z $theirs ]] || {
        echo "$vg on $node: [${mine}], on $other: [${theirs}] (want [${want}] on $node only)"
        return 1
    }
}

# ocf:tandem:lvm run by hand on GUEST as Pacemaker runs it (OCF 1.1 environment, 60 s budget),
# then "rc=N". NAME=VALUE arguments add to or override the environment.
# Usage: lvm_by_hand GUEST ACTION VG MODE [NAME=VALUE...]
lvm_by_hand() {
    local guest=$1 action=$2 vg=$3 mode=$4
    shift 4
    on_bash "$guest" /usr/lib/ocf/resource.d/tandem/lvm "$action" "$vg" "$mode" "$@" <<'SCRIPT'
agent=$1 action=$2 vg=$3 mode=$4
shift 4
env OCF_ROOT=/usr/lib/ocf OCF_RA_VERSION_MAJOR=1 OCF_RA_VERSION_MINOR=1 OCF_RESOURCE_INSTANCE=p_lvm_by_hand \
    OCF_RESKEY_vgname="$vg" OCF_RESKEY_vg_access_mode="$mode" OCF_RESKEY_CRM_meta_timeout=60000 \
    HA_RSCTMP=/run/resource-agents "$@" "$agent" "$action" 2>&1
echo "rc=$?"
SCRIPT
}

# A LIO iSCSI target on GUEST exporting /dev/vg0/lun0 through two portals with an ALUA group
# each (implicit ALUA only): tpgt_1 on "lan" in group ao (id 1, Active/Optimized) and tpgt_2
# on "san" in group ano (id 2, Active/NonOptimized). Written to configfs (targetcli is slow
# under TCG). Usage: target_create GUEST [AO_STATE ANO_STATE]
target_create() {
    local guest=$1 ao_state=${2:-0} ano_state=${3:-1}
    on_bash "$guest" "$LAB_IQN" "$ao_state" "$ano_state" "$(guest_addr "$guest" lan)" "$(guest_addr "$guest" san)" <<'SCRIPT'
set -euo pipefail
iqn=$1 ao_state=$2 ano_state=$3 lan_ip=$4 san_ip=$5
cfg=/sys/kernel/config/target
bs=$cfg/core/iblock_0/lun0
mkdir -p "$bs"
echo "udev_path=/dev/vg0/lun0" > "$bs/control"
echo "tandem-lab-lun0" > "$bs/wwn/vpd_unit_serial"
echo 1 > "$bs/enable"
for spec in "ao:1:$ao_state" "ano:2:$ano_state"; do
    IFS=: read -r name id state <<<"$spec"
    mkdir "$bs/alua/$name"
    echo "$id" > "$bs/alua/$name/tg_pt_gp_id"
    echo 1 > "$bs/alua/$name/alua_access_type"
    echo "$state" > "$bs/alua/$name/alua_access_state"
done
for spec in "1:$lan_ip:ao" "2:$san_ip:ano"; do
    IFS=: read -r n ip group <<<"$spec"
    tpg=$cfg/iscsi/$iqn/tpgt_$n
    mkdir -p "$tpg/lun/lun_0"
    ln -s "$bs" "$tpg/lun/lun_0/lun0"
    echo "$group" > "$tpg/lun/lun_0/alua_tg_pt_gp"
    mkdir "$tpg/np/$ip:3260"
    echo 1 > "$tpg/attrib/generate_node_acls"
    echo 0 > "$tpg/attrib/demo_mode_write_protect"
    echo 0 > "$tpg/attrib/authentication"
    echo 1 > "$tpg/attrib/cache_dynamic_acls"
    echo 1 > "$tpg/enable"
done
SCRIPT
}

# Removes everything target_create made on GUEST (nothing when absent).
target_remove() {
    on_bash "$1" "$LAB_IQN" <<'SCRIPT'
set -u
iqn=$1
cfg=/sys/kernel/config/target
for tpg in "$cfg/iscsi/$iqn"/tpgt_*; do
    [ -d "$tpg" ] || continue
    echo 0 > "$tpg/enable" 2>/dev/null
    rm -f "$tpg/lun/lun_0/lun0"
    rmdir "$tpg/lun/lun_0" "$tpg"/np/* "$tpg" 2>/dev/null
done
rmdir "$cfg/iscsi/$iqn" 2>/dev/null
rmdir "$cfg/core/iblock_0/lun0/alua/ao" "$cfg/core/iblock_0/lun0/alua/ano" 2>/dev/null
rmdir "$cfg/core/iblock_0/lun0" "$cfg/core/iblock_0" 2>/dev/null
true
SCRIPT
}

# --- client ----------------------------------------------------------------------------------

# Discovers the target on both portals of NODE and logs in on both paths.
client_login() {
    local node=${1:-s1}
    on c1 "iscsiadm -m discovery -t st -p $(guest_addr "$node" lan) >/dev/null && iscsiadm -m discovery -t st -p $(guest_addr "$node" san) >/dev/null && iscsiadm -m node -T $LAB_IQN -l && udevadm settle"
}

client_logout() {
    on c1 "multipath -F >/dev/null 2>&1; iscsiadm -m node -T $LAB_IQN -u >/dev/null 2>&1; iscsiadm -m node -o delete >/dev/null 2>&1; iscsiadm -m discoverydb -t st -o delete >/dev/null 2>&1; true"
}

# The client's multipath device (/dev/mapper/NAME) of the lab LUN, or nothing.
mpath_dev() {
    local name
    name=$(on c1 "dmsetup ls --target multipath | cut -f1 | head -n 1")
    [[ -n "$name" && "$name" != "No devices found" ]] && echo "/dev/mapper/$name"
}

# Succeeds when `multipath -ll` on the client has a line matching the extended regex;
# otherwise prints what it shows.
mpath_has() {
    local out
    out=$(on c1 "multipath -ll")
    grep -Eq -- "$1" <<<"$out" || { printf '%s\n' "${out:-(multipath -ll shows nothing)}"; return 1; }
}

# Waits until `multipath -ll` on the client has a line matching the extended regex.
wait_mpath() {
    local regex=$1 timeout=${2:-60}
    LAB_POLL=2 poll "$timeout" "multipath -ll on c1 to show /$regex/ (read dmesg on c1)" -- mpath_has "$regex"
}

# Writes MIB MiB of random data through DEV on GUEST with O_DIRECT and prints its sha256
# (NAME labels the temporary copy); verify_pattern reads them back and compares.
write_pattern() {
    local guest=$1 dev=$2 name=$3 mib=${4:-16}
    on_bash "$guest" "$dev" "$name" "$mib" <<'SCRIPT'
set -euo pipefail
dev=$1 f=/tmp/pattern.$2 mib=$3
head -c $((mib << 20)) </dev/urandom >"$f"
dd if="$f" of="$dev" bs=1M oflag=direct conv=fsync status=none
sha256sum <"$f" | cut -d' ' -f1
rm -f "$f"
SCRIPT
}

verify_pattern() {
    local guest=$1 dev=$2 mib=$3 expected=$4 actual
    actual=$(on "$guest" "dd if=$dev bs=1M count=$mib iflag=direct status=none | sha256sum | cut -d' ' -f1")
    [[ "$actual" == "$expected" ]] || die "data read back through $dev on $guest differs: sha256 $actual, wrote $expected"
    lab_log "data on $dev ($mib MiB) intact: sha256 $expected"
}

# A writer on c1 through DEV (the multipath device): 4 KiB blocks round-robin over 4 MiB from
# OFFSET_MIB on, O_DIRECT|O_DSYNC, each write checked, until client_writer_stop; which then
# reads every block back, compares it with what was written last (an acknowledged write lost
# shows as a mismatch) and prints: writes errors longest-stall-ms mismatches.
# Usage: client_writer_start DEV OFFSET_MIB; ...; client_writer_stop
client_writer_start() {
    local dev=$1 offset=${2:-16}
    on c1 "cat >/tmp/tandem-writer.py" <<'PY'
import mmap, os, sys, time
dev, offset, blocks = sys.argv[1], int(sys.argv[2]) << 20, 1024
fd = os.open(dev, os.O_RDWR | os.O_DIRECT | os.O_DSYNC)
buf = mmap.mmap(-1, 4096)
last = {}
writes = errors = seq = 0
longest = 0.0
while not os.path.exists("/tmp/tandem-writer.stop"):
    block = seq % blocks
    buf.seek(0)
    buf.write(((b"%08d:%08d;" % (block, seq)) * 228)[:4096])
    began = time.monotonic()
    try:
        if os.pwrite(fd, buf, offset + block * 4096) != 4096:
            raise OSError("short write")
        last[block] = bytes(buf)
        writes += 1
    except OSError as error:
        errors += 1
        print("write error at block %d: %s" % (block, error), file=sys.stderr, flush=True)
    longest = max(longest, time.monotonic() - began)
    seq += 1
mismatches = 0
for block, data in last.items():
    os.preadv(fd, [buf], offset + block * 4096)
    mismatches += bytes(buf) != data
print(writes, errors, int(longest * 1000), mismatches)
PY
    on c1 "rm -f /tmp/tandem-writer.stop /tmp/tandem-writer.out /tmp/tandem-writer.err; setsid nohup python3 /tmp/tandem-writer.py $dev $offset >/tmp/tandem-writer.out 2>/tmp/tandem-writer.err </dev/null &"
}

client_writer_stop() {
    on c1 "touch /tmp/tandem-writer.stop"
    LAB_POLL=2 poll 120 "the writer on c1 to finish (/tmp/tandem-writer.err)" -- on c1 "test -s /tmp/tandem-writer.out && cat /tmp/tandem-writer.out"
}

# Stops the writer and dies unless every write succeeded and every block read back as last
# written (no acknowledged write lost); logs the figures with WHAT (what the writer ran across).
# Usage: client_writer_verify WHAT
client_writer_verify() {
    local writes errors stall mismatches
    read -r writes errors stall mismatches <<<"$(client_writer_stop)"
    lab_log "writer on c1 across $1: $writes writes, $errors errors, longest stall $stall ms, $mismatches blocks differing"
    ((errors == 0)) || die "writes failed across $1: $(on c1 "head -n 5 /tmp/tandem-writer.err")"
    ((mismatches == 0)) || die "$mismatches blocks read back differently from what was last written (acknowledged writes lost)"
    ((writes > 0)) || die "the writer wrote nothing"
}

# --- Pacemaker-driven DRBD (ocf:tandem:drbd; cases 30-39) -------------------------------------

# The other storage node.
other_node() { if [[ $1 == s1 ]]; then echo s2; else echo s1; fi; }

# Prints the one node where crm_mon on s1 shows ms_drbd promoted; fails (saying what it shows) otherwise.
single_promoted() {
    local now
    now=$(crm_role_nodes s1 ms_drbd Promoted) || return 1
    [[ $now == s1 || $now == s2 ]] || { echo "ms_drbd promoted on [$now]"; return 1; }
    echo "$now"
}

# Waits until crm_mon on s1 shows ms_drbd promoted on exactly one node; prints that node.
wait_single_promoted() {
    LAB_POLL=2 poll "${1:-120}" "ms_drbd promoted on exactly one node (read /var/log/pacemaker/pacemaker.log on s1)" \
        -- single_promoted
}

# Stops ms_drbd and deletes it from the CIB (DRBD goes down with it), with the constraints that
# name it (bans, moves, a fencing handler's rule), so a clone loaded later does not inherit them.
drbd_clone_remove() {
    on s1 "crm_resource --resource ms_drbd --meta --set-parameter target-role --parameter-value Stopped"
    wait_crm s1 180 --stopped ms_drbd
    # Constraints first: the schema refuses a CIB whose constraint names a missing resource (a
    # case stopped during a move leaves crm_resource's cli-prefer-ms_drbd).
    on s1 "cibadmin --force --delete-all --xpath \"//rsc_location[@rsc='ms_drbd'] | //rsc_colocation[@rsc='ms_drbd' or @with-rsc='ms_drbd'] | //rsc_order[@first='ms_drbd' or @then='ms_drbd']\" >/dev/null 2>&1; true"
    on s1 "cibadmin --delete --scope resources --xml-text '<clone id=\"ms_drbd\"/>'"
    wait_crm s1 60 --settled
}

# Whatever a case left on top of ms_drbd (it failed before its own clean-up): every top-level
# resource but ms_drbd and st_sbd stopped (a group as a whole, in its order), then deleted with
# cibadmin together with every constraint that names it (crmsh's delete may ask on a tty).
cib_remove_above_drbd() {
    local ids id
    ids=$(on s1 "cibadmin -Q -o resources | xmllint --xpath '/resources/*/@id' - 2>/dev/null | sed 's/ *id=\"\\([^\"]*\\)\"/\\1 /g'" || true)
    ids=$(tr ' ' '\n' <<<"$ids" | grep -v -x -e ms_drbd -e st_sbd -e '' || true)
    [[ -n $ids ]] || return 0
    lab_log "removing what an earlier case left above DRBD: $(tr '\n' ' ' <<<"$ids")"
    for id in $ids; do
        on s1 "crm_resource --resource $id --meta --set-parameter target-role --parameter-value Stopped" >/dev/null
    done
    for id in $ids; do
        poll 180 "$id to stop" -- on s1 "crm_resource --locate --resource $id 2>&1 | grep -q 'NOT running' || crm_resource --locate --resource $id 2>&1"
    done
    for id in $ids; do
        on s1 "cibadmin --force --delete-all --xpath \"//rsc_colocation[@rsc='$id' or @with-rsc='$id'] | //rsc_order[@first='$id' or @then='$id'] | //rsc_location[@rsc='$id'] | //rsc_ticket[@rsc='$id']\" >/dev/null 2>&1; true"
        on s1 "cibadmin --force --delete-all --xpath \"/cib/configuration/resources/*[@id='$id']\""
    done
    wait_crm s1 60 --settled
}

# Takes down whatever an earlier case may have left above or on r0: the client's iSCSI
# sessions, 00-smoke's target and LVM, a ms_drbd clone; then r0 itself on both nodes.
drbd_teardown() {
    local guest
    client_logout
    target_remove s1
    cib_remove_above_drbd
    on s1 "vgchange -q -an vg0 >/dev/null 2>&1; true"
    if drbd_clone_exists; then drbd_clone_remove; fi
    for guest in "${LAB_STORAGE[@]}"; do
        on "$guest" "drbdadm down r0 >/dev/null 2>&1; true"
        [[ -z $(drbd_state "$guest") ]] || die "r0 does not go down on $guest: $(drbd_state "$guest"); read dmesg on $guest"
    done
}

# r0 from scratch, whatever ran before: the lab's r0.res, fresh meta-data and a full initial
# sync (drbd_init), then r0 down on both nodes with UpToDate data of one generation. A case
# that starts ms_drbd needs this on a fresh lab: the agent's start refuses an r0 without
# meta-data (Diskless). Always made anew rather than probed, so alone and after other cases
# the case starts from the same meta-data.
drbd_fresh() {
    local guest
    drbd_teardown
    drbd_use_lab_config
    drbd_init
    for guest in "${LAB_STORAGE[@]}"; do on "$guest" "drbdadm down r0"; done
    lab_log "r0: fresh meta-data on both nodes, UpToDate, down"
}

# True when a ms_drbd clone is in the CIB (Pacemaker manages r0).
drbd_clone_exists() { on s1 "crm_resource --resource ms_drbd --locate" >/dev/null 2>&1; }

# r0 outside the cluster, connected, s1 Primary, both UpToDate: what 00-smoke builds on and 10
# captures its states from. Kept when r0 is so and no ms_drbd manages it; otherwise made anew
# (whatever earlier cases left taken down, the lab's r0.res, fresh meta-data, initial sync).
ensure_drbd_by_hand() {
    if ! drbd_clone_exists && drbd_state_is s1 "Connected Primary/Secondary UpToDate/UpToDate"; then
        return 0
    fi
    lab_log "r0 is not connected with s1 Primary outside the cluster: making it anew"
    drbd_teardown
    drbd_use_lab_config
    drbd_init
}

# 00-smoke's stack, for the cases that go on from it (20): r0 by hand with s1 Primary, vg0/lun0
# on /dev/drbd0 exported by s1's LIO target, c1 logged in on both paths under one multipath
# device. Kept when c1 has that device and r0 is so; otherwise made anew.
ensure_san_stack() {
    if mpath_dev >/dev/null && ! drbd_clone_exists \
        && drbd_state_is s1 "Connected Primary/Secondary UpToDate/UpToDate"; then
        return 0
    fi
    lab_log "no multipath device over r0 with s1 Primary: making 00-smoke's stack anew"
    drbd_teardown
    drbd_use_lab_config
    drbd_init
    lvm_create s1 128M >&2
    target_create s1
    client_login s1
    wait_mpath "prio=50 status=" 60
    wait_mpath "prio=10 status=" 30
}

# Loads CRM_FILE (default examples/cluster-a/crm-drbd.crm) over the r0.res the nodes have and
# waits until Pacemaker has started both instances, promoted one, both UpToDate and connected.
# shellcheck disable=SC2120  # the file is optional; case 33 passes its own
drbd_clone_start() {
    local crm=${1:-$REPO_ROOT/examples/cluster-a/crm-drbd.crm} primary
    crm_load s1 "$crm"
    wait_crm s1 240 --started ms_drbd s1 --started ms_drbd s2
    primary=$(wait_single_promoted 120)
    wait_drbd "$primary" "Connected Primary/Secondary UpToDate/UpToDate" 180
    wait_drbd "$(other_node "$primary")" "Connected Secondary/Primary UpToDate/UpToDate" 30
    wait_crm s1 60 --settled
    lab_log "ms_drbd running from $(basename "$(dirname "$crm")")/$(basename "$crm"): Primary $primary"
}

# What makes two runs of ms_drbd the same set-up: r0's configuration on both nodes and the
# CIB's resources, constraints and resource defaults.
drbd_clone_fingerprint() {
    local guest
    {
        for guest in "${LAB_STORAGE[@]}"; do on "$guest" "cat /etc/drbd.conf /etc/drbd.d/*.res"; done
        on s1 "cibadmin -Q -o resources; cibadmin -Q -o constraints; cibadmin -Q -o rsc_defaults"
    } | sha256sum | cut -d' ' -f1
}

# Records the running ms_drbd as examples/cluster-a's, for ensure_drbd_clone to reuse.
drbd_clone_record() { drbd_clone_fingerprint >"$LAB_RUN/drbd-clone.fingerprint"; }

# Succeeds when the running ms_drbd is the recorded set-up, unchanged, and healthy: one
# Promoted, the other Unpromoted, both connected and UpToDate, nothing pending.
drbd_clone_reusable() {
    local recorded=$LAB_RUN/drbd-clone.fingerprint primary secondary
    [[ -f $recorded && $(drbd_clone_fingerprint) == "$(<"$recorded")" ]] || return 1
    primary=$(single_promoted) || return 1
    secondary=$(other_node "$primary")
    [[ $(crm_role_nodes s1 ms_drbd Unpromoted) == "$secondary" ]] \
        && drbd_state_is "$primary" "Connected Primary/Secondary UpToDate/UpToDate" \
        && drbd_state_is "$secondary" "Connected Secondary/Primary UpToDate/UpToDate" \
        && on s1 "tandem-crm-wait --timeout 30 --settled" >/dev/null
}

# The precondition of the cases that go on from 30's state: examples/cluster-a's ms_drbd
# (r0.res with fencing resource-only, crm-drbd.crm) running, one Primary, both UpToDate and
# connected, no constraint on it. Reused when exactly that runs, as recorded by the last
# ensure_drbd_clone or case 30; otherwise made anew from fresh meta-data (drbd_fresh).
ensure_drbd_clone() {
    if drbd_clone_reusable; then
        lab_log "examples/cluster-a's ms_drbd runs as recorded, healthy: reused"
        return 0
    fi
    lab_log "no recorded, healthy examples/cluster-a ms_drbd: making it from fresh meta-data"
    drbd_fresh
    drbd_use_example cluster-a
    drbd_clone_start
    drbd_clone_record
}

# The example DRBD configuration of a reference cluster (examples/cluster-a|cluster-b/r0.res)
# made into the lab's: host names, backing disk and replication addresses (on "lan"), plus
# a fast fixed resync rate (TCG). Installed as /etc/drbd.d/r0.res on s1 and s2.
# Usage: drbd_use_example cluster-a|cluster-b
drbd_use_example() {
    local example=$REPO_ROOT/examples/$1/r0.res guest conf
    [[ -f "$example" ]] || die "no $example"
    conf=$(sed -e 's/\<san1\>/s1/; s/\<san2\>/s2/; s/\<hpms01\>/s1/; s/\<hpms02\>/s2/' \
        -e 's|/dev/sdb|/dev/vdb|' \
        -e "/on s1 {/,/}/ s/address ipv4 [0-9.]*:/address ipv4 $(guest_addr s1 lan):/" \
        -e "/on s2 {/,/}/ s/address ipv4 [0-9.]*:/address ipv4 $(guest_addr s2 lan):/" \
        -e '/^    disk {/a\        c-plan-ahead 0; resync-rate 100M;   # lab: a fixed fast resync rate under TCG' \
        "$example")
    for guest in "${LAB_STORAGE[@]}"; do
        on "$guest" "cat >/etc/drbd.d/r0.res && sync && drbdadm dump r0 >/dev/null" <<<"$conf" \
            || die "examples/$1/r0.res made for the lab is rejected by drbdadm on $guest"
    done
    lab_log "DRBD r0 configured from examples/$1/r0.res"
}

# Back to the lab's own r0.res (lab/guest/storage/etc/drbd.d/r0.res).
drbd_use_lab_config() {
    local guest
    for guest in "${LAB_STORAGE[@]}"; do
        on "$guest" "cat >/etc/drbd.d/r0.res && sync" <"$LAB_ROOT/guest/storage/etc/drbd.d/r0.res"
    done
}

# Loads a crm configuration file (crm syntax) on GUEST: `crm configure load update FILE`.
crm_load() {
    local guest=$1 file=$2
    on "$guest" "cat >/tmp/crm-load.crm && crm configure load update /tmp/crm-load.crm" <"$file" \
        || die "crm configure load update $file failed on $guest"
}

# The nodes where crm_mon on GUEST shows CLONE's instances with ROLE (Promoted|Unpromoted),
# space-separated and sorted: read by TandemCore's parser (tandem-crm-wait), as wait_crm does.
crm_role_nodes() {
    on "$1" "tandem-crm-wait --nodes $2 $3"
}

# Succeeds when crm_mon on GUEST shows CLONE's ROLE instances exactly on NODES; otherwise says where.
crm_roles_are() {
    local guest=$1 clone=$2 role=$3 nodes=$4 now
    now=$(crm_role_nodes "$guest" "$clone" "$role") || return 1
    [[ $now == "$nodes" ]] || { echo "$clone $role on [$now]"; return 1; }
}

# Waits until crm_mon on GUEST shows CLONE's ROLE instances exactly on NODES ("s1", "s1 s2", "").
wait_crm_roles() {
    local guest=$1 clone=$2 role=$3 nodes=$4 timeout=${5:-120}
    LAB_POLL=2 poll "$timeout" "$clone $role on [$nodes] in crm_mon on $guest (read /var/log/pacemaker/pacemaker.log on $guest)" \
        -- crm_roles_are "$guest" "$clone" "$role" "$nodes"
    lab_log "crm_mon on $guest: $clone $role on [$nodes]"
}

# The rsc_location constraints DRBD's crm-fence-peer.9.sh placed (as XML), or nothing.
fence_constraints() {
    on "$1" "cibadmin -Q -o constraints" | grep -A4 'id="drbd-fence-by-handler' || true
}

# Prints the crm-fence-peer constraint in GUEST's CIB; fails when there is none.
fence_constraint_placed() {
    local constraint
    constraint=$(fence_constraints "$1")
    [[ -n $constraint ]] || { echo "no drbd-fence-by-handler constraint in the CIB on $1"; return 1; }
    printf '%s\n' "$constraint"
}

# Succeeds when GUEST's CIB has no crm-fence-peer constraint; otherwise prints it.
no_fence_constraint() {
    local constraint
    constraint=$(fence_constraints "$1")
    [[ -z $constraint ]] || { printf '%s\n' "$constraint"; return 1; }
}

# The promotion score attribute of p_drbd on NODE (as GUEST's CIB has it), or "none".
drbd_score() {
    local guest=$1 node=$2
    on "$guest" "crm_attribute -N $node -n master-p_drbd -l reboot -G -q 2>/dev/null || echo none"
}

# ocf-tester's verdict on an OCF 1.1 agent that offers reload-agent: its ra-api-1.dtd predates
# OCF 1.1 and rejects `reloadable`/`reload-agent` (as it rejects Pacemaker's own OCF 1.1
# agents). Passes when ocf-tester passed, or when its one failure is that meta-data check and
# xmllint's complaints against the DTD on GUEST name only those two OCF 1.1 names.
ocf_tester_accepts() {
    local guest=$1 agent=$2 output=$3 failures complaints
    [[ $(tail -n 1 <<<"$output") == *"passed all tests"* ]] && return 0
    failures=$(grep '^\* rc=' <<<"$output")
    # ocf-tester reports xmllint's own exit status (4: the document does not validate).
    [[ $failures =~ ^\*\ rc=[0-9]+:\ Your\ agent\ produces\ meta-data\ which\ does\ not\ conform\ to\ ra-api-1\.dtd$ ]] || return 1
    [[ $(tail -n 1 <<<"$output") == *"failed 1 tests"* ]] || return 1
    complaints=$(on "$guest" "$agent meta-data | xmllint --noout --path /usr/share/resource-agents --valid - 2>&1 \
        | grep 'validity error'" || true)
    [[ -n $complaints ]] || return 1
    ! grep -v -e 'attribute reloadable of element parameter' \
        -e 'Value "reload-agent" for attribute name of action is not among the enumerated set' <<<"$complaints" | grep -q .
}
