# ocf:tandem:lvm in cluster A's shape (#12), tagging mode, on real LVM over real DRBD 8.4:
# 1. lvm.conf as tagging needs it on both nodes (no system ID; a volume_list that admits only
#    a local group); vg_tag made on the Primary with neither tag nor system ID;
# 2. p_lvm in the group g_san, colocated with and ordered after ms_drbd's promotion: the group
#    is tagged "pacemaker" and its two LVs active on the Primary only;
# 3. validate-all refuses (2, nothing changed) an lvm.conf whose volume_list admits the group
#    on every node, and a tag outside LVM's character set (6);
# 4. `crm resource move g_san OTHER` (the admin's move of the whole service): DRBD's Promoted
#    role and the activation follow, never active on both; clear;
# 5. a power cut of the active node: the survivor activates the group (still tagged by the dead
#    node); the node that comes back activates nothing;
# 6. stop deactivates and strips the tag.
# Starts from examples/cluster-a's ms_drbd (ensure_drbd_clone) and leaves it running, with g_san
# and its constraints deleted, vg_tag inactive and the lab's lvm.conf back.

active_only_on() { vg_active_only_on "$1" vg_tag lun0 lun1; }
tags_of_vg() { on "$1" "vgs --noheadings -o vg_tags vg_tag" | tr -d ' '; }

step "precondition: examples/cluster-a's ms_drbd; lvm.conf for tagging; vg_tag (lun0, lun1) on the Primary, untagged, inactive"
ensure_drbd_clone
primary=$(wait_single_promoted 60)
other=$(other_node "$primary")
lvm_conf_use tagging
on_bash "$primary" <<'SCRIPT'
set -e
vgchange -q -an >/dev/null 2>&1 || true
pvcreate -q -ff -y /dev/drbd0
vgcreate -q vg_tag /dev/drbd0
# volume_list admits only vg_local: the LVs are made inactive, so LVM can neither wipe nor zero them
lvcreate -q -y -an -Wn -Zn -n lun0 -L 48M vg_tag
lvcreate -q -y -an -Wn -Zn -n lun1 -L 16M vg_tag
vgs --noheadings -o vg_name,systemid,vg_tags,lv_count vg_tag
SCRIPT
[[ -z $(on "$primary" "vgs --noheadings -o systemid vg_tag" | tr -d ' ') ]] || die "vg_tag has a system ID"
[[ -z $(tags_of_vg "$primary") ]] || die "vg_tag is tagged before p_lvm ran: $(tags_of_vg "$primary")"
# An admin's (or a boot script's) activation by hand: volume_list keeps the group inactive.
out=$(on "$primary" "vgchange -ay vg_tag 2>&1" || true)
[[ -z $(vg_devices "$primary" vg_tag) ]] || die "vg_tag active after a by-hand vgchange -ay despite volume_list: $out"

step "g_san (p_lvm) after the promotion: vg_tag tagged and active on $primary only"
on s1 "crm configure load update -" <<'CRM'
primitive p_lvm ocf:tandem:lvm params vgname=vg_tag vg_access_mode=tagging tag=pacemaker \
    op start timeout=90s op stop timeout=90s op monitor interval=10s timeout=90s
group g_san p_lvm
colocation col_san_on_drbd inf: g_san ms_drbd:Promoted
order ord_drbd_before_san Mandatory: ms_drbd:promote g_san:start
CRM
wait_crm s1 120 --started p_lvm "$primary" --settled
poll 30 "vg_tag active on $primary only" -- active_only_on "$primary"
[[ $(tags_of_vg "$primary") == pacemaker ]] || die "vg_tag's tags on $primary: [$(tags_of_vg "$primary")], want pacemaker"

step "validate-all refuses a volume_list that admits vg_tag (2) and a bad tag (6); nothing changes"
out=$(on_bash "$primary" <<'SCRIPT'
mkdir -p /tmp/lvm-admits
sed 's/volume_list = \[ "vg_local" \]/volume_list = [ "vg_local", "vg_tag" ]/' /etc/lvm/lvm.conf >/tmp/lvm-admits/lvm.conf
grep -c '"vg_tag"' /tmp/lvm-admits/lvm.conf
SCRIPT
)
[[ $out == 1 ]] || die "could not make the admitting lvm.conf: $out"
out=$(lvm_by_hand "$primary" validate-all vg_tag tagging LVM_SYSTEM_DIR=/tmp/lvm-admits)
[[ $out == *"rc=2"* && $out == *"ocf-exit-reason:"*"admits vg_tag"* ]] || die "validate-all, volume_list admitting vg_tag: $out"
out=$(lvm_by_hand "$primary" validate-all vg_tag tagging 'OCF_RESKEY_tag=pace maker;x')
[[ $out == *"rc=6"* && $out == *"ocf-exit-reason:tag="* ]] || die "validate-all, bad tag: $out"
[[ $(tags_of_vg "$primary") == pacemaker ]] || die "vg_tag's tags changed by a refused call: [$(tags_of_vg "$primary")]"
poll 10 "vg_tag still on $primary only" -- active_only_on "$primary"

step "crm resource move g_san $other: DRBD's Promoted role and the activation follow"
on s1 "crm resource move g_san $other"
wait_crm s1 240 --started p_lvm "$other" --promoted ms_drbd "$other" --settled
poll 30 "vg_tag active on $other only" -- active_only_on "$other"
[[ $(tags_of_vg "$other") == pacemaker ]] || die "vg_tag's tags on $other: [$(tags_of_vg "$other")]"
on s1 "crm resource clear g_san"
wait_crm s1 120 --settled
poll 10 "vg_tag still on $other only after clear (stickiness)" -- active_only_on "$other"

step "power-cut $other (the active node): $primary activates vg_tag, still tagged by the dead node"
power_cut "$other"
wait_crm "$primary" 240 --offline "$other" --promoted ms_drbd "$primary" --started p_lvm "$primary"
poll 30 "vg_tag active on $primary" -- active_only_on "$primary"

step "boot $other: it rejoins and activates nothing"
power_on "$other"
lvm_conf_use tagging
wait_crm "$primary" 300 --online "$other" --started p_lvm "$primary" --settled
poll 60 "vg_tag on $primary only after $other came back" -- active_only_on "$primary"

step "stop: vg_tag inactive and untagged; leave ms_drbd as it was"
on s1 "crm configure delete col_san_on_drbd ord_drbd_before_san && crm resource stop g_san"
wait_crm s1 120 --stopped p_lvm --settled
[[ -z $(vg_devices "$primary" vg_tag) ]] || die "vg_tag still active on $primary after p_lvm stopped"
[[ -z $(tags_of_vg "$primary") ]] || die "vg_tag still tagged after stop: [$(tags_of_vg "$primary")]"
on s1 "crm configure delete g_san p_lvm"
lvm_conf_use lab
