# Paths and power: the client's active path is unplugged (I/O fails over to the other ALUA
# group and the data stays intact), plugged back (both paths ready, back to the optimized
# group); the DRBD Secondary s2 loses power (the cluster and DRBD see it go), boots again,
# rejoins the cluster and resyncs. Starts from 00-smoke's stack (ensure_san_stack: kept, or
# made anew); leaves it so.

step "precondition: 00-smoke's stack (r0 with s1 Primary, LVM, LIO target, c1 on multipath)"
ensure_san_stack
dev=$(mpath_dev) || die "no multipath device on c1 after ensure_san_stack"
# Succeeds when both paths are "active ready running"; otherwise prints `multipath -ll`.
all_paths_ready() {
    local out
    out=$(on c1 "multipath -ll")
    [[ $(grep -c "active ready running" <<<"$out") == 2 ]] || { printf '%s\n' "$out"; return 1; }
}

step "unplug c1 from lan: I/O goes on through san"
cut_path c1 lan
sum=$(write_pattern c1 "$dev" failover 8)
wait_mpath "failed faulty" 90
wait_mpath "prio=10 status=active" 30
verify_pattern c1 "$dev" 8 "$sum"
on c1 "multipath -ll" >&2

step "plug c1 back: both paths ready, optimized group active again"
restore_path c1 lan
LAB_POLL=2 poll 120 "both paths of $dev 'active ready running' (read dmesg on c1)" -- all_paths_ready
wait_mpath "prio=50 status=active" 60
verify_pattern c1 "$dev" 8 "$sum"

step "power-cut s2 (DRBD Secondary)"
power_cut s2
wait_crm s1 90 --offline s2 --online s1
wait_drbd s1 "WFConnection Primary/Unknown UpToDate/DUnknown" 60
sum=$(write_pattern c1 "$dev" degraded 8)

step "boot s2: rejoins the cluster, DRBD resyncs"
power_on s2
wait_crm s1 240 --online s1 --online s2 --dc
on s2 "drbdadm up r0"
wait_drbd s1 "Connected Primary/Secondary UpToDate/UpToDate" 180
wait_drbd s2 "Connected Secondary/Primary UpToDate/UpToDate" 30
verify_pattern c1 "$dev" 8 "$sum"
