# ocf:tandem:iscsi-target in cluster A's shape (#13) on LIO under Pacemaker, over
# ocf:tandem:lvm on examples/cluster-a's DRBD, with two floating IPs (one per storage network)
# as the target's portals, and c1's open-iscsi + dm-multipath logged in on both:
# 1. g_san (lvm, ip1, ip2, target) on the Primary: c1 discovers the target on both VIPs, one
#    multipath map with both paths active, a data pattern written through it;
# 2. the Primary moved (crm_resource --move --promoted) while a checked writer runs on c1: the
#    target comes back on the other node with the same WWID, no write fails, the map goes on;
# 3. a power cut of the active node, the writer still running: the survivor takes the stack
#    over, same WWID, no write fails, every block reads back as last written (no
#    acknowledged write lost), the pattern intact; the node that comes back takes nothing.
# c1 queues I/O without paths for up to 120 s in this case (no_path_retry 60; #14 owns the
# client's settings): the failover with the fence handler's wait takes 35-45 s.
# Starts from examples/cluster-a's ms_drbd (ensure_drbd_clone) and leaves it running, with
# g_san and its constraints deleted, vg_a inactive and c1 logged out.

iqn=iqn.2026-01.org.tandem.lab:clustera
vip1=10.77.1.100
vip2=10.77.2.100

a_client_clean() {
    on c1 "multipath -F >/dev/null 2>&1; iscsiadm -m node -T $iqn -u >/dev/null 2>&1; iscsiadm -m node -o delete >/dev/null 2>&1; iscsiadm -m discoverydb -t st -o delete >/dev/null 2>&1; true"
}
# The WWID c1 reads through each VIP's path, space-separated.
wwids() {
    local vip
    for vip in $vip1 $vip2; do
        on c1 "/lib/udev/scsi_id -g -u -d /dev/disk/by-path/ip-$vip:3260-iscsi-$iqn-lun-0 2>/dev/null || echo none"
    done | tr '\n' ' '
}
both_paths_ready() {
    [[ $(on c1 "multipath -ll" | grep -c "active ready running") == 2 ]] || { on c1 "multipath -ll"; return 1; }
}

step "precondition: examples/cluster-a's ms_drbd; vg_a (lun0) on the Primary, inactive; c1 queues 120 s without paths"
a_client_clean
client_logout
target_remove s1
target_remove s2
ensure_drbd_clone
cib_remove_above_drbd
lvm_conf_use lab
primary=$(wait_single_promoted 60)
other=$(other_node "$primary")
on_bash "$primary" <<'SCRIPT'
set -e
vgchange -q -an >/dev/null 2>&1 || true
wipefs -q -a /dev/drbd0 >/dev/null
pvcreate -q -ff -y /dev/drbd0
vgcreate -q vg_a /dev/drbd0
lvcreate -q -y -Wy -Zy -n lun0 -L 40M vg_a
vgchange -q -an vg_a
SCRIPT
on c1 "sed -i 's/no_path_retry 12/no_path_retry 60/' /etc/multipath.conf && multipathd reconfigure >/dev/null"

step "g_san from examples/cluster-a: lvm, two VIPs, the target with its portals on them, after the promotion on $primary"
# examples/cluster-a/crm-services.crm as written but for the lab's addresses, VG and iqn.
crm_file=$LAB_RUN/crm-cluster-a.crm
sed -e "s/192\.168\.1\.1\b/$vip1/g; s/192\.168\.2\.1\b/$vip2/g" -e 's/vgname=vg0/vgname=vg_a/; s|/dev/vg0/lun0|/dev/vg_a/lun0|' \
    -e "s|iqn=\"[^\"]*\"|iqn=$iqn|" "$REPO_ROOT/examples/cluster-a/crm-services.crm" >"$crm_file"
grep -q "portals=\"$vip1:3260 $vip2:3260\"" "$crm_file" || die "the example's portals did not become the lab's: $(cat "$crm_file")"
crm_load s1 "$crm_file"
wait_crm s1 180 --started p_target "$primary" --settled

step "c1: discovery on both VIPs, both paths in one map, a pattern written"
for vip in $vip1 $vip2; do
    on c1 "iscsiadm -m discovery -t st -p $vip" | grep -q "^$vip:3260,1 $iqn$" || die "discovery on $vip does not list $vip:3260,1 $iqn"
done
on c1 "iscsiadm -m node -T $iqn -l >/dev/null && udevadm settle"
LAB_POLL=2 poll 60 "both paths active/ready in one map" -- both_paths_ready >&2
on c1 "multipath -ll" >&2
before=$(wwids)
read -r w1 w2 <<<"$before"
[[ $w1 == "$w2" && $w1 == 36001405* ]] || die "the two paths do not show one LIO WWID: $before"
mpath=$(mpath_dev) || die "c1 has no multipath device"
sum=$(write_pattern c1 "$mpath" clustera 8)
client_writer_start "$mpath" 16
sleep 5

step "the Primary moved to $other: the target follows with the same WWID, the writer goes on"
on s1 "crm_resource --move --promoted --resource ms_drbd --node $other" >/dev/null 2>&1
wait_crm s1 240 --started p_target "$other" --promoted ms_drbd "$other" --settled
on s1 "crm_resource --clear --resource ms_drbd" >/dev/null 2>&1
wait_crm s1 60 --settled
LAB_POLL=2 poll 90 "both paths active/ready again" -- both_paths_ready >&2
[[ $(wwids) == "$before" ]] || die "WWIDs after the move: $(wwids), before: $before"
verify_pattern c1 "$mpath" 8 "$sum"

step "power cut of $other (active), the writer running: $primary takes the stack over"
power_cut "$other"
wait_crm "$primary" 240 --offline "$other" --promoted ms_drbd "$primary" --started p_target "$primary"
LAB_POLL=2 poll 120 "both paths active/ready on $primary" -- both_paths_ready >&2
[[ $(wwids) == "$before" ]] || die "WWIDs after the power cut: $(wwids), before: $before"
sleep 5
client_writer_verify "the move and the power cut"
verify_pattern c1 "$mpath" 8 "$sum"

step "boot $other: it rejoins and takes nothing"
power_on "$other"
wait_crm "$primary" 300 --online "$other" --started p_target "$primary" --settled
both_paths_ready >&2 || die "c1's paths after $other came back"
no_failed_ops s1 || die "failed operations"

step "stop g_san: nothing of the target left; c1 logged out, its multipath.conf back"
a_client_clean
on s1 "crm_resource --resource g_san --meta --set-parameter target-role --parameter-value Stopped" >/dev/null
wait_crm s1 120 --stopped p_lvm --settled
for guest in "${LAB_STORAGE[@]}"; do
    left=$(on "$guest" "find /sys/kernel/config/target -path '*p_target*' -o -path '*$iqn*' | head -n 3")
    [[ -z $left ]] || die "$guest's configfs still holds: $left"
done
on s1 "cibadmin --force --delete-all --xpath \"//rsc_colocation[@id='col_san_on_drbd'] | //rsc_order[@id='ord_drbd_before_san']\" >/dev/null 2>&1; true"
on s1 "cibadmin --force --delete-all --xpath \"/cib/configuration/resources/group[@id='g_san']\""
wait_crm s1 60 --settled
on c1 "cat >/etc/multipath.conf && multipathd reconfigure >/dev/null" <"$LAB_ROOT/guest/client/etc/multipath.conf"
