# Smoke: the lab itself. DRBD replicates s1→s2 to UpToDate/UpToDate, LVM sits on /dev/drbd0,
# a LIO target exports the LV through two portals with two ALUA groups, the client logs in on
# both paths, multipath groups them by ALUA priority (50 and 10), data written through the
# multipath device reads back intact; a Swift agent runs on the guest (meta-data, ocf-tester).
# Takes down first what earlier cases may have left on a reused lab (drbd_teardown). Leaves
# DRBD connected with s1 Primary, vg0/lun0 active and exported, c1 logged in.

step "a Tandem agent (static Swift binary) runs on the guests"
on s1 "/usr/lib/ocf/resource.d/tandem/ocf-sample meta-data" | grep -q '<resource-agent name="ocf-sample"' \
    || die "ocf-sample meta-data on s1 did not print its resource-agent element"
on s1 "HA_RSCTMP=/run/resource-agents ocf-tester -n sample -o state=/run/ocf-tester.state /usr/lib/ocf/resource.d/tandem/ocf-sample" \
    | tail -n 1 | grep -q "passed all tests" || die "ocf-tester failed for ocf-sample on s1"

step "the agents come from the Debian package (make deb), its version in their meta-data"
for guest in s1 s2; do
    owner=$(on "$guest" "dpkg -S /usr/lib/ocf/resource.d/tandem/drbd /usr/lib/ocf/resource.d/tandem/lvm" | cut -d: -f1 | sort -u)
    [[ $owner == tandem ]] || die "the agents on $guest are not the tandem package's (dpkg -S: $owner)"
    version=$(on "$guest" "dpkg-query -W -f='\${Version}' tandem")
    on "$guest" "/usr/lib/ocf/resource.d/tandem/lvm meta-data" | grep -q "<resource-agent name=\"lvm\" version=\"$version\"" \
        || die "ocf:tandem:lvm's meta-data on $guest does not show the package version $version"
done

step "DRBD: initial sync s1 -> s2"
drbd_teardown
drbd_use_lab_config
drbd_init
on s1 "drbdsetup events2 --now r0" | grep -q "peer-device name:r0 .*replication:Established peer-disk:UpToDate" \
    || die "drbdsetup events2 on s1 does not show the peer UpToDate"

step "LVM on /dev/drbd0"
lvm_create s1 128M

step "LIO target: two portals, two ALUA groups"
target_create s1
on s1 "targetcli ls /iscsi 1" | tee -a /dev/stderr | grep -q "$LAB_IQN" || die "targetcli does not list $LAB_IQN"

step "client: iSCSI login on both paths, multipath"
client_login s1
wait_mpath "prio=50 status=" 60
wait_mpath "prio=10 status=" 30
dev=$(mpath_dev) || die "no multipath device on c1"
[[ $(on c1 "multipath -ll" | grep -c "policy=") == 2 ]] || die "multipath -ll on c1 does not show two path groups"

step "data through multipath ($dev)"
sum=$(write_pattern c1 "$dev" smoke 16)
verify_pattern c1 "$dev" 16 "$sum"
wait_mpath "prio=50 status=active" 30
on c1 "multipath -ll" >&2
on c1 "multipath -ll" | grep -q "prio=10 status=enabled" || die "the non-optimized path group is not 'enabled'"
