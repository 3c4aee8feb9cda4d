# ocf:tandem:lvm in cluster A's shape (#12), system_id mode, on real LVM over real DRBD 8.4:
# 1. p_lvm colocated with and ordered after ms_drbd's promotion activates vg_sid (two LVs) on
#    the Primary only, and gives the group that node's system ID (system_id_source=uname);
# 2. the Primary moved (crm_resource --move --promoted): the activation follows DRBD to the other
#    node, never active on both;
# 3. a power cut of the active node: the survivor takes the group over from the dead owner's
#    system ID; the node that comes back activates nothing at boot;
# 4. on the Secondary, start refuses with a reason naming the DRBD device; bad names change
#    nothing; ocf-tester passes against the real group;
# 5. the monitor runs no process (strace on the guest).
# Starts from examples/cluster-a's ms_drbd (ensure_drbd_clone) and leaves it running, with
# p_lvm and its constraints deleted and vg_sid inactive.

lvm_agent=/usr/lib/ocf/resource.d/tandem/lvm
active_only_on() { vg_active_only_on "$1" vg_sid lun0 lun1; }
system_id_of_vg() { on "$1" "vgs --noheadings -o systemid vg_sid" | tr -d ' '; }
run_lvm() { local guest=$1 action=$2; shift 2; lvm_by_hand "$guest" "$action" vg_sid system_id "$@"; }

step "precondition: examples/cluster-a's ms_drbd; the lab's lvm.conf; vg_sid (lun0, lun1) made on the Primary, inactive"
ensure_drbd_clone
lvm_conf_use lab
primary=$(wait_single_promoted 60)
other=$(other_node "$primary")
on_bash "$primary" <<'SCRIPT'
set -e
vgchange -q -an >/dev/null 2>&1 || true
pvcreate -q -ff -y /dev/drbd0
vgcreate -q vg_sid /dev/drbd0
lvcreate -q -y -Wy -Zy -n lun0 -L 48M vg_sid
lvcreate -q -y -Wy -Zy -n lun1 -L 16M vg_sid
vgchange -q -an vg_sid
vgs --noheadings -o vg_name,systemid,lv_count vg_sid
SCRIPT
[[ $(system_id_of_vg "$primary") == "$primary" ]] || die "vg_sid was not made with $primary's system ID (system_id_source=uname)"

step "p_lvm after the promotion: both LVs active on $primary only"
on s1 "crm configure load update -" <<'CRM'
primitive p_lvm ocf:tandem:lvm params vgname=vg_sid vg_access_mode=system_id \
    op start timeout=90s op stop timeout=90s op monitor interval=10s timeout=90s
colocation col_lvm_on_drbd inf: p_lvm ms_drbd:Promoted
order ord_drbd_before_lvm Mandatory: ms_drbd:promote p_lvm:start
CRM
wait_crm s1 120 --started p_lvm "$primary" --settled
poll 30 "vg_sid active on $primary only" -- active_only_on "$primary"

step "the recurring monitor's cost: no process (strace -f on $primary)"
execs=$(on_bash "$primary" "$lvm_agent" <<'SCRIPT'
env OCF_ROOT=/usr/lib/ocf OCF_RESOURCE_INSTANCE=p_lvm OCF_RESKEY_vgname=vg_sid OCF_RESKEY_vg_access_mode=system_id \
    OCF_RESKEY_CRM_meta_interval=10000 OCF_RESKEY_CRM_meta_timeout=30000 HA_RSCTMP=/run/resource-agents \
    strace -f -qq -e trace=execve -o /tmp/lvm-monitor.strace "$1" monitor
echo "rc=$? execs=$(grep -c 'execve(' /tmp/lvm-monitor.strace)"
SCRIPT
)
[[ $execs == "rc=0 execs=1" ]] || die "monitor on $primary: $execs (want rc=0 and only the agent's own execve)"

step "the Primary moved to $other (crm_resource --move --promoted): the group follows, never active on both"
on s1 "crm_resource --move --promoted --resource ms_drbd --node $other"
wait_crm s1 240 --started p_lvm "$other" --promoted ms_drbd "$other" --settled
poll 30 "vg_sid active on $other only" -- active_only_on "$other"
[[ $(system_id_of_vg "$other") == "$other" ]] || die "vg_sid's system ID is not $other after the move"
on s1 "crm_resource --clear --resource ms_drbd"
wait_crm s1 120 --settled
poll 10 "vg_sid still on $other only after clear (stickiness)" -- active_only_on "$other"

step "a refused start on the Secondary $primary names the DRBD device; bad names change nothing"
out=$(run_lvm "$primary" start)
[[ $out == *"rc=1"* && $out == *"/dev/drbd0"*"Secondary"* ]] || die "start on the Secondary: $out"
out=$(run_lvm "$primary" start 'OCF_RESKEY_vgname=vg_sid;reboot')
[[ $out == *"rc=6"* && $out == *"ocf-exit-reason:vgname="* ]] || die "bad vgname: $out"
poll 10 "vg_sid still on $other only" -- active_only_on "$other"

step "power-cut $other (the active node): $primary takes vg_sid over from the dead owner"
power_cut "$other"
wait_crm "$primary" 240 --offline "$other" --promoted ms_drbd "$primary" --started p_lvm "$primary"
poll 30 "vg_sid active on $primary" -- active_only_on "$primary"
[[ $(system_id_of_vg "$primary") == "$primary" ]] || die "vg_sid's system ID is not $primary after the takeover"

step "boot $other: it rejoins and activates nothing"
power_on "$other"
wait_crm "$primary" 300 --online "$other" --started p_lvm "$primary" --settled
poll 60 "vg_sid on $primary only after $other came back" -- active_only_on "$primary"

step "ocf-tester against vg_sid on $primary (p_lvm unmanaged meanwhile)"
on s1 "crm resource unmanage p_lvm"
tester=$(on "$primary" "HA_RSCTMP=/run/resource-agents ocf-tester -n p_lvm_tester -o vgname=vg_sid -o vg_access_mode=system_id $lvm_agent 2>&1" || true)
printf '%s\n' "$tester" | tail -n 3 >&2
ocf_tester_accepts "$primary" "$lvm_agent" "$tester" \
    || { printf '%s\n' "$tester" >&2; die "ocf-tester reported failures for ocf:tandem:lvm on $primary"; }
on s1 "crm resource manage p_lvm && crm resource cleanup p_lvm"
wait_crm s1 120 --started p_lvm "$primary" --settled
poll 30 "vg_sid active on $primary only after ocf-tester" -- active_only_on "$primary"

step "leave ms_drbd as it was: p_lvm and its constraints deleted, vg_sid inactive"
on s1 "crm configure delete col_lvm_on_drbd ord_drbd_before_lvm && crm resource stop p_lvm"
wait_crm s1 120 --stopped p_lvm --settled
on s1 "crm configure delete p_lvm"
[[ -z $(vg_devices "$primary") ]] || die "vg_sid still active on $primary after p_lvm stopped"
