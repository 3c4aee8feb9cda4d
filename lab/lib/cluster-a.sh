# Cluster A's shape in the lab (lab case 52, scripts/bench-move-lab): g_san (LVM, two floating
# IPs, the target with its LUN) on examples/cluster-a's ms_drbd, with c1's open-iscsi and
# dm-multipath (multibus over the two VIPs) as the client. Sourced after lab.sh.
# shellcheck shell=bash

a_iqn=iqn.2026-01.org.tandem.lab:clustera
# The group's last resource: the one whose start means the LUN is exported (the anchors'
# iSCSILogicalUnit comes after their iSCSITarget; crm_mon can show no pending action between).
a_last=p_target
# Whether to wait for Pacemaker to settle (no pending action) after a start or move: the
# anchors' recurring monitors take seconds under TCG, so crm_mon nearly always shows one pending.
a_settle=1
# Whether c1 rescans its sessions while it waits for its paths (the anchors only).
a_rescan=0
a_vip1=10.77.1.100
a_vip2=10.77.2.100

a_client_clean() {
    on c1 "multipath -F >/dev/null 2>&1; iscsiadm -m node -T $a_iqn -u >/dev/null 2>&1; iscsiadm -m node -o delete >/dev/null 2>&1; iscsiadm -m discoverydb -t st -o delete >/dev/null 2>&1; true"
}

# The WWID c1 reads through each VIP's path, space-separated.
a_wwids() {
    local vip
    for vip in $a_vip1 $a_vip2; do
        on c1 "/lib/udev/scsi_id -g -u -d /dev/disk/by-path/ip-$vip:3260-iscsi-$a_iqn-lun-0 2>/dev/null || echo none"
    done | tr '\n' ' '
}

a_both_paths_ready() {
    [[ $(on c1 "multipath -ll" | grep -c "active ready running") == 2 ]] && return 0
    # The anchors' target accepts logins before its LUN exists (iSCSITarget enables the TPG,
    # iSCSILogicalUnit adds the LUN later): a session that logged in meanwhile has LIO's
    # read-only virtual LUN 0 and sees the real one only after a rescan.
    if ((a_rescan)); then on c1 "iscsiadm -m session -R >/dev/null 2>&1; udevadm settle"; fi
    on c1 "multipath -ll"
    return 1
}

# examples/cluster-a's ms_drbd promoted on one node, nothing above it; vg_a (lun0) made on
# the Primary and left inactive; c1 logged out and queueing I/O without paths for 120 s
# (no_path_retry 60; #14 owns the client's settings). Sets a_primary.
a_precondition() {
    local primary
    a_client_clean
    client_logout
    target_remove s1
    target_remove s2
    ensure_drbd_clone
    cib_remove_above_drbd
    lvm_conf_use lab
    primary=$(wait_single_promoted 60)
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
    # shellcheck disable=SC2034  # read by the caller
    a_primary=$primary
}

# Loads examples/cluster-a/crm-services.crm as written but for the lab's addresses, VG and iqn
# (or FILE, a crm file in the same shape, with the same substitutions), and waits until the
# target runs on PRIMARY. Usage: a_load_services PRIMARY [FILE]
a_load_services() {
    local primary=$1 source=${2:-$REPO_ROOT/examples/cluster-a/crm-services.crm} crm_file=$LAB_RUN/crm-cluster-a.crm
    sed -e "s/192\.168\.1\.1\b/$a_vip1/g; s/192\.168\.2\.1\b/$a_vip2/g" -e 's/vgname=vg0/vgname=vg_a/; s|/dev/vg0/lun0|/dev/vg_a/lun0|' \
        -e "s|iqn=\"[^\"]*\"|iqn=$a_iqn|" "$source" >"$crm_file"
    grep -q "portals=\"$a_vip1:3260 $a_vip2:3260\"" "$crm_file" || die "the portals did not become the lab's: $(cat "$crm_file")"
    crm_load s1 "$crm_file"
    local settled=()
    if ((a_settle)); then settled=(--settled); fi
    wait_crm s1 180 --started "$a_last" "$primary" "${settled[@]}"
}

# c1 discovers the target on both VIPs and logs in on both; both paths in one map. Sets
# a_mpath to the multipath device.
a_client_login() {
    local vip
    for vip in $a_vip1 $a_vip2; do
        on c1 "iscsiadm -m discovery -t st -p $vip" | grep -Eq "^$vip:3260,[0-9]+ $a_iqn$" || die "discovery on $vip does not list $vip:3260 $a_iqn"
    done
    # One login per VIP: SCST's SendTargets also lists addresses no client reaches.
    for vip in $a_vip1 $a_vip2; do on c1 "iscsiadm -m node -T $a_iqn -p $vip:3260 -l >/dev/null"; done
    on c1 "udevadm settle"
    LAB_POLL=2 poll 60 "both paths active/ready in one map" -- a_both_paths_ready >&2
    # shellcheck disable=SC2034  # read by the caller
    a_mpath=$(mpath_dev) || die "c1 has no multipath device"
}

# Moves the Primary (and g_san with it) to NODE and waits until the target runs there, the
# move constraint is cleared and c1 has both paths again.
a_move_to() {
    local node=$1
    on s1 "crm_resource --move --promoted --resource ms_drbd --node $node" >/dev/null 2>&1
    local settled=()
    if ((a_settle)); then settled=(--settled); fi
    wait_crm s1 240 --started "$a_last" "$node" --promoted ms_drbd "$node" "${settled[@]}"
    on s1 "crm_resource --clear --resource ms_drbd" >/dev/null 2>&1
    if ((a_settle)); then wait_crm s1 60 --settled; fi
    LAB_POLL=2 poll 90 "both paths active/ready again" -- a_both_paths_ready >&2
}

# Stops and deletes g_san with its constraints; c1 logged out, its multipath.conf back.
a_remove_services() {
    a_client_clean
    on s1 "crm_resource --resource g_san --meta --set-parameter target-role --parameter-value Stopped" >/dev/null
    wait_crm s1 120 --stopped p_lvm --settled
    on s1 "cibadmin --force --delete-all --xpath \"//rsc_colocation[@id='col_san_on_drbd'] | //rsc_order[@id='ord_drbd_before_san']\" >/dev/null 2>&1; true"
    on s1 "cibadmin --force --delete-all --xpath \"/cib/configuration/resources/group[@id='g_san']\""
    wait_crm s1 60 --settled
    on c1 "cat >/etc/multipath.conf && multipathd reconfigure >/dev/null" <"$LAB_ROOT/guest/client/etc/multipath.conf"
}

# SCST's modules and iscsi-scstd on both storage nodes (what SCST's own service does), and back.
a_scst_start() { scst_start "${LAB_STORAGE[@]}"; }
a_scst_stop() { scst_stop "${LAB_STORAGE[@]}"; }
