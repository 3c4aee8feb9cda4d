# Tandem storage lab: what the lab benchmarks (scripts/bench-drbd, scripts/bench-lvm) share.
# Sourced after common.sh, vm.sh and lab.sh, with BENCH_NAME set to the benchmark's name.

# Prints "BENCH_NAME: SKIPPED: REASON" and exits 0: a benchmark is not a test, and a host that
# cannot boot the lab still runs the others.
bench_skip() {
    echo "$BENCH_NAME: SKIPPED: $*"
    echo "(this benchmark needs the storage lab: make lab-up, or root with qemu and the lab image)"
    exit 0
}

# Uses the running lab, else boots one and takes it down again when the benchmark exits.
bench_lab() {
    local tool
    for tool in strace /usr/bin/time; do command -v "$tool" >/dev/null || bench_skip "$tool missing on the host"; done
    if guest_running s1 && guest_running s2; then
        echo "$BENCH_NAME: using the running lab ($LAB_RUN)"
        return 0
    fi
    ((EUID == 0)) || bench_skip "booting the lab needs root"
    echo "$BENCH_NAME: booting the lab (~2 min under TCG)"
    if ! (lab_up) >"$LAB_DIR/$BENCH_NAME.log" 2>&1; then
        tail -n 5 "$LAB_DIR/$BENCH_NAME.log" | sed 's/^/    /'
        (lab_down) >/dev/null 2>&1 || true
        bench_skip "the lab did not boot; read $LAB_DIR/$BENCH_NAME.log"
    fi
    trap '(lab_down) >/dev/null 2>&1 || true' EXIT
}

# Copies this host's strace (with its libraries) and /usr/bin/time into GUEST's
# /tmp/bench-tools, plus the FILES given (agents, tandem-bench): the guests have neither.
# Usage: bench_tools_to GUEST [FILE...]
bench_tools_to() {
    local guest=$1 tools
    shift
    tools=$(mktemp -d)
    cp /usr/bin/strace /usr/bin/time "$@" "$tools/"
    ldd /usr/bin/strace | awk '$3 ~ /^\// && $1 !~ /^lib(c|m|pthread|dl)\.so/ { print $3 }' | xargs -r cp -L -t "$tools/"
    tar -C "$tools" -cf - . | on "$guest" "rm -rf /tmp/bench-tools && mkdir -p /tmp/bench-tools && tar -C /tmp/bench-tools -mxf -"
    rm -rf "$tools"
}
