# Tandem storage lab: configuration and small helpers shared by labctl, the test runner
# and the cases. Sourced, never run. Callers use `set -euo pipefail`.
# shellcheck disable=SC2034  # the settings below are used by the files that source this one

LAB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO_ROOT=$(cd "$LAB_ROOT/.." && pwd)

# Everything the lab writes lives outside the repository.
LAB_DIR=${TANDEM_LAB_DIR:-/var/tmp/tandem-lab}
LAB_RUN=$LAB_DIR/run            # state of the running lab: sockets, pids, disks, logs
LAB_IMAGES=$LAB_DIR/images      # cached guest images, one directory per recipe hash

# The guests, their number (last octet of their addresses) and ssh port on 127.0.0.1.
LAB_GUESTS=(s1 s2 c1)
LAB_STORAGE=(s1 s2)
LAB_SEGMENTS=(lan san)
LAB_SSH_BASE=${TANDEM_LAB_SSH_BASE:-2240}
LAB_MEM=${TANDEM_LAB_MEM:-768}

# Bounded waits (seconds), all overridable for slow machines.
LAB_BOOT_TIMEOUT=${TANDEM_LAB_BOOT_TIMEOUT:-420}
LAB_CMD_TIMEOUT=${TANDEM_LAB_CMD_TIMEOUT:-300}

guest_id() {
    case "$1" in
    s1) echo 11 ;; s2) echo 12 ;; c1) echo 21 ;;
    *) die "unknown guest '$1' (guests: ${LAB_GUESTS[*]})" ;;
    esac
}
guest_index() {
    case "$1" in
    s1) echo 1 ;; s2) echo 2 ;; c1) echo 3 ;;
    *) die "unknown guest '$1' (guests: ${LAB_GUESTS[*]})" ;;
    esac
}
guest_port() { echo $((LAB_SSH_BASE + $(guest_index "$1"))); }
segment_number() {
    case "$1" in
    lan) echo 1 ;; san) echo 2 ;;
    *) die "unknown segment '$1' (segments: ${LAB_SEGMENTS[*]})" ;;
    esac
}
# Address of a guest on a segment: 10.77.<segment>.<id>.
guest_addr() { echo "10.77.$(segment_number "$2").$(guest_id "$1")"; }
guest_mac() { printf '52:54:00:77:%02x:%02x\n' "$2" "$(guest_id "$1")"; }

console_log() { echo "$LAB_RUN/$1.console.log"; }
qemu_log() { echo "$LAB_RUN/$1.qemu.log"; }
monitor_sock() { echo "$LAB_RUN/$1.monitor"; }

lab_log() { printf '%s lab: %s\n' "$(date +%T)" "$*" >&2; }
die() { printf 'lab: error: %s\n' "$*" >&2; exit 1; }

# The image built from the recipe in lab/image/ (its hash names the directory).
image_hash() {
    (cd "$LAB_ROOT/image" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) \
        | sha256sum | cut -c1-16
}
image_dir() { echo "$LAB_IMAGES/bookworm-$(image_hash)"; }

