# The failover scenario shared by scripts/demo and scripts/bench-failover (sourced, bash):
# a promotable clone (Pacemaker's Stateful) and a floating IP colocated with its promoted
# instance and started after the promotion, on a 2-node namespace cluster.

nscluster=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/nscluster
vip=10.77.0.100

now_ms() { date +%s%3N; }

# crm_mon XML as NODE sees the cluster.
crm_xml() { "$nscluster" exec "$1" crm_mon -1 --output-as=xml 2>/dev/null; }

# Values an XPath selects in XML on stdin, one per line (attribute values unwrapped).
xpath() { xmllint --xpath "$1" - 2>/dev/null | sed -E 's/^ *[a-z_-]+="([^"]*)"$/\1/' || true; }

promoted_node() { crm_xml "$1" | xpath '//clone[@id="ms_state"]/resource[@role="Promoted"]/node/@name'; }
unpromoted_nodes() { crm_xml "$1" | xpath '//clone[@id="ms_state"]/resource[@role="Unpromoted"]/node/@name'; }
vip_node() { crm_xml "$1" | xpath '//resource[@id="p_vip"][@role="Started"]/node/@name'; }
vip_agent_of() { crm_xml "$1" | xpath 'string(//resource[@id="p_vip"]/@resource_agent)'; }
cluster_idle() { [[ -z $(crm_xml "$1" | xpath '//resource[@pending or @role="Starting" or @role="Promoting" or @role="Stopping" or @role="Demoting"]/@id') ]]; }

# Polls `$@` every 0.2 s for at most $1 seconds.
wait_until() {
    local seconds=$1 what=$2 deadline
    shift 2
    deadline=$((SECONDS + seconds))
    until "$@"; do
        if ((SECONDS >= deadline)); then
            echo "timed out after ${seconds}s waiting for $what; logs: /run/tandem-nscluster/nodes/*/{init.log,log-pacemaker/pacemaker.log}" >&2
            return 1
        fi
        sleep 0.2
    done
}

configure_failover_scenario() {
    local agent=$1 output
    # crmsh always warns "Blind faith: not fencing unseen nodes" (no fencing here): its
    # output is shown only when the configuration fails.
    output=$("$nscluster" exec tnd-n1 crm configure 2>&1 <<EOF
primitive p_state ocf:pacemaker:Stateful op monitor interval=5s role=Promoted timeout=20s op monitor interval=6s role=Unpromoted timeout=20s
clone ms_state p_state meta promotable=true promoted-max=1 clone-max=2 clone-node-max=1
primitive p_vip $agent params ip=$vip cidr_netmask=24 nic=eth0 op monitor interval=5s timeout=20s
colocation c_vip_on_promoted inf: p_vip ms_state:Promoted
order o_promote_then_vip Mandatory: ms_state:promote p_vip:start
commit
EOF
    ) || { printf '%s\n' "$output" >&2; echo "crm configure failed" >&2; return 1; }
}

# True when one node is promoted and holds the VIP, the other is unpromoted, nothing pending.
scenario_settled() {
    local node=$1 promoted vip_at unpromoted
    promoted=$(promoted_node "$node")
    vip_at=$(vip_node "$node")
    unpromoted=$(unpromoted_nodes "$node")
    [[ -n $promoted && $promoted == "$vip_at" && -n $unpromoted && $unpromoted != "$promoted" ]] && cluster_idle "$node"
}

# The node that is not $1 (two-node cluster).
other_node() { [[ $1 == tnd-n1 ]] && echo tnd-n2 || echo tnd-n1; }

# Epoch milliseconds of a corosync/pacemaker log line ("Nov 22 08:23:05.525 …").
log_ms() { date -d "$(awk '{print $1, $2, $3}' <<<"$1")" +%s%3N 2>/dev/null; }

# "MS" of an execd "exited with status 0 (execution time 63ms)" line ("1.234s" too).
exec_ms() {
    local text
    text=$(sed -nE 's/.*\(execution time ([0-9.]+m?s)\).*/\1/p' <<<"$1")
    case $text in
    *ms) echo "${text%ms}" ;;
    *s) awk -v s="${text%s}" 'BEGIN { printf "%d\n", s * 1000 }' ;;
    *) echo "" ;;
    esac
}

# After a failover to SURVIVOR that began at T0 (epoch ms), reads the survivor's own logs:
# prints "detection_ms promote_ms vip_start_ms vip_started_at_ms" (empty fields when a line
# is missing). Detection is power-off until corosync formed the new membership.
failover_breakdown() {
    local survivor=$1 t0=$2 dir membership promote start line
    dir=/run/tandem-nscluster/nodes/$survivor
    membership=$(grep -h 'A new membership .* Members left' "$dir/log-corosync/corosync.log" | tail -n1)
    promote=$(grep -h 'pacemaker-execd.*p_state promote (call .* exited with status 0' "$dir/log-pacemaker/pacemaker.log" | tail -n1)
    start=$(grep -h 'pacemaker-execd.*p_vip start (call .* exited with status 0' "$dir/log-pacemaker/pacemaker.log" | tail -n1)
    local detection="" promote_ms="" start_ms="" started_at=""
    if [[ -n $membership ]] && line=$(log_ms "$membership") && ((line >= t0 - 1000)); then detection=$((line - t0)); fi
    if [[ -n $promote ]] && line=$(log_ms "$promote") && ((line >= t0)); then promote_ms=$(exec_ms "$promote"); fi
    if [[ -n $start ]] && line=$(log_ms "$start") && ((line >= t0)); then
        start_ms=$(exec_ms "$start")
        started_at=$((line - t0))
    fi
    echo "${detection:--} ${promote_ms:--} ${start_ms:--} ${started_at:--}"
}
