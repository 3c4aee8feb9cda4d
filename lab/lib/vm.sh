# Tandem storage lab: image, switches, guests. Sourced by labctl after common.sh.

need_tools() {
    local tool missing=()
    for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
    ((${#missing[@]} == 0)) || die "missing ${missing[*]}: run 'scripts/install-deps --lab' (as root)"
}

# --- image -------------------------------------------------------------------------------

lab_image() {
    local dir log
    dir=$(image_dir)
    if [[ -f "$dir/root.img" ]]; then lab_log "image $dir (cached)"; return 0; fi
    need_tools debootstrap mkfs.ext4 ssh-keygen unshare chroot
    ((EUID == 0)) || die "building the lab image needs root (debootstrap, chroot)"
    mkdir -p "$LAB_IMAGES"
    exec 8>"$LAB_IMAGES/.lock"
    flock -w 1800 8 || die "another image build holds $LAB_IMAGES/.lock for 30 min"
    if [[ ! -f "$dir/root.img" ]]; then
        rm -rf "$LAB_IMAGES"/*.tmp.*
        log=$dir.build.log
        lab_log "building image $dir (recipe lab/image/ changed or no image yet; ~2-5 min); log $log"
        local start=$SECONDS
        if ! "$LAB_ROOT/image/build" "$dir" >"$log" 2>&1; then
            tail -n 20 "$log" >&2
            die "image build failed; read $log"
        fi
        lab_log "image built in $((SECONDS - start))s"
        local old
        for old in "$LAB_IMAGES"/bookworm-*; do
            [[ "$old" == "$dir" || "$old" == "$dir".* || ! -d "$old" ]] || rm -rf "$old" "$old".*.log
        done
    fi
    exec 8>&-
}

# --- SCST (lab/scst/build): modules and iscsi-scstd for the storage nodes ------------------

# Builds SCST for the image's kernel unless the cache has it (lab/scst/build; ~2-5 min on 2
# cores); needs the image (its manifest names the kernel). Sets LAB_SCST_SECONDS.
lab_scst() {
    local dir log start=$SECONDS kernel source
    LAB_SCST_SECONDS=0
    scst_wanted || { lab_log "TANDEM_LAB_SCST=0: no SCST in the lab"; return 0; }
    dir=$(scst_dir)
    if [[ -f "$dir/build-info.txt" ]]; then lab_log "SCST $dir (cached)"; return 0; fi
    need_tools gcc make apt-get dpkg-deb strip modinfo ldd
    kernel=$(guest_kernel); source=$(scst_source)
    mkdir -p "$LAB_SCST"
    exec 7>"$LAB_SCST/.lock"
    flock -w 1800 7 || die "another SCST build holds $LAB_SCST/.lock for 30 min"
    if [[ ! -f "$dir/build-info.txt" ]]; then
        rm -rf "$LAB_SCST"/*.tmp.*
        log=$dir.build.log
        lab_log "building SCST for the guests' kernel ${kernel%% *} ($(basename "$source"), ~2-5 min) into $dir; log $log"
        if ! "$LAB_ROOT/scst/build" "$dir" "$source" "${kernel%% *}" "${kernel#* }" >"$log" 2>&1; then
            tail -n 20 "$log" >&2
            die "SCST build failed; read $log"
        fi
        LAB_SCST_SECONDS=$((SECONDS - start))
        lab_log "SCST built in ${LAB_SCST_SECONDS}s ($(grep '^build:' "$dir/build-info.txt"))"
        local old
        for old in "$LAB_SCST"/*; do
            [[ "$old" == "$dir" || "$old" == "$dir".* || ! -d "$old" ]] || rm -rf "$old" "$old".build.log
        done
    fi
    exec 7>&-
}

# --- processes the lab started (pid files in $LAB_RUN, checked against their command line) --

# The pid in FILE if that process is alive and was started with an argument naming $LAB_RUN.
lab_pid() {
    local file=$1 pid
    [[ -f "$file" ]] || return 1
    pid=$(<"$file")
    [[ "$pid" =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' </proc/"$pid"/cmdline | grep -qF "$LAB_RUN/" || return 1
    echo "$pid"
}

# Stops the process in FILE: TERM (or the given command first), then KILL after a bound.
stop_pid() {
    local file=$1 what=$2 pid i
    pid=$(lab_pid "$file") || { rm -f "$file"; return 0; }
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        lab_log "$what (pid $pid) ignored SIGTERM; SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
}

monitor() {
    local guest=$1; shift
    printf '%s\n' "$*" | timeout 10 socat -t 2 - UNIX-CONNECT:"$(monitor_sock "$guest")" >/dev/null 2>&1
}

guest_running() { lab_pid "$LAB_RUN/$1.pid" >/dev/null; }

# --- switches ------------------------------------------------------------------------------

start_switch() {
    local seg=$1
    setsid vde_switch -s "$LAB_RUN/$seg.sw" -M "$LAB_RUN/$seg.mgmt" -n 8 -d -p "$LAB_RUN/$seg.pid" \
        </dev/null >>"$LAB_RUN/$seg.switch.log" 2>&1 8>&- 9>&- || die "vde_switch for '$seg' failed; read $LAB_RUN/$seg.switch.log"
    poll 10 "switch '$seg' management socket (read $LAB_RUN/$seg.switch.log)" -- test -S "$LAB_RUN/$seg.mgmt"
    # VLAN 99 holds unplugged ports (labctl cut).
    vde_cmd "$seg" vlan/create 99 >/dev/null
}

# Sends one command to a switch's management console; fails unless it answers "1000 Success".
vde_cmd() {
    local seg=$1 out; shift
    out=$(printf '%s\n' "$*" | timeout 10 socat -t 1 - UNIX-CONNECT:"$LAB_RUN/$seg.mgmt" 2>&1) || true
    [[ "$out" == *"1000 Success"* ]] || { lab_log "vde $seg: $*: $(grep -E '^(vde\$ )?1[0-9]{3} ' <<<"$out" | tail -n 1)"; return 1; }
}

# --- guests --------------------------------------------------------------------------------

lab_accel() {
    if [[ -w /dev/kvm ]] && grep -qwE 'vmx|svm' /proc/cpuinfo; then echo kvm; else echo tcg; fi
}

# Boots GUEST from its disks in $LAB_RUN (created by create_disks), detached.
start_guest() {
    local guest=$1 image idx port seg n args cmdline
    image=$(<"$LAB_RUN/image")
    idx=$(guest_index "$guest"); port=$(guest_port "$guest")
    if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        die "port 127.0.0.1:$port is in use (another lab?); set TANDEM_LAB_SSH_BASE"
    fi
    cmdline="root=/dev/vda rw console=ttyS0,115200 net.ifnames=0 panic=-1 mitigations=off"
    cmdline+=" tandem.host=$guest tandem.net=ctl,$(guest_mac "$guest" 0),10.0.2.15/24"
    args=(-name "$guest" -machine pc -accel "$(lab_accel)" -smp 1 -m "$LAB_MEM"
        -kernel "$image/vmlinuz" -initrd "$image/initrd.img"
        -drive "file=$LAB_RUN/$guest.root.qcow2,if=virtio,format=qcow2,cache=unsafe,discard=unmap"
        -netdev "user,id=ctl,restrict=on,hostfwd=tcp:127.0.0.1:$port-:22"
        -device "virtio-net-pci,netdev=ctl,mac=$(guest_mac "$guest" 0)"
        -device virtio-rng-pci
        -nodefaults -display none -vga none -no-reboot
        -serial "file:$(console_log "$guest")"
        -monitor "unix:$(monitor_sock "$guest"),server,nowait"
        -pidfile "$LAB_RUN/$guest.pid" -daemonize)
    if [[ -f "$LAB_RUN/$guest.data.qcow2" ]]; then
        args+=(-drive "file=$LAB_RUN/$guest.data.qcow2,if=virtio,format=qcow2,cache=unsafe")
    fi
    if [[ " ${LAB_STORAGE[*]} " == *" $guest "* ]]; then
        # The storage nodes share one raw disk for sbd (both qemu processes open it: no
        # image locking, share-rw) and have a hardware watchdog whose expiry cuts the power,
        # like a real node's: sbd's self-fencing then ends the qemu process.
        args+=(-drive "file=$LAB_RUN/sbd.img,if=none,id=sbd,format=raw,cache=writethrough,file.locking=off"
            -device "virtio-blk-pci,drive=sbd,share-rw=on,serial=tandem-sbd,addr=0x1e"   # last slot: stays vdc
            -device i6300esb -action watchdog=poweroff)
    fi
    for seg in "${LAB_SEGMENTS[@]}"; do
        n=$(segment_number "$seg")
        args+=(-netdev "vde,id=$seg,sock=$LAB_RUN/$seg.sw,port=$idx"
            -device "virtio-net-pci,netdev=$seg,mac=$(guest_mac "$guest" "$n")")
        cmdline+=" tandem.net=$seg,$(guest_mac "$guest" "$n"),$(guest_addr "$guest" "$seg")/24"
    done
    args+=(-append "$cmdline")
    : >>"$(console_log "$guest")"
    echo "$(date +%T) boot $guest: qemu-system-x86_64 ${args[*]}" >>"$(qemu_log "$guest")"
    setsid qemu-system-x86_64 "${args[@]}" </dev/null >>"$(qemu_log "$guest")" 2>&1 8>&- 9>&- \
        || die "qemu for $guest failed to start; read $(qemu_log "$guest")"
}

create_disks() {
    local guest=$1 image
    image=$(<"$LAB_RUN/image")
    qemu-img create -q -f qcow2 -F raw -b "$image/root.img" "$LAB_RUN/$guest.root.qcow2"
    if [[ " ${LAB_STORAGE[*]} " == *" $guest "* ]]; then
        qemu-img create -q -f qcow2 "$LAB_RUN/$guest.data.qcow2" 256M   # DRBD backing disk, /dev/vdb
        [[ -f "$LAB_RUN/sbd.img" ]] || qemu-img create -q -f raw "$LAB_RUN/sbd.img" 8M   # shared sbd disk
    fi
}

ssh_ready() {
    local guest=$1
    guest_running "$guest" || die "$guest is not running (qemu exited); read $(console_log "$guest") and $(qemu_log "$guest")"
    local opts
    mapfile -t opts < <(ssh_opts "$guest")
    timeout 20 ssh "${opts[@]}" -o ConnectTimeout=5 root@127.0.0.1 true </dev/null >/dev/null 2>&1
}

# Waits for sshd on GUEST, then opens the shared ssh connection every later command reuses.
wait_ssh() {
    local guest=$1
    LAB_POLL=2 poll "$LAB_BOOT_TIMEOUT" "$guest to answer ssh on 127.0.0.1:$(guest_port "$guest") (read $(console_log "$guest"))" \
        -- ssh_ready "$guest"
    local opts
    mapfile -t opts < <(ssh_opts "$guest")
    ssh "${opts[@]}" -o ControlMaster=yes -o ControlPersist=yes -M -N -f root@127.0.0.1 \
        </dev/null >>"$LAB_RUN/$guest.ssh.log" 2>&1 8>&- 9>&- || lab_log "no shared ssh connection to $guest (read $LAB_RUN/$guest.ssh.log); going on without"
}

stop_guest() {
    local guest=$1 pid i
    if pid=$(lab_pid "$LAB_RUN/$guest.pid"); then
        monitor "$guest" quit || true
        for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && stop_pid "$LAB_RUN/$guest.pid" "qemu $guest"
    fi
    rm -f "$LAB_RUN/$guest.pid"
    local opts
    mapfile -t opts < <(ssh_opts "$guest")
    [[ -S "$LAB_RUN/$guest.ssh-control" ]] && timeout 5 ssh "${opts[@]}" -O exit root@127.0.0.1 >/dev/null 2>&1
    rm -f "$LAB_RUN/$guest.ssh-control"
    return 0
}

# --- what goes onto the guests ---------------------------------------------------------------

lab_bin_dir() { echo "${TANDEM_LAB_BIN:-$REPO_ROOT/.build/x86_64-unknown-linux-gnu/release}"; }

# Lays out, under DIR, the files for a role (storage|client): lab/guest/ROLE, our
# agents and tools from the host's release build.
stage_payload() {
    local role=$1 dir=$2 bin
    rm -rf "$dir"; mkdir -p "$dir"
    cp -a "$LAB_ROOT/guest/$role/." "$dir/"
    bin=$(lab_bin_dir)
    [[ -x "$bin/tandem-crm-wait" ]] || die "no $bin/tandem-crm-wait: run 'make release' first (or set TANDEM_LAB_BIN)"
    install -D -m 0755 "$bin/tandem-crm-wait" "$dir/usr/local/bin/tandem-crm-wait"
    if [[ $role == storage ]]; then
        # The agents come from the Debian package (make deb), as admins install them: every lab
        # run also tests the package. setup-storage installs it at each boot.
        local deb=${TANDEM_LAB_DEB:-}
        if [[ -z $deb ]]; then
            deb=$(find "$REPO_ROOT/dist" -maxdepth 1 -name 'tandem_*.deb' ! -name '*dbgsym*' -printf '%T@ %p\n' 2>/dev/null \
                | sort -n | tail -n 1 | cut -d' ' -f2-)
        fi
        [[ -n $deb && -f $deb ]] || die "no Debian package of the agents: run 'make deb' (or set TANDEM_LAB_DEB)"
        install -D -m 0644 "$deb" "$dir/var/cache/tandem-lab/$(basename "$deb")"
        # The sample agent is no part of the package; 00-smoke runs it.
        [[ -x "$bin/ocf-sample" ]] || die "no release build of ocf-sample in $bin: run 'make release'"
        install -D -m 0755 "$bin/ocf-sample" "$dir/usr/lib/ocf/resource.d/tandem/ocf-sample"
        install -d "$dir/etc/corosync"
        cp "$LAB_RUN/authkey" "$dir/etc/corosync/authkey"
        chmod 0400 "$dir/etc/corosync/authkey"
        # The fence-peer handler reaches the other storage node with the lab key.
        install -D -m 0600 "$(ssh_key)" "$dir/root/.ssh/id_ed25519"
        # SCST (lab_scst built it): iscsi-scstd in /usr/local/sbin, the modules staged for
        # setup-storage, which puts them in /lib/modules/RELEASE/updates (loads nothing).
        if scst_wanted; then
            local scst
            scst=$(scst_dir)
            [[ -f $scst/build-info.txt ]] || die "no SCST build in $scst: run 'lab/labctl image' first"
            cp -a "$scst/payload/." "$dir/"
        fi
    fi
}

provision() {
    local guest=$1 role=client
    [[ " ${LAB_STORAGE[*]} " == *" $guest "* ]] && role=storage
    tar -C "$LAB_RUN/payload-$role" -cf - . | on "$guest" "tar -C / -xf - --no-same-owner --no-overwrite-dir" \
        || die "copying files to $guest failed"
    on "$guest" "/usr/local/lib/tandem-lab/setup-$role" >>"$LAB_RUN/$guest.setup.log" 2>&1 \
        || die "setting up $guest failed; read $LAB_RUN/$guest.setup.log"
}

# Starts corosync and pacemaker on the storage nodes given (the lab does, not the boot).
start_cluster() {
    local guest pids=()
    for guest in "$@"; do
        on "$guest" "systemctl start corosync pacemaker" >>"$LAB_RUN/$guest.setup.log" 2>&1 &
        pids+=($!)
    done
    local pid failed=0
    for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
    ((failed == 0)) || die "starting corosync/pacemaker failed; read $LAB_RUN/<guest>.setup.log and, on the guest, /var/log/corosync/corosync.log, /var/log/pacemaker/pacemaker.log"
}

# shellcheck disable=SC2120  # the arguments are optional; callers may pass them
wait_cluster() {
    local timeout=${1:-240} guest=${2:-s1}
    local out
    if ! out=$(on "$guest" "tandem-crm-wait --timeout $timeout --online s1 --online s2 --dc" 2>&1); then
        die "cluster not up: $out; read /var/log/pacemaker/pacemaker.log and /var/log/corosync/corosync.log on $guest (labctl ssh $guest)"
    fi
    lab_log "cluster: $out"
}

# --- commands ------------------------------------------------------------------------------

lab_up_failed() {
    if [[ ${TANDEM_LAB_KEEP:-} == 1 ]]; then
        lab_log "lab up failed; TANDEM_LAB_KEEP=1: guests left running for debugging (labctl down stops them)"
    else
        lab_log "lab up failed; stopping what it started (TANDEM_LAB_KEEP=1 keeps it for debugging)"
        lab_down
    fi
}

lab_up() {
    need_tools qemu-system-x86_64 qemu-img vde_switch socat ssh setsid flock timeout
    local started=$SECONDS
    lab_image
    LAB_IMAGE_SECONDS=$((SECONDS - started))
    lab_scst
    mkdir -p "$LAB_DIR"
    exec 9>"$LAB_DIR/run.lock"
    flock -n 9 || die "another lab run holds $LAB_DIR/run.lock (lab/labctl status)"
    lab_down >/dev/null 2>&1 || true   # leftovers of an earlier run that was not taken down
    rm -rf "$LAB_RUN"; mkdir -p "$LAB_RUN"
    image_dir >"$LAB_RUN/image"
    local start=$SECONDS guest seg
    head -c 128 /dev/urandom >"$LAB_RUN/authkey"
    stage_payload storage "$LAB_RUN/payload-storage"
    stage_payload client "$LAB_RUN/payload-client"
    for seg in "${LAB_SEGMENTS[@]}"; do start_switch "$seg"; done
    lab_log "booting ${LAB_GUESTS[*]} ($(lab_accel)); consoles: $LAB_RUN/<guest>.console.log"
    for guest in "${LAB_GUESTS[@]}"; do create_disks "$guest"; start_guest "$guest"; done
    for guest in "${LAB_GUESTS[@]}"; do wait_ssh "$guest"; done
    lab_log "guests answer ssh after $((SECONDS - start))s"
    for guest in "${LAB_GUESTS[@]}"; do provision "$guest"; done
    start_cluster "${LAB_STORAGE[@]}"
    wait_cluster
    LAB_UP_SECONDS=$((SECONDS - started - LAB_IMAGE_SECONDS - LAB_SCST_SECONDS))
    lab_log "lab up in ${LAB_UP_SECONDS}s (image: ${LAB_IMAGE_SECONDS}s, SCST build: ${LAB_SCST_SECONDS}s)"
}

lab_down() {
    local guest seg
    [[ -d "$LAB_RUN" ]] || return 0
    for guest in "${LAB_GUESTS[@]}"; do stop_guest "$guest"; done
    for seg in "${LAB_SEGMENTS[@]}"; do stop_pid "$LAB_RUN/$seg.pid" "vde_switch $seg"; done
    rm -f "$LAB_RUN"/*.qcow2 "$LAB_RUN"/sbd.img "$LAB_RUN"/*.monitor "$LAB_RUN"/*.mgmt "$LAB_RUN/authkey"
    rm -rf "$LAB_RUN"/*.sw "$LAB_RUN"/payload-*
    lab_log "lab down (logs kept in $LAB_RUN)"
}

lab_poweroff() {
    local guest=$1
    guest_id "$guest" >/dev/null
    guest_running "$guest" || die "$guest is not running"
    stop_guest "$guest"
    lab_log "$guest powered off (qemu quit)"
}

# Usage: lab_boot GUEST [COMMAND]: COMMAND runs on a storage node after its setup and before
# corosync and Pacemaker start (what a service enabled at boot does, e.g. SCST's).
lab_boot() {
    local guest=$1 before_cluster=${2:-} start=$SECONDS
    guest_id "$guest" >/dev/null
    ! guest_running "$guest" || die "$guest is already running"
    [[ -f "$LAB_RUN/$guest.root.qcow2" ]] || die "$guest has no disks: run 'labctl up' first"
    echo "==== $(date +%T) boot again" >>"$(console_log "$guest")"
    start_guest "$guest"
    wait_ssh "$guest"
    if [[ " ${LAB_STORAGE[*]} " == *" $guest "* ]]; then
        on "$guest" "/usr/local/lib/tandem-lab/setup-storage" >>"$LAB_RUN/$guest.setup.log" 2>&1 \
            || die "setting up $guest failed; read $LAB_RUN/$guest.setup.log"
        if [[ -n $before_cluster ]]; then on "$guest" "$before_cluster" || die "$guest: '$before_cluster' failed at boot"; fi
        start_cluster "$guest"
    else
        [[ -z $before_cluster ]] || die "lab_boot $guest: a command before the cluster is for storage nodes"
        on "$guest" "/usr/local/lib/tandem-lab/setup-client" >>"$LAB_RUN/$guest.setup.log" 2>&1 \
            || die "setting up $guest failed; read $LAB_RUN/$guest.setup.log"
    fi
    lab_log "$guest booted in $((SECONDS - start))s"
}

lab_cut() {
    local guest=$1 seg=$2
    segment_number "$seg" >/dev/null
    vde_cmd "$seg" port/setvlan "$(guest_index "$guest")" 99 >/dev/null || die "cannot unplug $guest from $seg"
    lab_log "$guest unplugged from $seg"
}

lab_restore() {
    local guest=$1 seg=$2
    segment_number "$seg" >/dev/null
    vde_cmd "$seg" port/setvlan "$(guest_index "$guest")" 0 >/dev/null || die "cannot plug $guest into $seg"
    lab_log "$guest plugged into $seg"
}

lab_status() {
    local guest seg pid
    echo "state: $LAB_RUN"
    for seg in "${LAB_SEGMENTS[@]}"; do
        if pid=$(lab_pid "$LAB_RUN/$seg.pid"); then echo "switch $seg: running (pid $pid)"; else echo "switch $seg: stopped"; fi
    done
    for guest in "${LAB_GUESTS[@]}"; do
        if pid=$(lab_pid "$LAB_RUN/$guest.pid"); then
            echo "$guest: running (pid $pid), ssh -p $(guest_port "$guest") root@127.0.0.1, console $(console_log "$guest")"
        else
            echo "$guest: stopped"
        fi
    done
}
