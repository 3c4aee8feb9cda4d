# Sourced by nscluster: how a namespace-cluster node is made, booted and powered off
# (configuration files, the switch, the node's NIC, its init, the watchdog). Uses the
# variables and helpers nscluster defines before sourcing it.

write_corosync_conf() {
    local size=$1 i conf=$state/corosync.conf
    {
        echo "# written by nscluster"
        echo "totem {"
        echo "    version: 2"
        echo "    cluster_name: tandem"
        echo "    transport: knet"
        echo "    token: $token"
        echo "    crypto_cipher: aes256"
        echo "    crypto_hash: sha256"
        echo "}"
        echo "nodelist {"
        for ((i = 1; i <= size; i++)); do
            echo "    node {"
            echo "        ring0_addr: $subnet.$((10 + i))"
            echo "        name: $(node_name "$i")"
            echo "        nodeid: $i"
            echo "    }"
        done
        echo "}"
        echo "quorum {"
        echo "    provider: corosync_votequorum"
        ((size == 2)) && echo "    two_node: 1"
        echo "}"
        echo "logging {"
        echo "    to_logfile: yes"
        echo "    logfile: /var/log/corosync/corosync.log"
        echo "    to_syslog: no"
        echo "    to_stderr: no"
        echo "    timestamp: hires"
        echo "}"
    } >"$conf"
    corosync-keygen -k "$state/authkey" >/dev/null 2>&1 || die "corosync-keygen failed"
}

# A first CIB: no fencing in a namespace lab, a DC within 2 s instead of ~20 s, and the
# quorum policy of the cluster size (ignore for 2 nodes, stop for more).
write_cib() {
    local size=$1 policy=stop
    ((size == 2)) && policy=ignore
    cat <<EOF
<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
  <configuration>
    <crm_config>
      <cluster_property_set id="cib-bootstrap-options">
        <nvpair id="cib-bootstrap-options-stonith-enabled" name="stonith-enabled" value="false"/>
        <nvpair id="cib-bootstrap-options-no-quorum-policy" name="no-quorum-policy" value="$policy"/>
        <nvpair id="cib-bootstrap-options-dc-deadtime" name="dc-deadtime" value="2s"/>
        <nvpair id="cib-bootstrap-options-cluster-name" name="cluster-name" value="tandem"/>
      </cluster_property_set>
    </crm_config>
    <nodes/>
    <resources/>
    <constraints/>
  </configuration>
  <status/>
</cib>
EOF
}

prepare_node_dir() {
    local node=$1 size=$2 dir i
    dir=$(node_dir "$node")
    mkdir -p "$dir"/{etc-corosync/uidgid.d,etc-pacemaker,lib-corosync,lib-heartbeat,log-corosync}
    install -d -m 0750 -o hacluster -g haclient "$dir/lib-pacemaker" \
        "$dir"/lib-pacemaker/{cib,pengine,blackbox,cores}
    install -d -m 0770 -o hacluster -g haclient "$dir/log-pacemaker" "$dir/log-pacemaker/bundles"
    install -m 0644 "$state/corosync.conf" "$dir/etc-corosync/corosync.conf"
    install -m 0400 "$state/authkey" "$dir/etc-corosync/authkey"
    write_cib "$size" >"$dir/lib-pacemaker/cib/cib.xml"
    chown hacluster:haclient "$dir/lib-pacemaker/cib/cib.xml"
    chmod 0600 "$dir/lib-pacemaker/cib/cib.xml"
    {
        echo "127.0.0.1 localhost"
        for ((i = 1; i <= size; i++)); do echo "$subnet.$((10 + i)) $(node_name "$i")"; done
    } >"$dir/hosts"
}

make_switch() {
    ip netns add "$switch"
    ip -n "$switch" link set lo up
    ip -n "$switch" link add br0 type bridge stp_state 0 forward_delay 0
    ip -n "$switch" addr add "$subnet.254/24" dev br0
    ip -n "$switch" link set br0 up
}

