# ocf:tandem:iscsi-target's promotable clone on SCST (#13, cluster B's shape) with
# alua_unpromoted_state=standby, through an orderly reboot of the promoted node, c1 writing:
# 1. the unpromoted node's group is standby (sg_rtpg through the promoted node's path: SCST
#    reports both groups), c1's multipath ranks its paths prio 1, the promoted node's 50;
# 2. `systemctl reboot` of the promoted node, a checked writer on c1: the other node is
#    promoted (its paths prio 50), and states the rebooted node's group unavailable (the stop
#    notification); no write fails;
# 3. the node boots (SCST's modules and iscsi-scstd before Pacemaker, as SCST's service
#    starts them), rejoins unpromoted: its group standby again, its paths back at prio 1, the
#    role stays where it is; every block reads back as last written.
# Leaves r0 down on both nodes with the lab's own r0.res and c1 logged out (as 53 does).

# shellcheck disable=SC2034  # read by lib/cluster-b.sh
ALUA_BACKEND=scst ALUA_PARAMS="alua_unpromoted_state=standby" ALUA_UNPROMOTED_PRIO=1
# shellcheck source=../lib/cluster-b.sh
source "$LAB_ROOT/lib/cluster-b.sh"

# Succeeds when dm-multipath on c1 has both of NODE's paths failed.
paths_failed() {
    local states
    states=$(on_bash c1 "$iqn" "$(guest_addr "$1" lan)" "$(guest_addr "$1" san)" <<'SCRIPT'
iqn=$1; shift
for address in "$@"; do
    dev=$(basename "$(readlink -f "/dev/disk/by-path/ip-$address:3260-iscsi-$iqn-lun-0")")
    multipathd show paths raw format "%d %t" | awk -v d="$dev" '$1 == d { print $2 }'
done
SCRIPT
)
    [[ $(tr '\n' ' ' <<<"$states") == "failed failed " ]] || { echo "$1's paths: $states"; return 1; }
}

step "precondition: examples/cluster-b's ms_drbd, Primary on both; no target; c1 logged out"
alua_precondition

step "ms_target with alua_unpromoted_state=standby; c1 on all four portals: prio 50 / prio 1"
alua_load_target
promoted=$alua_promoted
other=$alua_other
alua_client_login
on c1 "multipath -ll" >&2
promoted_lan=$(guest_addr "$promoted" lan)
other_lan=$(guest_addr "$other" lan)
LAB_POLL=2 poll 30 "sg_rtpg through $promoted: $other's group standby" -- group_state_is "$promoted_lan" "$other" standby >&2
group_state_is "$promoted_lan" "$promoted" active/optimized >&2 || die "sg_rtpg through $promoted does not show its own group active/optimized"
group_state_is "$other_lan" "$other" standby >&2 || die "sg_rtpg through $other does not show its own group standby"

step "systemctl reboot of $promoted (promoted), the writer running: $other is promoted, $promoted's group unavailable"
client_writer_start "$alua_mpath" 16
sleep 5
on "$promoted" "systemctl reboot" || true   # the connection may go with the node
poll 240 "$promoted finished its orderly shutdown (qemu quits: -no-reboot)" -- guest_stopped "$promoted"
wait_crm "$other" 240 --offline "$promoted" --promoted ms_target "$other" --settled
LAB_POLL=2 poll 60 "sg_rtpg through $other: its group active/optimized" -- group_state_is "$other_lan" "$other" active/optimized >&2
LAB_POLL=2 poll 30 "sg_rtpg through $other: $promoted's group unavailable" -- group_state_is "$other_lan" "$promoted" unavailable >&2
wait_mpath "prio=50 status=active" 60
LAB_POLL=2 poll 60 "$promoted's two paths failed on c1" -- paths_failed "$promoted"
on c1 "multipath -ll" >&2
no_failed_ops "$other" || die "failed operations after the reboot of $promoted"

step "boot $promoted (SCST started before Pacemaker): it rejoins unpromoted, standby; the role stays on $other"
power_on "$promoted" "$SCST_START"
wait_crm "$other" 300 --online "$promoted" --promoted ms_drbd "$promoted" --started ms_target "$promoted" --settled
wait_crm_roles "$other" ms_target Promoted "$other" 30
wait_crm_roles "$other" ms_target Unpromoted "$promoted" 30
LAB_POLL=2 poll 60 "sg_rtpg through $other: $promoted's group standby again" -- group_state_is "$other_lan" "$promoted" standby >&2
LAB_POLL=2 poll 120 "$other's paths at prio 50, $promoted's back at prio 1" -- prios_follow "$other" >&2
on c1 "multipath -ll" >&2
client_writer_verify "the reboot of $promoted"
no_failed_ops "$other" || die "failed operations after $promoted rejoined"

step "ms_target and ms_drbd removed; DRBD down, the lab's r0.res back"
alua_remove_target
alua_teardown
