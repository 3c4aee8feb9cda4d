// C helpers for what Swift cannot express: libqb's logging (loaded on demand, see
// ctandem_log.c) and a few glibc/Linux calls that are not imported cleanly
// (posix_spawn close-from, pipe2, pidfd_open).
#ifndef CTANDEM_H
#define CTANDEM_H

#include <stdint.h>
#include <spawn.h>
#include <sys/types.h>

/// Where log lines go; several may be enabled at once.
typedef struct {
    const char *ident;      // tag: "<agent>(<instance>)"
    int syslog_facility;    // LOG_DAEMON etc.; -1 = no syslog
    const char *logfile;    // NULL = no file
    int to_stderr;          // 1 = also write to stderr
    int debug;              // 1 = let LOG_DEBUG through
} ctandem_log_config;

/// Sets libqb logging up once (loading libqb). Returns 0; -ENOENT when libqb cannot be
/// loaded (nothing is enabled); or -errno when only the log file cannot be opened.
int ctandem_log_open(const ctandem_log_config *config);
/// Keeps the configuration (copied) for the first message, which opens the targets:
/// invocations that log nothing never load libqb.
int ctandem_log_configure(const ctandem_log_config *config);
/// One message at a syslog priority (LOG_ERR, LOG_INFO, ...), opening the configured
/// targets first if needed. Returns what that open returned (0, -ENOENT: no libqb,
/// nothing written; other -errno: the log file failed, the rest written), else 0.
int ctandem_log(int priority, const char *message);
/// Why libqb cannot be loaded, once (NULL when it can, and on later calls).
const char *ctandem_log_load_error(void);
/// Flushes and closes every target.
void ctandem_log_close(void);

/// posix_spawn_file_actions_addclosefrom_np (glibc >= 2.34).
int ctandem_spawn_addclosefrom(posix_spawn_file_actions_t *actions, int from);
/// POSIX_SPAWN_SETSID (glibc >= 2.26): the child gets its own session and process group.
short ctandem_spawn_flag_setsid(void);
/// pipe2(fds, O_CLOEXEC): both ends close on exec.
int ctandem_pipe_cloexec(int fds[2]);
/// pidfd_open(2); -1 with errno on failure (ENOSYS on kernels < 5.3).
int ctandem_pidfd_open(pid_t pid);
/// prctl(PR_SET_CHILD_SUBREAPER, 1): orphaned descendants are re-parented to the caller
/// instead of init, so that it can find and end them. Returns 0 or -1 with errno.
int ctandem_become_subreaper(void);

#endif