# SCST for the storage nodes (not in Debian): kernel modules and iscsi-scstd built on the host
# by lab/scst/build for the image's kernel, cached in one directory per key. TANDEM_LAB_SCST=0
# leaves SCST out of the lab; TANDEM_LAB_SCST_SOURCE names the source (a .tar.gz or a tree),
# by default the one in ../shared/vendor/ beside the repository.
LAB_SCST=$LAB_DIR/scst
scst_wanted() { [[ ${TANDEM_LAB_SCST:-1} != 0 ]]; }
scst_source() {
    local found
    if [[ -n ${TANDEM_LAB_SCST_SOURCE:-} ]]; then echo "$TANDEM_LAB_SCST_SOURCE"; return 0; fi
    found=$(find "$REPO_ROOT/../shared/vendor" -maxdepth 1 -name 'scst-*.tar.gz' 2>/dev/null | sort | tail -n 1)
    [[ -n $found ]] || die "no SCST source: ../shared/vendor/scst-*.tar.gz beside the repository is missing; set TANDEM_LAB_SCST_SOURCE (or TANDEM_LAB_SCST=0 for a lab without SCST)"
    (cd "$(dirname "$found")" && echo "$(pwd)/$(basename "$found")")
}
# "RELEASE VERSION" of the kernel the image's guests run (its manifest: linux-image-RELEASE VERSION).
guest_kernel() {
    local manifest
    manifest=$(image_dir)/manifest.txt
    [[ -f $manifest ]] || die "no $manifest: build the image first (lab/labctl image)"
    sed -n 's/^linux-image-\([0-9][^ ]*-amd64\) \(.*\)$/\1 \2/p' "$manifest" | sort -V | tail -n 1
}
# The key: the source's content, the guest kernel (release and package version) and the build
# script. A new image with the same kernel keeps the build; a kernel update makes a new one.
scst_hash() {
    local source=$1 kernel=$2 source_hash
    if [[ -d $source ]]; then
        source_hash=$(cd "$source" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum)
    else
        source_hash=$(sha256sum <"$source")
    fi
    printf '%s\n' "${source_hash%% *}" "$kernel" "$(sha256sum <"$LAB_ROOT/scst/build")" | sha256sum | cut -c1-16
}
scst_dir() {
    local kernel
    kernel=$(guest_kernel)
    [[ -n $kernel ]] || die "the image's manifest names no linux-image-*-amd64 package"
    echo "$LAB_SCST/${kernel%% *}-$(scst_hash "$(scst_source)" "$kernel")"
}

ssh_key() { echo "$(image_dir)/lab_key"; }
ssh_opts() {
    local guest=$1
    printf '%s\n' -i "$(ssh_key)" -p "$(guest_port "$guest")" \
        -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \
        -o BatchMode=yes -o ConnectTimeout=10 -o ServerAliveInterval=5 -o ServerAliveCountMax=6 \
        -o ControlPath="$LAB_RUN/$guest.ssh-control" -o ControlMaster=no
}

# Runs a command line on a guest (as root, through bash), bounded by LAB_CMD_TIMEOUT.
# Usage: on GUEST 'command line'   (stdin is passed through)
on() {
    local guest=$1; shift
    local opts
    mapfile -t opts < <(ssh_opts "$guest")
    timeout --kill-after=5 "$LAB_CMD_TIMEOUT" ssh "${opts[@]}" root@127.0.0.1 "$*"
}

# Runs the bash script on stdin on GUEST with ARGs as $1, $2, ... (each quoted for the remote
# shell), so a guest script is a quoted heredoc and takes its values as arguments.
# Usage: on_bash GUEST [ARG...] <<'EOF' ... EOF
on_bash() {
    local guest=$1; shift
    if (($# == 0)); then on "$guest" "bash -s"; else on "$guest" "bash -s --$(printf ' %q' "$@")"; fi
}

# The lab's one wait loop: runs COMMAND every LAB_POLL seconds (default 1) until it succeeds,
# then prints its output; dies with DESCRIPTION and the command's last output when TIMEOUT
# seconds pass first. So a command that fails should print what it saw. It runs in the
# caller's shell (errexit off, as in any condition): it may `die` to give up at once, and
# should change nothing but the lab's state it waits for.
# Usage: poll TIMEOUT DESCRIPTION -- command args...
poll() {
    local timeout=$1 what=$2 deadline out rc=0
    shift 2
    [[ ${1:-} == -- ]] && shift
    deadline=$((SECONDS + timeout))
    # In the run directory: a command that dies leaves its output there, with the logs.
    out=$(mktemp "$LAB_RUN/poll.XXXXXX")
    until "$@" >"$out" 2>&1; do
        if ((SECONDS >= deadline)); then rc=1; break; fi
        sleep "${LAB_POLL:-1}"
    done
    if ((rc != 0)); then
        local last
        last=$(cat "$out"); rm -f "$out"
        die "timed out after ${timeout}s waiting for $what; last: ${last:-(no output)}"
    fi
    cat "$out"; rm -f "$out"
}
