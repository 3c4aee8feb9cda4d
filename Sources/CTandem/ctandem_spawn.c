#define _GNU_SOURCE
#include "ctandem.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

int ctandem_spawn_addclosefrom(posix_spawn_file_actions_t *actions, int from)
{
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
}

short ctandem_spawn_flag_setsid(void)
{
    return POSIX_SPAWN_SETSID;
}

int ctandem_pidfd_open(pid_t pid)
{
#ifdef SYS_pidfd_open
    return (int)syscall(SYS_pidfd_open, pid, 0);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int ctandem_become_subreaper(void)
{
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
}

int ctandem_pipe_cloexec(int fds[2])
{
    return pipe2(fds, O_CLOEXEC);
}
