# ocf:tandem:iscsi-target as a promotable clone on SCST (#13, cluster B's shape), under
# Pacemaker over examples/cluster-b's dual-primary DRBD, with c1's open-iscsi and
# dm-multipath (prio alua, detect_prio no) as the client:
# 1. both nodes export /dev/drbd0 as LUN 0 of one target, each in a target port group of its
#    own (alua_group_ids s1=1 s2=2), implicit ALUA; Pacemaker promotes one instance;
# 2. c1 logs in on all four portals (each node's lan and san address): sg_inq TPGS=1,
#    sg_rtpg through each node's paths shows both nodes' groups (SCST reports both; each
#    node states the other's from notifications), one WWID on all four paths, multipath
#    groups prio 50 (the promoted node's two paths) and prio 10;
# 3. `crm_resource --move --promoted` swaps the roles while a writer on c1 (O_DIRECT|O_DSYNC,
#    each write checked) runs: no write fails, the prio-50 group follows, every block reads
#    back as last written; the longest write stall is logged; after --clear the role stays;
# 4. stop of the clone leaves nothing of it, and a target made by hand on s1 (SCST's sysfs)
#    survives;
# 5. ocf-tester against SCST (a primitive) by hand.
# SCST's modules and iscsi-scstd are loaded and started here and stopped at the end.
# Leaves r0 down on both nodes with the lab's own r0.res (as 32 does) and c1 logged out.

# shellcheck disable=SC2034  # read by lib/alua-case.sh
ALUA_BACKEND=scst
source "$LAB_ROOT/lib/alua-case.sh"
