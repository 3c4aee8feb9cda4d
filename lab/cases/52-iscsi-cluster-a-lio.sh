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

# shellcheck disable=SC2034  # read by lib/cluster-a-case.sh
A_BACKEND=lio
source "$LAB_ROOT/lib/cluster-a-case.sh"