# The node's NIC: eth0 in the node, its peer (named after the node) on the bridge.
plug_node() {
    local node=$1
    ip netns add "$node"
    ip -n "$switch" link add "$node" type veth peer name eth0 netns "$node"
    ip -n "$switch" link set "$node" master br0 up
    ip -n "$node" link set lo up
    ip -n "$node" addr add "$(node_address "$node")/24" dev eth0
    ip -n "$node" link set eth0 up
}

start_node() {
    local node=$1 dir launcher pid="" i
    dir=$(node_dir "$node")
    plug_node "$node"
    # setsid + env -i: the node runs in its own session with a clean environment;
    # node-init closes every other descriptor. The launcher (unshare) forks node-init as
    # PID 1 of the new PID namespace and waits for it.
    (exec setsid env -i PATH="$clean_path" nsenter --net="/run/netns/$node" \
        unshare --mount --uts --ipc --pid --fork --mount-proc --propagation private \
        bash "$here/node-init" "$node" "$dir" </dev/null >>"$dir/init.log" 2>&1) &
    launcher=$!
    for ((i = 0; i < 100; i++)); do
        pid=$(cat "/proc/$launcher/task/$launcher/children" 2>/dev/null || true)
        pid=${pid%% *}
        [[ -n $pid ]] && break
        sleep 0.05
    done
    [[ -n $pid ]] || die "$node: node-init did not start; read $dir/init.log"
    echo "$pid" >"$dir/pid"
    say "$node booting (init PID $pid, $(node_address "$node"))"
}

# Every process inside a node's network namespace, killed by PID; then the namespace.
kill_namespace() {
    local ns=$1 pids deadline=$((SECONDS + 15))
    [[ -e /run/netns/$ns ]] || return 0
    while pids=$(ip netns pids "$ns" 2>/dev/null) && [[ -n $pids ]]; do
        # shellcheck disable=SC2086
        kill -KILL $pids 2>/dev/null || true
        ((SECONDS < deadline)) || { say "processes in $ns survive SIGKILL: $pids"; break; }
        sleep 0.05
    done
    ip netns delete "$ns" 2>/dev/null || true
}

power_off() {
    local node=$1 pid
    if pid=$(node_pid "$node"); then kill -KILL "$pid"; fi
    kill_namespace "$node"
    rm -f "$(node_dir "$node")/pid"
    # The NIC is gone once the kernel has destroyed the namespace (asynchronous).
    wait_for 15 "$node's NIC to disappear" "ip netns pids / lsns -t net" \
        eval "! ip -n $switch link show $node >/dev/null 2>&1"
}

# The watchdog of `up --owner PID`: once PID is gone (a test run killed or interrupted),
# it takes the cluster down, unless the cluster it watched has been replaced meanwhile.
start_watchdog() {
    local owner=$1 token
    token="$owner-$(date +%s%N)"
    echo "$token" >"$state/owner"
    (exec setsid env -i PATH="$clean_path" bash -c '
        owner=$1 token=$2 state=$3 nscluster=$4
        while kill -0 "$owner" 2>/dev/null && [[ $(cat "$state/owner" 2>/dev/null) == "$token" ]]; do sleep 1; done
        if [[ $(cat "$state/owner" 2>/dev/null) == "$token" ]]; then
            rm -f "$state/watchdog"
            echo "nscluster watchdog: owner $owner is gone, tearing down" >&2
            "$nscluster" down
        fi' nscluster-watchdog "$owner" "$token" "$state" "$here/nscluster" </dev/null >>"$state/watchdog.log" 2>&1) &
    echo "$!" >"$state/watchdog"
}

# The watchdog's PID, checked against its command line.
watchdog_pid() {
    local pid
    pid=$(cat "$state/watchdog" 2>/dev/null) || return 1
    [[ $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) == *"nscluster-watchdog "* ]] || return 1
    echo "$pid"
}
