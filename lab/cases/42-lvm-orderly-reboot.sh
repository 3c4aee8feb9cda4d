# An orderly reboot of the active node with the stack running (#12, LVM-activate's PR #1592):
# Pacemaker's stops take the stack down (the file system, then p_lvm, then DRBD's demote) before
# Debian's blk-availability deactivates block devices on its own, so no stop fails and the
# survivor takes over. The stack is cluster A's DRBD, ocf:tandem:lvm (system_id) and an ext4
# file system on the LV (ocf:heartbeat:Filesystem), which holds the LV open as a target would.
# 1. start sets the ordering: resource-agents-deps.target (which pacemaker.service wants and is
#    ordered after) runs after blk-availability.service, which is active;
# 2. `systemctl reboot` on the active node: the survivor runs the stack, no failed operation
#    anywhere; the rebooted node's journal shows p_lvm's stop before blk-availability's stop;
# 3. the node boots again, rejoins, activates nothing; still no failed operation.
# Starts from examples/cluster-a's ms_drbd (ensure_drbd_clone) and leaves it running, with g_san
# and its constraints deleted and vg_boot inactive.

active_only_on() { vg_active_only_on "$1" vg_boot lun0; }

step "precondition: examples/cluster-a's ms_drbd; the lab's lvm.conf; vg_boot/lun0 with ext4 on the Primary, inactive"
ensure_drbd_clone
lvm_conf_use lab
primary=$(wait_single_promoted 60)
other=$(other_node "$primary")
on_bash "$primary" <<'SCRIPT'
set -e
vgchange -q -an >/dev/null 2>&1 || true
pvcreate -q -ff -y /dev/drbd0
vgcreate -q vg_boot /dev/drbd0
lvcreate -q -y -Wy -Zy -n lun0 -L 48M vg_boot
mkfs.ext4 -q -F /dev/vg_boot/lun0
vgchange -q -an vg_boot
SCRIPT
# A persistent journal, so the rebooted node's last shutdown can be read afterwards.
for guest in "${LAB_STORAGE[@]}"; do
    on_bash "$guest" <<'SCRIPT'
set -e
mkdir -p /srv/tandem-boot /etc/systemd/journald.conf.d /var/log/journal
printf '[Journal]\nStorage=persistent\n' >/etc/systemd/journald.conf.d/tandem-lab.conf
systemctl restart systemd-journald
journalctl --flush
SCRIPT
done

step "g_san (p_lvm, p_fs) on $primary; start has ordered Pacemaker's stop before blk-availability's"
on s1 "crm configure load update -" <<'CRM'
primitive p_lvm ocf:tandem:lvm params vgname=vg_boot vg_access_mode=system_id \
    op start timeout=90s op stop timeout=90s op monitor interval=10s timeout=90s
primitive p_fs ocf:heartbeat:Filesystem params device=/dev/vg_boot/lun0 directory=/srv/tandem-boot fstype=ext4 \
    op start timeout=60s op stop timeout=60s op monitor interval=20s timeout=40s
group g_san p_lvm p_fs
colocation col_san_on_drbd inf: g_san ms_drbd:Promoted
order ord_drbd_before_san Mandatory: ms_drbd:promote g_san:start
CRM
wait_crm s1 180 --started p_fs "$primary" --settled
poll 30 "vg_boot active on $primary only" -- active_only_on "$primary"
after=$(on "$primary" "systemctl show -p After --value resource-agents-deps.target")
[[ " $after " == *" blk-availability.service "* ]] \
    || die "resource-agents-deps.target is not ordered after blk-availability.service on $primary: After=$after"
[[ $(on "$primary" "systemctl is-active blk-availability.service" || true) == active ]] \
    || die "blk-availability.service is not active on $primary: its stop would not be ordered"
on "$primary" "echo tandem-orderly-reboot >/srv/tandem-boot/marker && sync"

step "systemctl reboot on $primary: the survivor $other runs the stack, no operation failed"
on "$primary" "systemctl reboot" || true   # the connection may go with the node
poll 180 "$primary finished its orderly shutdown (qemu quits: -no-reboot)" -- guest_stopped "$primary"
wait_crm "$other" 240 --offline "$primary" --promoted ms_drbd "$other" --started p_fs "$other" --settled
poll 30 "vg_boot active on $other only" -- active_only_on "$other"
[[ $(on "$other" "cat /srv/tandem-boot/marker") == tandem-orderly-reboot ]] || die "the file system on $other lacks the marker"
poll 10 "no failed operation after the orderly shutdown" -- no_failed_ops "$other"

step "boot $primary: its last shutdown stopped p_lvm through Pacemaker before blk-availability; it rejoins and activates nothing"
power_on "$primary"
# The last shutdown, from Pacemaker's stop to blk-availability's: p_lvm's stop must be in it.
journal=$(on "$primary" "journalctl -b -1 -o short-monotonic --no-pager")
# (awk reads a here-string: ending early on a pipe from ssh would kill ssh with SIGPIPE)
shutdown=$(awk '/Stopping pacemaker.service/ { keep = 1; text = "" } keep { text = text $0 "\n" }
           keep && /Stopping blk-availability.service/ { printf "%s", text; exit }' <<<"$journal")
printf '%s\n' "$shutdown" | grep -E 'stop operation for p_|Stopping (pacemaker|blk-avail)' | sed 's/^/    /' >&2
[[ -n $shutdown ]] || die "$primary's journal of its last boot has no shutdown with pacemaker stopping before blk-availability"
grep -q "Result of stop operation for p_lvm on $primary: ok" <<<"$shutdown" \
    || die "$primary's shutdown: p_lvm was not stopped by Pacemaker before blk-availability stopped"
wait_crm "$other" 300 --online "$primary" --started p_fs "$other" --settled
poll 60 "vg_boot on $other only after $primary came back" -- active_only_on "$other"
poll 10 "no failed operation after the rejoin" -- no_failed_ops "$other"

step "leave ms_drbd as it was: g_san and its constraints deleted, vg_boot inactive"
on s1 "crm configure delete col_san_on_drbd ord_drbd_before_san && crm resource stop g_san"
wait_crm s1 120 --stopped p_lvm --settled
on s1 "crm configure delete g_san p_fs p_lvm"
[[ -z $(vg_devices "$other" vg_boot) ]] || die "vg_boot still active on $other after g_san stopped"
